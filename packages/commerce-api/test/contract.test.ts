import { runAdapterContract } from '@storeport/contract';
import { createCommerceApiAdapter } from '../src';

const stamp = Date.now().toString(36);

// Short-lived tokens: the whole suite runs through logins, refreshes and re-logins as it goes.
runAdapterContract({
  name: 'commerce-api',
  platform: 'commerce-api',
  createAdapter: (options) => createCommerceApiAdapter(options as never),
  sandbox: { platformOptions: { tokenLifetimeSec: 2 } },
  fixtures: {
    // The API requires a category (unified `type`) on every product.
    product: {
      title: `Contract Runner ${stamp}`,
      sku: `CT-${stamp}`,
      price: { amount: 4295, currency: 'USD' },
      inventoryQuantity: 12,
      type: 'footwear',
    },
  },
});

runAdapterContract({
  name: 'commerce-api (API key)',
  platform: 'commerce-api',
  createAdapter: (options) => createCommerceApiAdapter(options as never),
  sandbox: { platformOptions: { credentials: 'apiKey' } },
  fixtures: {
    product: {
      title: `Contract Key Runner ${stamp}`,
      sku: `CK-${stamp}`,
      price: { amount: 1999, currency: 'USD' },
      inventoryQuantity: 3,
      type: 'home',
    },
  },
});
