import type { IncomingHttpHeaders } from 'node:http';

export type SandboxPlatform = 'commerce7' | 'commercehq' | 'commerce-api';

/** A request as a simulator sees it: already read and (where JSON) parsed. */
export interface SimRequest {
  method: string;
  /** Path without the query string, percent-decoding NOT applied (so `%2F` stays visible). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, `undefined` when there was none. A body that is not JSON yields a 400 before the simulator runs. */
  body: unknown;
  rawBody: string;
  /** Milliseconds since the sandbox started, on the sandbox clock. */
  now: number;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised into the body. */
  body?: unknown;
  /** Sent as is, instead of `body`. */
  rawBody?: string;
}

/** What each platform's simulator implements; the shared server does HTTP, latency and faults. */
export interface Simulator<Store = unknown, Options = Record<string, unknown>> {
  platform: SandboxPlatform;
  /** The data, readable and writable by tests directly. */
  store: Store;
  handle(req: SimRequest): SimResponse | Promise<SimResponse>;
  /** Exactly what the platform's adapter factory takes, for this sandbox's base URL. */
  adapterOptions(origin: string): Options;
  /** The platform's own error body for an injected error status. */
  errorBody?(status: number, message: string): unknown;
  /** A 422 body in the platform's own format with this code and one field issue (for `echo-credentials`). */
  echoBody?(echo: CredentialEcho): unknown;
  /** Applies a fault that only this platform understands (e.g. expiring issued tokens). */
  applyFault?(fault: FaultRule, req: SimRequest): void;
}

export type FaultKind =
  | 'server-error' // respond with `status` (default 503; any 4xx/5xx works) and the platform's error body
  | 'rate-limit' // respond 429 with Retry-After `retryAfter` (seconds, or an HTTP date string)
  | 'reset' // destroy the socket without a response
  | 'slow' // wait `delayMs` before handling (longer than the client's timeout)
  | 'malformed-json' // 200 with a body that is not JSON
  | 'truncated-json' // 200 with the real body cut in half
  | 'expire-token' // platform-specific: expire access tokens issued so far, then handle normally
  | 'insert-records' // platform-specific: add `count` new records of `resource` before handling
  | 'echo-credentials'; // 422 whose body, headers, request id, code and field issue repeat the request's credentials

/** What an `echo-credentials` fault repeats back: a careless platform quoting the request. */
export interface CredentialEcho {
  /** Every request header value, the decoded Basic-auth user and password, and the raw body. */
  message: string;
  /** The request's main credential (Basic password, bearer token, API key or login password). */
  code: string;
  /** The same, as a field-issue name. */
  field: string;
}

export interface FaultRule {
  kind: FaultKind;
  /** Only requests matching this apply the fault. */
  match?: { method?: string; path?: string | RegExp };
  /** Skip this many matching requests first. */
  after?: number;
  /** Apply to at most this many matching requests (scripted). Default: unlimited with `probability`, else 1. */
  times?: number;
  /** Apply at random with this probability (0..1), from the sandbox's seeded generator. */
  probability?: number;
  status?: number;
  retryAfter?: number | string;
  delayMs?: number;
  resource?: string;
  count?: number;
}

export interface RateLimitConfig {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface SandboxOptions {
  platform: SandboxPlatform;
  /** Seed of the deterministic data generator. Default 1. */
  seed?: number;
  /** How many records of each kind to generate (or one number for all). */
  records?: number | { customers?: number; orders?: number; products?: number };
  /**
   * Rate limit override. `false` turns limiting off; an object scales the platform's documented
   * limit (e.g. `{ limit: 100, windowMs: 2000 }` for Commerce7's 100/min compressed to 2 s).
   */
  rateLimit?: false | RateLimitConfig;
  faults?: FaultRule[];
  /** Added to every response. */
  latencyMs?: number;
  port?: number;
  /** Platform-specific knobs (token lifetime, slow-page interval, ...). */
  platformOptions?: Record<string, unknown>;
}

/** What a sandbox counts, since start or since `resetStats()`. */
export interface SandboxStats {
  /** Requests served (a `reset` fault's dropped connection included). */
  requests: number;
  byStatus: Record<number, number>;
  /** Requests a fault rule applied to. */
  faults: number;
  /** The most requests being handled at once: from arrival until the response is sent (latency included). */
  maxInFlight: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  /** Sandbox clock, ms since start, when the request arrived. */
  at: number;
  fault?: FaultKind;
}

export type SandboxResource = 'customers' | 'orders' | 'products';

/** A platform-neutral glimpse of one stored record, so the contract suite can verify writes without the adapter. */
export interface RecordSummary {
  id: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  /** Product title. */
  title?: string | null;
  sku?: string | null;
  /** Product price (first variant where prices live on variants), in minor units. */
  price?: number | null;
  note?: string | null;
  /** The platform's own status value, as stored. */
  status?: string | number | null;
  /** Number of fulfilments / shipments recorded on an order. */
  fulfillments?: number;
  /** Total refunded on an order, in minor units. */
  refunded?: number;
  deleted?: boolean;
}

/** What every simulator's store offers besides its platform-specific methods. */
export interface SandboxStore {
  /** Live (not deleted) records of a resource. */
  count(resource: SandboxResource): number;
  /** Ids of live records, as strings, in creation order. */
  ids(resource: SandboxResource): string[];
  /** The record exactly as the platform would send it (wire format), or undefined. */
  getRaw(resource: SandboxResource, id: string): Record<string, unknown> | undefined;
  /** Replace the stored wire record, or put back one that was removed (tests use it to serve malformed records). */
  putRaw(resource: SandboxResource, id: string, record: Record<string, unknown>): void;
  /** Add `count` newly generated records (as if created by someone else while a client pages); returns their ids. */
  insertGenerated(resource: SandboxResource, count: number): string[];
  remove(resource: SandboxResource, id: string): boolean;
  summary(resource: SandboxResource, id: string): RecordSummary | undefined;
  /** The name of the id field in the wire record (e.g. `id`, `productId`). */
  idField(resource: SandboxResource): string;
}
