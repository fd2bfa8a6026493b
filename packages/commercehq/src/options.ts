import {
  ConfigurationError,
  checkHeaderValue,
  currencyExponent,
  type LimiterLike,
  type RateLimit,
  type RedisLimiterOptions,
  type RetryOptions,
} from '@storeport/core';

export const PLATFORM = 'commercehq' as const;

/**
 * CommerceHQ documents no rate limit (real clients do meet 429s). Assumed: 120 requests per
 * minute per private app, sent evenly (one every ~0.5 s). Override with `rateLimit`, or pass
 * your own `limiter`; 429s are retried after `Retry-After` either way.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 120, windowMs: 60_000 };

export interface CommerceHQAdapterOptions {
  /** The store's subdomain: `mystore` for `https://mystore.commercehq.com`. */
  store: string;
  /** The private app's API key. */
  apiKey: string;
  /** The private app's API password. */
  apiPassword: string;
  /** The store's currency: CommerceHQ sends amounts without one. Default `USD`. */
  currency?: string;
  /** Default `https://<store>.commercehq.com/api/v1`. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** A bottleneck limiter of your own (e.g. clustered over Redis); `false` turns client-side limiting off. */
  limiter?: LimiterLike | false;
  /** Overrides the assumed limit (requests per window). */
  rateLimit?: RateLimit;
  /** Share the limit across processes through Redis (needs `ioredis`). */
  redis?: RedisLimiterOptions;
  retry?: RetryOptions | false;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /**
   * Largest response body read, in bytes (counted while streaming); past it the call fails with a
   * ResponseTooLargeError (`response_too_large`), not retried. Default 32 MiB.
   */
  maxResponseBytes?: number;
  /**
   * Warehouse id used when fulfilling products that track inventory (CommerceHQ requires one).
   * Default: the store's first warehouse (`GET /helpers/warehouses`).
   */
  warehouse?: number;
}

export interface ResolvedOptions {
  store: string;
  apiKey: string;
  apiPassword: string;
  currency: string;
  baseUrl: string;
  rateLimit: RateLimit;
  warehouse: number | undefined;
}

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** Checks the options a user passes, naming the first wrong one. */
export function readOptions(options: CommerceHQAdapterOptions | undefined): ResolvedOptions {
  if (!options || typeof options !== 'object') throw bad('options', 'is required');
  const { store, apiKey, apiPassword } = options;
  if (typeof store !== 'string' || store.trim() === '')
    throw bad('store', 'is required (the store subdomain)');
  if (options.baseUrl === undefined && !SUBDOMAIN.test(store)) {
    throw bad('store', `must be the store subdomain, like "mystore", got ${JSON.stringify(store)}`);
  }
  if (typeof apiKey !== 'string' || apiKey === '') throw bad('apiKey', 'is required');
  if (typeof apiPassword !== 'string' || apiPassword === '') throw bad('apiPassword', 'is required');
  // Both go into the Basic-auth header.
  checkHeaderValue(`@storeport/${PLATFORM}`, 'apiKey', apiKey);
  checkHeaderValue(`@storeport/${PLATFORM}`, 'apiPassword', apiPassword);
  const currency = options.currency ?? 'USD';
  try {
    currencyExponent(currency);
  } catch (err) {
    throw bad('currency', `must be an ISO 4217 code like "USD": ${(err as Error).message}`);
  }
  if (options.baseUrl !== undefined && typeof options.baseUrl !== 'string')
    throw bad('baseUrl', 'must be a string');
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (!(rateLimit.limit > 0) || !(rateLimit.windowMs > 0))
    throw bad('rateLimit', 'needs a positive limit and windowMs');
  const warehouse = options.warehouse;
  if (warehouse !== undefined && !(Number.isSafeInteger(warehouse) && warehouse > 0)) {
    throw bad('warehouse', 'must be a positive integer warehouse id');
  }
  return {
    store,
    apiKey,
    apiPassword,
    currency,
    baseUrl: options.baseUrl ?? `https://${store}.commercehq.com/api/v1`,
    rateLimit,
    warehouse,
  };
}

function bad(option: string, problem: string): ConfigurationError {
  return new ConfigurationError(`@storeport/commercehq: "${option}" ${problem}`, {
    platform: PLATFORM,
    code: 'invalid_options',
  });
}
