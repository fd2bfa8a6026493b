import type { CommerceAdapter } from '@storeport/core';
import { defineAdapter } from '@storeport/core/kit';
import { CommerceHQClient } from './client';
import { type CommerceHQCustomers, customersResource } from './customers';
import { type CommerceHQAdapterOptions, readOptions } from './options';
import { ordersResource } from './orders';
import { PLATFORM } from './platform';
import { productsResource } from './products';

export type { CommerceHQCustomers, CustomerAddressUpdate } from './customers';
export { FULFILLMENT_STATUS_TABLE, orderStatus, PAYMENT_STATUS_TABLE } from './map-status';
export { type CommerceHQAdapterOptions, DEFAULT_RATE_LIMIT } from './options';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging';

/**
 * CommerceHQ as a declaration: what its API does. Orders cannot be created, deleted or moved to
 * another status through it ("At the moment, you can only edit the address, the notes and change
 * the customer"), besides fulfilments, shipments and refunds. Filters are those the search
 * endpoints apply server-side.
 */
export const commercehq = defineAdapter({
  platform: PLATFORM,
  options: readOptions,
  connect: (options) => new CommerceHQClient(options),
  resources: (client) => ({
    customers: customersResource(client),
    orders: ordersResource(client),
    products: productsResource(client),
  }),
});

export const COMMERCEHQ_CAPABILITIES = commercehq.capabilities();

/** The CommerceHQ adapter: the unified interface plus `customers.updateAddress`. */
export interface CommerceHQAdapter extends CommerceAdapter {
  readonly customers: CommerceHQCustomers;
}

/**
 * `createCommerceHQAdapter({ store, apiKey, apiPassword })` for a private app of
 * `https://<store>.commercehq.com`. Amounts come in the store's `currency` (default USD).
 */
export function createCommerceHQAdapter(options: CommerceHQAdapterOptions): CommerceHQAdapter {
  return commercehq.create(options);
}
