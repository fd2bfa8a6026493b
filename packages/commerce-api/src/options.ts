import {
  ConfigurationError,
  checkHeaderValue,
  type LimiterLike,
  type RateLimit,
  type RedisLimiterOptions,
  type RetryOptions,
} from '@storeport/core';

export const PLATFORM = 'commerce-api' as const;

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
  /**
   * Largest response body read, in bytes (counted while streaming); past it the call fails with a
   * ResponseTooLargeError (`response_too_large`), not retried. Default 32 MiB.
   */
  maxResponseBytes?: number;
  fetch?: typeof globalThis.fetch;
  /**
   * Refresh this long before the access token expires. Default: a tenth of its lifetime, at most
   * 60 s, so a 1-hour token is refreshed a minute early and a 2-second test token 200 ms early.
   */
  refreshSkewMs?: number;
}

export type ResolvedCredentials =
  | ({ kind: 'password' } & PasswordCredentials)
  | ({ kind: 'apiKey' } & ApiKeyCredentials);

/** Checks the options a user passes, naming the first wrong one. */
export function readCredentials(options: CommerceApiAdapterOptions | undefined): ResolvedCredentials {
  if (!options || typeof options !== 'object') throw missing('options', 'is required');
  const c = options.credentials as Partial<PasswordCredentials & ApiKeyCredentials> | undefined;
  if (!c || typeof c !== 'object') {
    throw missing('credentials', 'is required: pass { email, password } or { apiKey }');
  }
  if ('apiKey' in c && c.apiKey !== undefined) {
    if (typeof c.apiKey !== 'string' || c.apiKey.trim() === '')
      throw missing('credentials.apiKey', 'must be a non-empty string');
    checkHeaderValue(`@storeport/${PLATFORM}`, 'credentials.apiKey', c.apiKey);
    if ('email' in c || 'password' in c)
      throw missing('credentials', 'takes either { email, password } or { apiKey }, not both');
    return { kind: 'apiKey', apiKey: c.apiKey };
  }
  if (typeof c.email !== 'string' || c.email.trim() === '') throw missing('credentials.email', 'is required');
  if (typeof c.password !== 'string' || c.password === '')
    throw missing('credentials.password', 'is required');
  if (c.remember !== undefined && typeof c.remember !== 'boolean')
    throw missing('credentials.remember', 'must be a boolean');
  return {
    kind: 'password',
    email: c.email,
    password: c.password,
    ...(c.remember !== undefined ? { remember: c.remember } : {}),
  };
}

/** The options besides credentials that the adapter itself reads (core checks the rest). */
export function checkOptions(options: CommerceApiAdapterOptions): void {
  const { refreshSkewMs, apiKeyHeader } = options;
  if (refreshSkewMs !== undefined && !(Number.isFinite(refreshSkewMs) && refreshSkewMs >= 0))
    throw missing('refreshSkewMs', 'must be a number of milliseconds ≥ 0');
  if (
    apiKeyHeader !== undefined &&
    !(typeof apiKeyHeader === 'string' && /^[A-Za-z0-9-]+$/.test(apiKeyHeader))
  )
    throw missing('apiKeyHeader', 'must be an HTTP header name');
  readPlan(options);
}

export function readPlan(options: CommerceApiAdapterOptions): RateLimit {
  if (options.rateLimit !== undefined) {
    const { limit, windowMs } = options.rateLimit;
    if (!Number.isFinite(limit) || limit <= 0 || !Number.isFinite(windowMs) || windowMs <= 0)
      throw missing('rateLimit', 'needs a positive limit and windowMs');
    return { limit, windowMs };
  }
  const plan = options.plan ?? 'standard';
  const limit = PLAN_LIMITS[plan];
  if (!limit) throw missing('plan', `must be "standard" or "enterprise", got ${JSON.stringify(plan)}`);
  return limit;
}

function missing(option: string, problem: string): ConfigurationError {
  return new ConfigurationError(`@storeport/commerce-api: "${option}" ${problem}`, {
    platform: PLATFORM,
    code: 'invalid_options',
  });
}
