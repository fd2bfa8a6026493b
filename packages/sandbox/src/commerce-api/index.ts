import { SlidingWindowLimiter } from '../rate-limit';
import { createRng } from '../rng';
import type { SimulatorContext } from '../server';
import type {
  FaultRule,
  RateLimitConfig,
  SandboxResource,
  SimRequest,
  SimResponse,
  Simulator,
} from '../types';
import { errorBody, fail } from './errors';
import { uuidFrom } from './ids';
import { matchRoute, methodNotAllowed } from './router';
import { login, logout, publicPrincipalKey, refresh, unauthorized } from './routes/auth';
import {
  ALL_SCOPES,
  isFailure,
  type Principal,
  type SandboxApiKey,
  type SandboxUser,
  SessionManager,
} from './sessions';
import { CommerceApiStore } from './store';

export type { AuthCounters, Principal, SandboxApiKey, SandboxUser, Scope } from './sessions';
export type { StatusChange } from './store';
export { CommerceApiStore } from './store';
export type * from './wire';

/** The base path of the API, from the seed's server URL `https://api.commerce.io/v2`. */
export const COMMERCE_API_BASE_PATH = '/v2';

/** What `createCommerceApiAdapter` takes; `sandbox.options` is one of these. */
export type CommerceApiAdapterOptions = {
  baseUrl: string;
  credentials: { email: string; password: string } | { apiKey: string };
};

/** `platformOptions` understood by this simulator. */
export interface CommerceApiPlatformOptions {
  /** Access-token lifetime in seconds. Default 3600 (the seed: "Short-lived JWT (1 h)"). */
  tokenLifetimeSec?: number;
  /** Refresh-token lifetime without `remember`. Default 86400 (the seed does not say; one day). */
  refreshTokenLifetimeSec?: number;
  /** With `remember: true` (the seed: 30 days). */
  rememberLifetimeSec?: number;
  /** The account `adapterOptions` logs in with. Default the seed's example, jane@example.com / s3cr3t!. */
  email?: string;
  password?: string;
  /** The full-access API key. */
  apiKey?: string;
  /** `'apiKey'` makes `adapterOptions` use the API key instead of email/password. */
  credentials?: 'password' | 'apiKey';
  /** 1,000 requests/min on standard plans, 10,000 on enterprise (the seed). */
  plan?: 'standard' | 'enterprise';
  /**
   * List envelopes without the counts the seed does not star: `'pages'` leaves out `pages`,
   * `'counts'` also `total`. Default neither (every envelope is complete).
   */
  omitCounts?: 'pages' | 'counts';
}

export const READ_ONLY_EMAIL = 'viewer@example.com';
export const READ_ONLY_API_KEY = 'cak_sandbox_read_only';
const READ_SCOPES = ALL_SCOPES.filter((s) => s.endsWith(':read'));

export function createCommerceApiSimulator(
  ctx: SimulatorContext,
): Simulator<CommerceApiStore, CommerceApiAdapterOptions> {
  const opts = ctx.platformOptions as CommerceApiPlatformOptions;
  const accountRng = createRng(ctx.seed ^ 0xa11ce);
  const email = opts.email ?? 'jane@example.com';
  const password = opts.password ?? 's3cr3t!';
  const apiKey = opts.apiKey ?? 'cak_sandbox_full_access';
  const users: SandboxUser[] = [
    { userId: uuidFrom(accountRng), email, password, scopes: ALL_SCOPES },
    { userId: uuidFrom(accountRng), email: READ_ONLY_EMAIL, password, scopes: READ_SCOPES },
  ];
  const apiKeys: SandboxApiKey[] = [
    { key: apiKey, scopes: ALL_SCOPES },
    { key: READ_ONLY_API_KEY, scopes: READ_SCOPES },
  ];
  const sessions = new SessionManager({
    users,
    apiKeys,
    secret: `commerce-api-sandbox-${ctx.seed}`,
    tokenLifetimeSec: positive(opts.tokenLifetimeSec, 3600),
    refreshLifetimeSec: positive(opts.refreshTokenLifetimeSec, 86_400),
    rememberLifetimeSec: positive(opts.rememberLifetimeSec, 30 * 86_400),
  });
  const rng = createRng(ctx.seed);
  const store = new CommerceApiStore(rng, sessions);
  store.generate(ctx.records, rng);

  const limit: RateLimitConfig | null =
    ctx.rateLimit === false
      ? null
      : (ctx.rateLimit ?? { limit: opts.plan === 'enterprise' ? 10_000 : 1_000, windowMs: 60_000 });
  const limiter = limit ? new SlidingWindowLimiter(limit) : null;

  /** 429 with Retry-After when `key` has used its budget, else undefined. */
  const throttle = (key: string, req: SimRequest): SimResponse | undefined => {
    if (!limiter || !limit) return undefined;
    const waitMs = limiter.take(key, req.now);
    if (waitMs === 0) return undefined;
    const per = limit.windowMs === 60_000 ? 'minute' : `${limit.windowMs / 1000} s`;
    return fail(429, 'RATE_LIMITED', `Rate limit exceeded: ${limit.limit} requests per ${per}`, undefined, {
      'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
    });
  };

  const handle = (req: SimRequest): SimResponse => {
    const bodyInvalid = (req as { bodyInvalid?: boolean }).bodyInvalid === true;
    const base = COMMERCE_API_BASE_PATH;
    if (!req.path.startsWith(`${base}/`)) return routeNotFound(req);
    const path = req.path.slice(base.length);

    if (path === '/auth/login' || path === '/auth/refresh') {
      if (req.method !== 'POST')
        return methodNotAllowed('POST', errorBody(405, `Method ${req.method} not allowed`));
      const limited = throttle(publicPrincipalKey(req, sessions), req);
      if (limited) return limited;
      if (bodyInvalid) return invalidJson();
      return path === '/auth/login' ? login(req, sessions) : refresh(req, sessions);
    }

    const principal = sessions.authenticate(req.headers);
    if (isFailure(principal)) return unauthorized(principal.code, principal.message);
    const limited = throttle(principalKey(principal), req);
    if (limited) return limited;

    if (path === '/auth/logout') {
      if (req.method !== 'DELETE')
        return methodNotAllowed('DELETE', errorBody(405, `Method ${req.method} not allowed`));
      return logout(principal, sessions);
    }
    const route = matchRoute(req.method, path);
    if (route.kind === 'not-found') return routeNotFound(req);
    if (route.kind === 'method-not-allowed')
      return methodNotAllowed(route.allow, errorBody(405, `Method ${req.method} not allowed on ${req.path}`));
    if (!principal.scopes.includes(route.scope))
      return fail(403, 'FORBIDDEN', `Insufficient permissions: requires ${route.scope}`);
    if (bodyInvalid) return invalidJson();
    return withoutCounts(route.handler({ req, store, principal, params: route.params }), opts.omitCounts);
  };

  return {
    platform: 'commerce-api',
    store,
    handle,
    adapterOptions: (origin) => ({
      baseUrl: `${origin}${COMMERCE_API_BASE_PATH}`,
      credentials: opts.credentials === 'apiKey' ? { apiKey } : { email, password },
    }),
    errorBody: (status, message) => errorBody(status, message),
    echoBody: (echo) =>
      errorBody(422, echo.message, echo.code, [
        { field: echo.field, message: echo.message, code: echo.code },
      ]),
    applyFault(fault: FaultRule) {
      if (fault.kind === 'expire-token') sessions.expireAccessTokens();
      if (fault.kind === 'insert-records') store.insertGenerated(resourceOf(fault), fault.count ?? 1);
    },
  };
}

/** A list envelope without `pages` (and `total`), as `omitCounts` asks. */
function withoutCounts(res: SimResponse, omit: CommerceApiPlatformOptions['omitCounts']): SimResponse {
  const body = res.body as Record<string, unknown> | undefined;
  if (!omit || !body || typeof body !== 'object' || !Array.isArray(body.data)) return res;
  const { pages: _pages, total, ...rest } = body;
  return { ...res, body: omit === 'counts' ? rest : { ...rest, total } };
}

function principalKey(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.user.userId}` : `key:${principal.key}`;
}

function routeNotFound(req: SimRequest): SimResponse {
  return fail(404, 'NOT_FOUND', `No route for ${req.method} ${req.path}`);
}

function invalidJson(): SimResponse {
  return fail(400, 'INVALID_JSON', 'Request body is not valid JSON');
}

function resourceOf(fault: FaultRule): SandboxResource {
  const r = fault.resource ?? 'orders';
  if (r === 'customers' || r === 'orders' || r === 'products') return r;
  throw new Error(`insert-records: unknown commerce-api resource "${r}" (use customers, orders or products)`);
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
