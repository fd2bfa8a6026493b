import { runAdapterContract } from '@storeport/contract';
import { createCommerceHQAdapter } from '../src';

runAdapterContract({
  name: 'commercehq',
  platform: 'commercehq',
  createAdapter: (options) =>
    createCommerceHQAdapter(options as Parameters<typeof createCommerceHQAdapter>[0]),
  fixtures: {
    // CommerceHQ's API has no stock level, so the default fixture's inventoryQuantity is left out.
    product: {
      title: `Contract Pinot ${Date.now().toString(36)}`,
      sku: 'CT-PINOT',
      price: { amount: 4295, currency: 'USD' },
    },
  },
});
