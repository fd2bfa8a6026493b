import { checkHeaderValue, currencyExponent, type RateLimit } from '@storeport/core';
import { parseOptions, TransportSettingsSchema } from '@storeport/core/kit';
import { z } from 'zod';
import { PLATFORM } from './platform';

/**
 * CommerceHQ documents no rate limit (real clients do meet 429s). Assumed: 120 requests per
 * minute per private app, sent evenly (one every ~0.5 s). Override with `rateLimit`, or pass
 * your own `limiter`; 429s are retried after `Retry-After` either way.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 120, windowMs: 60_000 };

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

const isCurrency = (code: string) => {
  try {
    currencyExponent(code);
    return true;
  } catch {
    return false;
  }
};

export const CommerceHQOptionsSchema = TransportSettingsSchema.extend({
  /** The store's subdomain: `mystore` for `https://mystore.commercehq.com`. */
  store: z.string().refine((s) => s.trim() !== '', 'is required (the store subdomain)'),
  /** The private app's API key. */
  apiKey: z.string().min(1, 'is required'),
  /** The private app's API password. */
  apiPassword: z.string().min(1, 'is required'),
  /** The store's currency: CommerceHQ sends amounts without one. Default `USD`. */
  currency: z.string().refine(isCurrency, 'must be an ISO 4217 code like "USD"').default('USD'),
  /**
   * Warehouse id used when fulfilling products that track inventory (CommerceHQ requires one).
   * Default: the store's first warehouse (`GET /helpers/warehouses`).
   */
  warehouse: z.number().int().positive('must be a positive integer warehouse id').optional(),
  /**
   * An amount with more decimals than the currency has (`8.165` USD): `'reject'` (default) reports
   * its record as invalid; `'half-even'` rounds it to the nearest minor unit, ties to even.
   */
  rounding: z.enum(['reject', 'half-even']).default('reject'),
}).superRefine((o, ctx) => {
  // Without a baseUrl the store names the host, so it must be a subdomain.
  if (o.baseUrl === undefined && !SUBDOMAIN.test(o.store)) {
    ctx.addIssue({ code: 'custom', path: ['store'], message: 'must be the store subdomain, like "mystore"' });
  }
});

/** What `createCommerceHQAdapter` takes. */
export type CommerceHQAdapterOptions = z.input<typeof CommerceHQOptionsSchema>;
export type ResolvedOptions = z.output<typeof CommerceHQOptionsSchema>;

/** Checks the options a user passes, naming the first wrong one. */
export function readOptions(options: CommerceHQAdapterOptions): ResolvedOptions {
  const parsed = parseOptions(PLATFORM, CommerceHQOptionsSchema, options);
  // Both go into the Basic-auth header.
  checkHeaderValue(`@storeport/${PLATFORM}`, 'apiKey', parsed.apiKey);
  checkHeaderValue(`@storeport/${PLATFORM}`, 'apiPassword', parsed.apiPassword);
  return parsed;
}
