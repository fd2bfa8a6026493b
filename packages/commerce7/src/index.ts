import { assembleAdapter, type CommerceAdapter } from '@storeport/core';
import { CAPABILITIES } from './capabilities';
import { C7Client } from './client';
import { customersResource } from './customers';
import { type Commerce7AdapterOptions, PLATFORM, readOptions } from './options';
import { ordersResource } from './orders';
import { productsResource } from './products';

export { CAPABILITIES as COMMERCE7_CAPABILITIES, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './capabilities';
export {
  FULFILLMENT_STATUS_TABLE,
  PAYMENT_STATUS_TABLE,
  PRODUCT_STATUS_TABLE,
  SHIPPING_STATUS_TABLE,
  WEB_STATUS_FOR,
} from './map-status';
export type { Commerce7AdapterOptions } from './options';
export { DEFAULT_BASE_URL, RATE_LIMIT, SLOW_PAGE_INTERVAL_MS } from './options';

/**
 * The Commerce7 adapter: `createCommerce7Adapter({ tenant, appId, appSecret })`. Basic auth with
 * the app id and secret plus the `tenant` header on every request; lists in cursor mode (no rate
 * limit); everything else within 100 requests/min per tenant, shared by every adapter on that
 * tenant in the process (or by `limiter` / `redis` across processes). Amounts are cents in the
 * tenant's `currency` (default USD), which Commerce7 never sends.
 */
export function createCommerce7Adapter(options: Commerce7AdapterOptions): CommerceAdapter {
  const resolved = readOptions(options);
  const client = new C7Client(options, resolved);
  return assembleAdapter(PLATFORM, CAPABILITIES, client, {
    customers: customersResource(client),
    orders: ordersResource(client),
    products: productsResource(client),
  });
}
