import { SlidingWindowLimiter } from '../rate-limit';
import type { SimulatorContext } from '../server';
import type {
  FaultRule,
  RateLimitConfig,
  SandboxResource,
  SimRequest,
  SimResponse,
  Simulator,
} from '../types';
import { DEFAULT_MAX_PAGE_SIZE, type LinkStyle, type ListingOptions } from './listing';
import { badRequest, errorBody, failure } from './responses';
import { route } from './router';
import { CommerceHQStore } from './store';

export type { ChqNotification, CommerceHQStoreOptions } from './store';
export { CommerceHQStore, EXAMPLE_IDS } from './store';
export type * from './wire-types';

/** Exactly what `createCommerceHQAdapter` takes. */
export type CommerceHQSandboxAdapterOptions = {
  store: string;
  apiKey: string;
  apiPassword: string;
  currency: string;
  baseUrl: string;
};

/** `platformOptions` the CommerceHQ simulator understands. */
export interface CommerceHQPlatformOptions {
  /** Private-app credentials the simulator accepts. Defaults: `sandbox-key` / `sandbox-password`. */
  apiKey?: string;
  apiPassword?: string;
  /** `_links` entries as `{href}` objects (default, the seed's sample) or plain strings. */
  linkStyle?: LinkStyle;
  /** Largest `size` served before clamping. Default 200. */
  maxPageSize?: number;
  /** Seed the store with the seed document's example records (customer 30, order 4041, product 14...). Default true. */
  examples?: boolean;
}

/**
 * CommerceHQ documents no rate limit (the research notes: "mostly UNCONFIRMED"; real clients do
 * see 429s). Assumed here: 120 requests per rolling minute per API key (2/s on average),
 * answered with 429, `Retry-After` and Yii2's "Rate limit exceeded." body. Override with
 * `rateLimit` (`false`, or `{limit, windowMs}`).
 */
export const COMMERCEHQ_DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 120, windowMs: 60_000 };

export const COMMERCEHQ_API_PREFIX = '/api/v1';

export function createCommerceHQSimulator(
  ctx: SimulatorContext,
): Simulator<CommerceHQStore, CommerceHQSandboxAdapterOptions> {
  const opts = ctx.platformOptions as CommerceHQPlatformOptions;
  const apiKey = opts.apiKey ?? 'sandbox-key';
  const apiPassword = opts.apiPassword ?? 'sandbox-password';
  const store = new CommerceHQStore({
    seed: ctx.seed,
    records: ctx.records,
    examples: opts.examples ?? true,
  });
  const listing: ListingOptions = {
    maxPageSize: opts.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE,
    linkStyle: opts.linkStyle ?? 'object',
  };
  const limiter =
    ctx.rateLimit === false
      ? undefined
      : new SlidingWindowLimiter(ctx.rateLimit ?? COMMERCEHQ_DEFAULT_RATE_LIMIT);
  const expected = `${apiKey}:${apiPassword}`;

  function handle(req: SimRequest): SimResponse {
    if (req.path !== COMMERCEHQ_API_PREFIX && !req.path.startsWith(`${COMMERCEHQ_API_PREFIX}/`)) {
      return failure(404, 'Page not found.');
    }
    if (credentials(req) !== expected) {
      // Yii2's HttpBasicAuth challenge and message.
      return failure(401, 'Your request was made with invalid credentials.', {
        'www-authenticate': 'Basic realm="api"',
      });
    }
    if (limiter) {
      const waitMs = limiter.take(apiKey, req.now);
      if (waitMs > 0) {
        return failure(429, 'Rate limit exceeded.', { 'retry-after': String(Math.ceil(waitMs / 1000)) });
      }
    }
    if ((req as { bodyInvalid?: boolean }).bodyInvalid) return badRequest('Problems parsing JSON');
    const res = route(store, req, listing);
    return req.method === 'HEAD'
      ? { status: res.status, ...(res.headers ? { headers: res.headers } : {}) }
      : res;
  }

  return {
    platform: 'commercehq',
    store,
    handle,
    adapterOptions: (origin) => ({
      store: 'sandbox',
      apiKey,
      apiPassword,
      currency: 'USD',
      baseUrl: `${origin}${COMMERCEHQ_API_PREFIX}`,
    }),
    errorBody,
    echoBody: (echo) => ({
      name: echo.code,
      message: echo.message,
      errors: { [echo.field]: [echo.message] },
    }),
    applyFault(fault: FaultRule) {
      if (fault.kind !== 'insert-records') return; // Basic auth: there are no tokens to expire.
      const resource = (fault.resource ?? 'orders') as SandboxResource;
      if (resource === 'customers' || resource === 'orders' || resource === 'products') {
        store.insertGenerated(resource, fault.count ?? 1);
      }
    },
  };
}

/** `key:password` from `Authorization: Basic …`, or undefined. */
function credentials(req: SimRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return undefined;
  return Buffer.from(m[1]!, 'base64').toString('utf8');
}
