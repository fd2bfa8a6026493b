import {
  checkHeaderValue,
  currencyExponent,
  type LimiterLike,
  type RateLimit,
  type RedisLimiterOptions,
  type RetryOptions,
} from '@storeport/core';
import { parseOptions, TransportSettingsSchema } from '@storeport/core/kit';
import { z } from 'zod';
import { PLATFORM } from './platform';

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

/** "?limit=n where n is between 1 and 50"; 50 is also the default (getting-started seed). */
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 50;

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

const NON_EMPTY = 'must be a non-empty string';
const credential = z.string({ error: NON_EMPTY }).refine((s) => s.trim() !== '', NON_EMPTY);

const OptionsSchema = TransportSettingsSchema.omit({ headers: true }).extend({
  tenant: credential,
  appId: credential,
  appSecret: credential,
  currency: z
    .string()
    .default('USD')
    .superRefine((currency, ctx) => {
      let exponent: number;
      try {
        exponent = currencyExponent(currency);
      } catch (err) {
        const message = `is not an ISO 4217 code storeport knows (${(err as Error).message})`;
        return ctx.addIssue({ code: 'custom', message });
      }
      // "All currency amounts are stored in Commerce7 in cents": a currency without cents cannot be read exactly.
      if (exponent !== 2) {
        const message = `must have two decimal places (Commerce7 stores cents); ${currency} has ${exponent}`;
        ctx.addIssue({ code: 'custom', message });
      }
    }),
  baseUrl: z.string().default(DEFAULT_BASE_URL),
  rateLimit: TransportSettingsSchema.shape.rateLimit.unwrap().default(RATE_LIMIT),
  slowPageIntervalMs: z
    .number()
    .nonnegative('must be a non-negative number')
    .finite('must be a non-negative number')
    .default(SLOW_PAGE_INTERVAL_MS),
});

export type ResolvedOptions = z.output<typeof OptionsSchema> & { redis?: RedisLimiterOptions };

/** Checks the options at construction: a ConfigurationError names the first one missing or wrong. */
export function readOptions(options: Commerce7AdapterOptions): ResolvedOptions {
  const parsed = parseOptions(PLATFORM, OptionsSchema, options);
  // All three go into headers (tenant, Basic auth).
  for (const key of ['tenant', 'appId', 'appSecret'] as const)
    checkHeaderValue(`@storeport/${PLATFORM}`, key, parsed[key]);
  return parsed;
}
