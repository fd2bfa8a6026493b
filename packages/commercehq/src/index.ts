import { assembleAdapter, type CommerceAdapter } from '@storeport/core';
import { CAPABILITIES } from './capabilities';
import { ChqClient } from './client';
import { type CommerceHQCustomers, customersResource } from './customers';
import { type CommerceHQAdapterOptions, PLATFORM, readOptions } from './options';
import { ordersResource } from './orders';
import { productsResource } from './products';

export { CAPABILITIES as COMMERCEHQ_CAPABILITIES, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './capabilities';
export type { CommerceHQCustomers, CustomerAddressUpdate } from './customers';
export { FULFILLMENT_STATUS_TABLE, orderStatus, PAYMENT_STATUS_TABLE } from './map-status';
export type { CommerceHQAdapterOptions } from './options';
export { DEFAULT_RATE_LIMIT } from './options';

/** The CommerceHQ adapter: the unified interface plus `customers.updateAddress`. */
export interface CommerceHQAdapter extends CommerceAdapter {
  readonly customers: CommerceHQCustomers;
}

/**
 * `createCommerceHQAdapter({ store, apiKey, apiPassword })` for a private app of
 * `https://<store>.commercehq.com`. Amounts come in the store's `currency` (default USD).
 */
export function createCommerceHQAdapter(options: CommerceHQAdapterOptions): CommerceHQAdapter {
  const resolved = readOptions(options);
  const client = new ChqClient(options, resolved);
  return assembleAdapter(
    PLATFORM,
    CAPABILITIES,
    client,
    {
      customers: customersResource(client),
      orders: ordersResource(client),
      products: productsResource(client),
    },
    { customers: { updateAddress: [0, 1] } },
  );
}
