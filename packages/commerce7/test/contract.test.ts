import { runAdapterContract } from '@storeport/contract';
import { createCommerce7Adapter } from '../src';

const stamp = Date.now().toString(36);

runAdapterContract({
  name: 'commerce7',
  platform: 'commerce7',
  createAdapter: (options) => createCommerce7Adapter(options as Parameters<typeof createCommerce7Adapter>[0]),
  listDiffersFromGet: {
    // docs/adapters/commerce7.md: list() gives the flat location, get() reads the address book
    // (one more request per customer, which an export must not pay).
    customers: { addresses: 'list() maps the location, get() the Customer Address resource' },
  },
  fixtures: {
    // Commerce7 keeps inventory per location through its own API, not on product writes, so the
    // default fixture's `inventoryQuantity` is left out (the adapter refuses it; see sandbox.test.ts).
    product: {
      title: `Contract Pinot ${stamp}`,
      sku: `CT-${stamp}`,
      price: { amount: 4295, currency: 'USD' },
    },
  },
});
