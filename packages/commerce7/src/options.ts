import {
  ConfigurationError,
  checkHeaderValue,
  currencyExponent,
  type LimiterLike,
  type RateLimit,
  type RedisLimiterOptions,
  type RetryOptions,
} from '@storeport/core';

export const PLATFORM = 'commerce7' as const;

/** "https://api.commerce7.com/v1/{endpoint}" (API overview). */
export const DEFAULT_BASE_URL = 'https://api.commerce7.com/v1';

/**
 * "API rate limits are 100 requests per minute, based on tenant" (getting-started seed). Past
 * page 100 of a page-mode list the seed says 1 request per 5 s, the current docs 1 per 60 s: the
 * adapter waits the stricter 60 s by default.
 */
export const RATE_LIMIT = { limit: 100, windowMs: 60_000 } as const;
export const SLOW_PAGE_INTERVAL_MS = 60_000;
export const SLOW_PAGE_FROM = 101;

export interface Commerce7AdapterOptions {
  /** The tenant id: the first part of the admin URL (`spectrawinery` in `spectrawinery.admin.platform.commerce7.com`). */
  tenant: string;
  /** The app id (Basic-auth user name), or an API user's email in the data-migration mode. */
  appId: string;
  /** The app secret key (Basic-auth password), or that API user's password. */
  appSecret: string;
  /** Commerce7 sends amounts in cents and no currency: the tenant's currency. Default `'USD'`. */
  currency?: string;
  /** Default `https://api.commerce7.com/v1`. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /**
   * Replaces the built-in limiter (100 requests/min per tenant, shared by every adapter on that
   * tenant in this process), e.g. a bottleneck clustered over Redis; `false` turns limiting off.
   */
  limiter?: LimiterLike | false;
  /** Overrides the documented limit (100 requests per 60 s), e.g. scaled for a sandbox. */
  rateLimit?: RateLimit;
  /** Share the tenant's budget across processes through Redis (needs `ioredis`). */
  redis?: RedisLimiterOptions;
  retry?: RetryOptions | false;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /**
   * Largest response body read, in bytes (counted while streaming); past it the call fails with a
   * ResponseTooLargeError (`response_too_large`), not retried. Default 32 MiB.
   */
  maxResponseBytes?: number;
  /** Wait between page-mode requests past page 100. Default 60 s (current docs; the seed says 5 s). */
  slowPageIntervalMs?: number;
}

export interface ResolvedOptions {
  tenant: string;
  appId: string;
  appSecret: string;
  currency: string;
  baseUrl: string;
  rateLimit: RateLimit;
  slowPageIntervalMs: number;
}

/** Checks the options at construction, naming the first one that is missing or wrong. */
export function readOptions(options: Commerce7AdapterOptions | undefined): ResolvedOptions {
  if (!options || typeof options !== 'object') throw invalid('options', 'are required');
  for (const key of ['tenant', 'appId', 'appSecret'] as const) {
    const v = options[key];
    if (v === undefined || v === null) throw invalid(key, 'is required');
    if (typeof v !== 'string' || v.trim() === '') throw invalid(key, 'must be a non-empty string');
    // All three go into headers (tenant, Basic auth).
    checkHeaderValue(`@storeport/${PLATFORM}`, key, v);
  }
  const currency = options.currency ?? 'USD';
  let exponent: number;
  try {
    exponent = currencyExponent(currency);
  } catch (err) {
    throw invalid('currency', `is not an ISO 4217 code storeport knows (${(err as Error).message})`);
  }
  // "All currency amounts are stored in Commerce7 in cents": a currency without cents cannot be read exactly.
  if (exponent !== 2)
    throw invalid(
      'currency',
      `must have two decimal places (Commerce7 stores cents); ${currency} has ${exponent}`,
    );
  const rateLimit = options.rateLimit ?? RATE_LIMIT;
  if (
    !(Number.isFinite(rateLimit.limit) && rateLimit.limit > 0) ||
    !(Number.isFinite(rateLimit.windowMs) && rateLimit.windowMs > 0)
  )
    throw invalid('rateLimit', 'needs a positive limit and windowMs');
  const slow = options.slowPageIntervalMs ?? SLOW_PAGE_INTERVAL_MS;
  if (!Number.isFinite(slow) || slow < 0)
    throw invalid('slowPageIntervalMs', 'must be a non-negative number');
  if (options.timeoutMs !== undefined && (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0)) {
    throw invalid('timeoutMs', 'must be a positive number');
  }
  return {
    tenant: options.tenant,
    appId: options.appId,
    appSecret: options.appSecret,
    currency,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    rateLimit: { limit: rateLimit.limit, windowMs: rateLimit.windowMs },
    slowPageIntervalMs: slow,
  };
}

function invalid(option: string, problem: string): ConfigurationError {
  return new ConfigurationError(`@storeport/commerce7: "${option}" ${problem}`, {
    platform: PLATFORM,
    code: 'invalid_options',
  });
}
