import { SlidingWindowLimiter } from '../rate-limit';
import type { SimulatorContext } from '../server';
import type { FaultRule, SandboxResource, SimRequest, SimResponse, Simulator } from '../types';
import { authenticate } from './auth';
import type { C7Env } from './env';
import { badRequest, c7Error, c7ErrorBody, routeNotFound, unauthorized } from './errors';
import { cursorNode } from './ids';
import { requestedPage } from './listing';
import { matchRoute } from './routes';
import { type Commerce7Credentials, Commerce7Store } from './store';
import { VirtualCustomers } from './virtual';

export type { Commerce7Credentials } from './store';
export { Commerce7Store } from './store';
export type * from './wire-types';

/** What `createCommerce7Adapter` takes; `baseUrl` points at this sandbox. */
export type Commerce7AdapterOptions = {
  tenant: string;
  appId: string;
  appSecret: string;
  currency: 'USD';
  baseUrl: string;
};

/** `platformOptions` the Commerce7 simulator understands. */
export interface Commerce7PlatformOptions {
  tenant?: string;
  appId?: string;
  appSecret?: string;
  /**
   * Interval between page-mode requests for pages beyond 100. Default: 5,000 ms, the seed's
   * "1 request per 5 seconds" (the current docs say 60 s), scaled like the main limit when a
   * `rateLimit` is given (`windowMs / 60_000`). Not scaled when set here.
   */
  slowPageIntervalMs?: number;
  /**
   * `true` (default): the response holding the last records carries no cursor, as the docs
   * describe. `false`: a cursor comes with every full page, so a result that is an exact multiple
   * of the page size ends with an empty page without a cursor (not excluded by the docs).
   */
  cursorLookahead?: boolean;
  /**
   * Benchmarks: `GET /customer` lists this many customers, each generated from its position when
   * a page is served and never stored, so a million-record export costs the sandbox no memory.
   * Listing only (`GET /customer/{id}` and writes still use the stored customers); cursor mode
   * serves a page in O(page), page mode generates every record up to the page to count them.
   */
  virtualCustomers?: number;
}

/** Documented limits: 100 requests per minute per tenant; past page 100, 1 request per 5 s (seed). */
const LIMIT = { limit: 100, windowMs: 60_000 };
const SLOW_PAGE_MS = 5_000;
const SLOW_PAGE_FROM = 101;

export function createCommerce7Simulator(
  ctx: SimulatorContext,
): Simulator<Commerce7Store, Commerce7AdapterOptions> {
  const po = ctx.platformOptions as Commerce7PlatformOptions;
  const credentials: Commerce7Credentials = {
    tenant: po.tenant ?? 'sandbox-winery',
    appId: po.appId ?? 'storeport-sandbox',
    appSecret: po.appSecret ?? `c7-sandbox-secret-${ctx.seed}`,
  };
  const store = new Commerce7Store(credentials, ctx.seed, ctx.records);
  const env: C7Env = { store, node: cursorNode(ctx.seed), lookahead: po.cursorLookahead !== false };
  if (po.virtualCustomers !== undefined)
    env.virtualCustomers = new VirtualCustomers(ctx.seed, store.catalog, po.virtualCustomers);

  const limits = ctx.rateLimit === false ? undefined : (ctx.rateLimit ?? LIMIT);
  const limiter = limits ? new SlidingWindowLimiter(limits) : undefined;
  const slowMs = po.slowPageIntervalMs ?? SLOW_PAGE_MS * ((limits ?? LIMIT).windowMs / LIMIT.windowMs);
  const slowLimiter = limits
    ? new SlidingWindowLimiter({ limit: 1, windowMs: Math.max(1, slowMs) })
    : undefined;

  const tooMany = (waitMs: number, message: string): SimResponse =>
    c7Error(429, message, [], { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) });

  function handle(req: SimRequest): SimResponse {
    // Credentials and tenant on every request, before anything else (getting-started seed).
    if (!authenticate(req, credentials)) return unauthorized();
    const match = matchRoute(req.method, req.path);
    const route = match?.route;

    // Cursor-mode lists "have no rate limits"; everything else shares the tenant's 100/min.
    const cursorMode = route?.list === 'cursor' && req.query.has('cursor');
    if (limiter && !cursorMode) {
      const wait = limiter.take(credentials.tenant, req.now);
      if (wait > 0)
        return tooMany(wait, 'Too many requests: the limit is 100 requests per minute per tenant');
      if (route?.list && requestedPage(req.query) >= SLOW_PAGE_FROM) {
        const slowWait = slowLimiter!.take(credentials.tenant, req.now);
        if (slowWait > 0) {
          return tooMany(
            slowWait,
            'Too many requests: pages beyond 100 are limited to 1 request per 5 seconds; use cursor pagination',
          );
        }
      }
    }

    if ((req as { bodyInvalid?: boolean }).bodyInvalid) return badRequest('Invalid JSON in request body');
    if ((req.method === 'POST' || req.method === 'PUT') && req.rawBody.length > 0) {
      const type = String(req.headers['content-type'] ?? '');
      // "All requests that send JSON to the API endpoint require sending the Content-Type to application/json."
      if (!/^application\/json\b/i.test(type)) return c7Error(415, 'Content-Type must be application/json');
    }
    if (!match) return routeNotFound();
    // An empty body on a write reads as an empty object, so validation names the missing fields.
    const body = req.body === undefined && (req.method === 'POST' || req.method === 'PUT') ? {} : req.body;
    return match.route.run(env, { ...req, body }, match.params);
  }

  function applyFault(fault: FaultRule): void {
    // Commerce7 authenticates every request with static credentials: there is no token to expire.
    if (fault.kind !== 'insert-records') return;
    const resource = (fault.resource ?? 'orders') as SandboxResource;
    store.insertGenerated(resource, fault.count ?? 1);
  }

  return {
    platform: 'commerce7',
    store,
    handle,
    adapterOptions: (origin) => ({ ...credentials, currency: 'USD', baseUrl: `${origin}/v1` }),
    errorBody: (status, message) => c7ErrorBody(status, message),
    echoBody: (echo) => ({
      ...c7ErrorBody(422, echo.message, [{ field: echo.field, message: echo.message }]),
      type: echo.code,
    }),
    applyFault,
  };
}
