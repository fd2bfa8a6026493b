import {
  checkHeaderValue,
  type LimiterLike,
  type RateLimit,
  type RedisLimiterOptions,
  type RetryOptions,
  type RoundingMode,
} from '@storeport/core';
import { parseOptions, TransportSettingsSchema } from '@storeport/core/kit';
import { z } from 'zod';
import { PLATFORM } from './platform';

/** The seed's server: `https://api.commerce.io/v2`. */
export const DEFAULT_BASE_URL = 'https://api.commerce.io/v2';

/** The seed: "1 000 requests / minute for standard plans and 10 000 for enterprise". */
export const PLAN_LIMITS: Record<'standard' | 'enterprise', RateLimit> = {
  standard: { limit: 1_000, windowMs: 60_000 },
  enterprise: { limit: 10_000, windowMs: 60_000 },
};

/** Email and password: the adapter logs in (`POST /auth/login`) and keeps the JWT session fresh. */
export interface PasswordCredentials {
  email: string;
  password: string;
  /** Ask for the long-lived (30-day) refresh token. */
  remember?: boolean;
}

/** A server-to-server API key, sent on every request; no session. */
export interface ApiKeyCredentials {
  apiKey: string;
}

export interface CommerceApiAdapterOptions {
  /** The API's base URL, version path included. Default `https://api.commerce.io/v2`. */
  baseUrl?: string;
  credentials: PasswordCredentials | ApiKeyCredentials;
  /**
   * Header that carries an API key. The seed names the scheme (`ApiKey`) but not its header;
   * `X-API-Key` is the convention the sandbox follows.
   */
  apiKeyHeader?: string;
  /** `'enterprise'` raises the default limit to 10,000 requests/min. */
  plan?: 'standard' | 'enterprise';
  /** Overrides the plan's limit (requests per window). */
  rateLimit?: RateLimit;
  /** A bottleneck limiter of your own (e.g. clustered over Redis); `false` turns client-side limiting off. */
  limiter?: LimiterLike | false;
  /** Share the limit across processes through Redis (needs `ioredis`). */
  redis?: RedisLimiterOptions;
  retry?: RetryOptions | false;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** Sent on every request. */
  headers?: Record<string, string>;
  /**
   * Largest response body read, in bytes (counted while streaming); past it the call fails with a
   * ResponseTooLargeError (`response_too_large`), not retried. Default 32 MiB.
   */
  maxResponseBytes?: number;
  /**
   * Refresh this long before the access token expires. Default: a tenth of its lifetime, at most
   * 60 s, so a 1-hour token is refreshed a minute early and a 2-second test token 200 ms early.
   */
  refreshSkewMs?: number;
  /**
   * An amount the API sends with more decimals than its currency has (`1.999` USD): `'reject'`
   * (default) makes its record invalid; `'half-even'` rounds it to the currency's minor unit.
   */
  rounding?: RoundingMode;
}

export type ResolvedCredentials =
  | ({ kind: 'password' } & PasswordCredentials)
  | ({ kind: 'apiKey' } & ApiKeyCredentials);

const CredentialsSchema = z
  .object(
    {
      email: z.string().optional(),
      password: z.string().optional(),
      remember: z.boolean().optional(),
      apiKey: z.string().optional(),
    },
    'is required: pass { email, password } or { apiKey }',
  )
  .transform((c, ctx): ResolvedCredentials => {
    const fail = (field: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: field ? [field] : [], message });
      return z.NEVER;
    };
    if (c.apiKey !== undefined) {
      if (c.apiKey.trim() === '') return fail('apiKey', 'must be a non-empty string');
      if (c.email !== undefined || c.password !== undefined)
        return fail('', 'takes either { email, password } or { apiKey }, not both');
      return { kind: 'apiKey', apiKey: c.apiKey };
    }
    if (c.email === undefined || c.email.trim() === '') return fail('email', 'is required');
    if (c.password === undefined || c.password === '') return fail('password', 'is required');
    return { kind: 'password', email: c.email, password: c.password, remember: c.remember };
  });

const OptionsSchema = TransportSettingsSchema.extend({
  credentials: CredentialsSchema,
  apiKeyHeader: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name')
    .default('X-API-Key'),
  plan: z.enum(['standard', 'enterprise']).default('standard'),
  refreshSkewMs: z.number().nonnegative('must be a number of milliseconds ≥ 0').finite().optional(),
  rounding: z.enum(['reject', 'half-even']).default('reject'),
});

export type CommerceApiSettings = z.output<typeof OptionsSchema>;

/** Checks what the user passed, naming the first wrong option (never echoing its value). */
export function readOptions(input: CommerceApiAdapterOptions): CommerceApiSettings {
  const parsed = parseOptions(PLATFORM, OptionsSchema, input);
  const { credentials } = parsed as { credentials: { apiKey?: unknown } };
  // An API key goes into a header.
  if ('apiKey' in credentials)
    checkHeaderValue(`@storeport/${PLATFORM}`, 'credentials.apiKey', credentials.apiKey);
  return parsed;
}
