import type { z } from 'zod';
import {
  AbortError,
  type CommerceError,
  ConfigurationError,
  NetworkError,
  ResponseShapeError,
  TimeoutError,
} from '../errors';
import { shapeErrorFromZod } from '../wire';
import { DEFAULT_MAX_RESPONSE_BYTES, MAX_ERROR_BODY_BYTES, readBody } from './body';
import { type ErrorBodyParser, errorFromResponse, type ParsedErrorBody } from './error-from-response';
import { checkHeaderValues } from './headers';
import { createMetrics, type TransportMetrics } from './metrics';
import {
  type LimiterLike,
  type RateLimit,
  type RedisLimiterOptions,
  redisLimiter,
  sharedLimiter,
} from './rate-limit';
import { redactError, redactHeaders, redactString, redactValue } from './redact';
import { isRedirect, nextHop } from './redirects';
import {
  backoffDelay,
  isIdempotent,
  parseRetryAfter,
  type ResolvedRetry,
  type RetryOptions,
  resolveRetry,
  sleep,
} from './retry';
import { buildUrl, type QueryValue } from './url';

/** How a platform authenticates; the transport asks it for headers on every attempt. */
export interface AuthProvider {
  /** Headers that authenticate one request; may log in or refresh first. */
  headers(signal?: AbortSignal): Promise<Record<string, string>> | Record<string, string>;
  /**
   * After a 401: renew credentials and return true to send the request once more. `sent` holds
   * the auth headers the refused attempt carried, so a renewal shared by many requests can tell a
   * 401 for a credential already replaced (nothing to renew) from one for the current credential.
   */
  onUnauthorized?(signal?: AbortSignal, sent?: Readonly<Record<string, string>>): Promise<boolean>;
  /** Every secret that must never appear in an error (tokens change as they rotate). */
  secrets(): readonly string[];
}

export interface TransportOptions {
  platform: string;
  /** https, or http on a loopback host (sandbox, tests). */
  baseUrl: string;
  auth?: AuthProvider;
  /** Sent on every request. */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** Replaces the default limiter; `false` sends without limiting. */
  limiter?: LimiterLike | false;
  /** The platform's limit and the key it applies per (tenant, credential): builds the default limiter. */
  rateLimit?: RateLimit & { key: string };
  /** Share the limit across processes through Redis (needs `ioredis`). */
  redis?: RedisLimiterOptions;
  retry?: RetryOptions | false;
  /** Per attempt, headers and body included. Default 30 s. */
  timeoutMs?: number;
  parseErrorBody?: ErrorBodyParser;
  requestIdHeaders?: readonly string[];
  /**
   * Largest response body read, in bytes (counted while streaming); past it the request fails
   * with a ResponseTooLargeError (`response_too_large`), not retried. Default 32 MiB.
   */
  maxResponseBytes?: number;
  /**
   * The headers that carry this platform's credentials (e.g. `authorization`, `tenant`,
   * `x-api-key`): always redacted in errors, and never sent anywhere but the configured origin
   * (no redirect leaves it).
   */
  credentialHeaders?: readonly string[];
}

export type { QueryValue };

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Relative to the base URL, segments already encoded (see `encodePath`). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Retry on transient failures although the method is not idempotent (the caller knows it is safe). */
  idempotent?: boolean;
  /** Bypass the rate limiter (for endpoints the platform does not limit). */
  unlimited?: boolean;
  /** Use this limiter for this request instead of the default. */
  limiter?: LimiterLike;
  /** Send without the auth provider's headers (e.g. a login call). */
  anonymous?: boolean;
  /** Names the response in shape errors, e.g. `order`. */
  what?: string;
}

export interface TransportResponse<T> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-amzn-requestid'];
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Throws ConfigurationError unless the URL is https, or http on loopback. Returns it without a trailing slash. */
export function checkBaseUrl(platform: string, baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(`${platform}: baseUrl "${baseUrl}" is not a valid URL`, {
      platform,
      code: 'bad_base_url',
    });
  }
  if (url.username || url.password) {
    throw new ConfigurationError(`${platform}: baseUrl must not carry credentials`, {
      platform,
      code: 'bad_base_url',
    });
  }
  if (url.search || url.hash || /[?#]/.test(baseUrl)) {
    throw new ConfigurationError(`${platform}: baseUrl must not have a query or a fragment`, {
      platform,
      code: 'bad_base_url',
    });
  }
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!ok) {
    throw new ConfigurationError(
      `${platform}: baseUrl must use https (plain http is allowed only on loopback)`,
      {
        platform,
        code: 'insecure_base_url',
      },
    );
  }
  return url.toString().replace(/\/+$/, '');
}

/**
 * The one HTTP path of every adapter: limit → send (auth, timeout) → retry → parse/validate → map errors.
 * It knows no platform's field names; adapters pass schemas and an error-body parser.
 */
export class Transport {
  readonly platform: string;
  readonly baseUrl: string;
  readonly metrics: TransportMetrics = createMetrics();
  readonly maxResponseBytes: number;
  private readonly options: TransportOptions;
  private readonly retry: ResolvedRetry;
  private readonly limiter: LimiterLike | undefined;
  /** A Redis-backed limiter this transport built, and so must disconnect. */
  private readonly ownedLimiter: { disconnect(flush?: boolean): Promise<void> } | undefined;

  constructor(options: TransportOptions) {
    this.options = options;
    this.platform = options.platform;
    this.baseUrl = checkBaseUrl(options.platform, options.baseUrl);
    if (options.headers) checkHeaderValues(options.platform, 'headers', options.headers);
    const max = options.maxResponseBytes;
    if (max !== undefined && !(Number.isSafeInteger(max) && max > 0)) {
      throw new ConfigurationError(`${options.platform}: maxResponseBytes must be a positive integer`, {
        platform: options.platform,
        code: 'invalid_options',
      });
    }
    this.maxResponseBytes = max ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.retry = resolveRetry(options.retry);
    this.limiter = pickLimiter(options);
    this.ownedLimiter =
      options.redis && !options.limiter && options.rateLimit
        ? (this.limiter as unknown as { disconnect(flush?: boolean): Promise<void> })
        : undefined;
  }

  /** Releases what the transport holds (a Redis connection when it built a clustered limiter). */
  async close(): Promise<void> {
    await this.ownedLimiter?.disconnect(true);
  }

  /** Sends a request; with a schema, the body is validated and typed, else returned as parsed JSON. */
  async request<S extends z.ZodType>(
    req: TransportRequest,
    schema: S,
  ): Promise<TransportResponse<z.output<S>>>;
  async request<T = unknown>(req: TransportRequest): Promise<TransportResponse<T>>;
  async request(req: TransportRequest, schema?: z.ZodType): Promise<TransportResponse<unknown>> {
    try {
      return await this.exchange(req, schema);
    } catch (err) {
      throw this.redact(err);
    }
  }

  /**
   * Removes every secret this transport knows (configured credentials and the tokens its auth
   * provider holds now or held recently) from an error's strings, in place. Adapters pass errors
   * raised after the transport (mapping a response) through it too.
   */
  redact<E>(error: E): E {
    return redactError(error, this.secrets());
  }

  private async exchange(req: TransportRequest, schema?: z.ZodType): Promise<TransportResponse<unknown>> {
    const idempotent = req.idempotent ?? isIdempotent(req.method);
    let attempt = 0;
    let reauthenticated = false;
    for (;;) {
      // Each outcome is decided exactly once: a failure thrown below is never re-examined by a catch.
      let outcome: Awaited<ReturnType<Transport['attempt']>>;
      try {
        outcome = await this.attempt(req);
      } catch (err) {
        const failure = this.toCommerceError(err, req);
        // Network errors and timeouts: the platform may have processed a non-idempotent request.
        if (!(failure.retryable && idempotent) || attempt >= this.retry.retries) throw failure;
        await this.pause(backoffDelay(attempt, this.retry), req.signal);
        attempt += 1;
        this.metrics.retries += 1;
        continue;
      }
      let wait: number;
      if (outcome.ok) {
        try {
          return this.parse(req, outcome, schema);
        } catch (err) {
          const failure = this.toCommerceError(err, req);
          // Only a body that is not JSON at all (a truncated or proxied answer) is worth asking again for.
          const again = ResponseShapeError.isInstance(failure) && failure.code === 'invalid_json';
          if (!(again && idempotent) || attempt >= this.retry.retries) throw failure;
          wait = backoffDelay(attempt, this.retry);
        }
      } else {
        const failure = outcome.error;
        if (
          outcome.status === 401 &&
          !reauthenticated &&
          !req.anonymous &&
          this.options.auth?.onUnauthorized
        ) {
          reauthenticated = true;
          let renewed: boolean;
          try {
            renewed = await this.options.auth.onUnauthorized(req.signal, outcome.sent);
          } catch (err) {
            throw this.toCommerceError(err, req);
          }
          if (renewed) continue;
        }
        // A 429 was not processed by the platform, so even a POST is safe to send again.
        const retryable =
          this.retry.statuses.includes(outcome.status) && (idempotent || outcome.status === 429);
        if (!retryable || attempt >= this.retry.retries) throw failure;
        wait = outcome.retryAfterMs ?? backoffDelay(attempt, this.retry);
        if (wait > this.retry.maxRetryAfterMs) throw failure;
      }
      await this.pause(wait, req.signal);
      attempt += 1;
      this.metrics.retries += 1;
    }
  }

  private async pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (reason) {
      throw new AbortError(`${this.platform}: request aborted`, { platform: this.platform, cause: reason });
    }
  }

  private async attempt(req: TransportRequest): Promise<
    | { ok: true; status: number; headers: Headers; text: string }
    | {
        ok: false;
        status: number;
        error: CommerceError;
        retryAfterMs?: number;
        sent: Readonly<Record<string, string>>;
      }
  > {
    const limiter = req.unlimited ? undefined : (req.limiter ?? this.limiter);
    const run = () => this.send(req);
    if (!limiter) return run();
    if (req.signal?.aborted) throw req.signal.reason;
    return raceAbort(
      limiter.schedule(() => {
        if (req.signal?.aborted) return Promise.reject(req.signal.reason);
        return run();
      }),
      req.signal,
    );
  }

  /**
   * One HTTP exchange with `fetch` (the injected one, else the global one at call time, so an
   * interceptor installed later still sees it). No HTTP library in between: retries, timeouts and
   * JSON are ours (see docs/performance.md, "Departure from DESIGN.md: no ky").
   */
  private async send(req: TransportRequest) {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.headers) Object.assign(headers, this.options.headers);
    if (req.headers) Object.assign(headers, req.headers);
    // The auth headers of this attempt, for `onUnauthorized` should it be refused.
    const sent = !req.anonymous && this.options.auth ? await this.options.auth.headers(req.signal) : {};
    Object.assign(headers, sent);
    let payload: string | undefined;
    if (req.body !== undefined) {
      payload = JSON.stringify(req.body);
      if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
    }
    const url = this.url(req.path, req.query);
    // One controller for the timeout and the caller's signal: no AbortSignal.any, and the timer is
    // cleared as soon as the body is read rather than left pending for `timeoutMs`.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
    const user = req.signal;
    const onAbort = user ? () => controller.abort(user.reason) : undefined;
    if (user) {
      if (user.aborted) controller.abort(user.reason);
      else user.addEventListener('abort', onAbort!, { once: true });
    }
    this.metrics.requests += 1;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchFollowing(req, url, headers, payload, controller.signal);
      text = await readBody(
        response,
        response.ok
          ? { maxBytes: this.maxResponseBytes, over: 'fail', platform: this.platform, where: this.where(req) }
          : {
              maxBytes: Math.min(this.maxResponseBytes, MAX_ERROR_BODY_BYTES),
              over: 'truncate',
              platform: this.platform,
              where: this.where(req),
            },
      );
    } catch (err) {
      if (isCommerceError(err)) throw err;
      this.count('network');
      if (user?.aborted) throw user.reason ?? err;
      if (timedOut) {
        throw new TimeoutError(`${this.platform}: ${this.where(req)} timed out after ${timeoutMs} ms`, {
          platform: this.platform,
        });
      }
      throw err;
    } finally {
      clearTimeout(timer);
      if (user) user.removeEventListener('abort', onAbort!);
    }
    const status = response.status;
    this.count(`${Math.floor(status / 100)}xx`);
    if (status === 429) this.metrics.rateLimited += 1;
    // A success's headers are redacted only if someone reads them (adapters rarely do).
    if (response.ok) return { ok: true as const, status, headers: response.headers, text };
    const resHeaders = redactHeaders(response.headers, this.options.credentialHeaders);

    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's HTML page, say): keep the text.
    }
    const secrets = this.secrets();
    // The parser sees the body already redacted, so nothing it derives (a code slugged from an
    // echoed secret, say) can carry a secret in a form redaction would no longer recognise.
    body = redactValue(body, secrets);
    let parsed: ParsedErrorBody | undefined;
    try {
      parsed = this.options.parseErrorBody?.(body, status);
    } catch {
      // A parser surprised by the body must not turn an HTTP error into some other failure.
      parsed = undefined;
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const requestId = this.requestId(response.headers);
    const error = errorFromResponse({
      platform: this.platform,
      method: req.method,
      path: redactString(req.path, secrets),
      status,
      statusText: redactString(response.statusText, secrets),
      parsed: parsed && {
        ...parsed,
        ...(parsed.message !== undefined ? { message: redactString(parsed.message, secrets) } : {}),
        ...(parsed.issues !== undefined
          ? {
              issues: parsed.issues.map((issue) => ({
                ...issue,
                message: redactString(issue.message, secrets),
              })),
            }
          : {}),
      },
      headers: redactHeaderValues(resHeaders, secrets),
      body,
      ...(requestId !== undefined ? { requestId } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
    return {
      ok: false as const,
      status,
      error,
      sent,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }

  /**
   * `fetch` with `redirect: 'manual'`: a redirect is followed only when `nextHop` allows it (a
   * GET/HEAD to the configured origin, a few hops at most), so no credential header or body ever
   * goes anywhere else; any other redirect is a RedirectError.
   */
  private async fetchFollowing(
    req: TransportRequest,
    first: string,
    headers: Record<string, string>,
    payload: string | undefined,
    signal: AbortSignal,
  ): Promise<Response> {
    const fetch = this.options.fetch ?? globalThis.fetch;
    let url = first;
    for (let hops = 0; ; hops++) {
      const init: RequestInit = { method: req.method, headers, signal, redirect: 'manual' };
      if (payload !== undefined) init.body = payload;
      const response = await fetch(url, init);
      if (!isRedirect(response)) return response;
      await response.body?.cancel().catch(() => undefined);
      this.count('3xx');
      url = nextHop(response, {
        platform: this.platform,
        baseUrl: this.baseUrl,
        from: url,
        method: req.method,
        where: this.where(req),
        hops,
        secrets: this.secrets(),
      });
    }
  }

  private parse(
    req: TransportRequest,
    res: { status: number; headers: Headers; text: string },
    schema: z.ZodType | undefined,
  ): TransportResponse<unknown> {
    let body: unknown;
    if (res.text.length > 0) {
      try {
        body = JSON.parse(res.text);
      } catch {
        throw new ResponseShapeError(
          `${this.platform}: ${this.where(req)} returned a body that is not JSON (${res.text.length} bytes)`,
          {
            platform: this.platform,
            status: res.status,
            field: '(body)',
            code: 'invalid_json',
            retryable: true,
          },
        );
      }
    }
    if (!schema) return success(res.status, res.headers, body, this.options.credentialHeaders);
    const result = schema.safeParse(body);
    if (!result.success) {
      throw shapeErrorFromZod(this.platform, req.what ?? this.where(req), result.error, res.status);
    }
    return success(res.status, res.headers, result.data, this.options.credentialHeaders);
  }

  private toCommerceError(err: unknown, req: TransportRequest): CommerceError {
    if (isCommerceError(err)) return err;
    if (req.signal?.aborted) {
      return new AbortError(`${this.platform}: ${this.where(req)} was aborted`, {
        platform: this.platform,
        cause: req.signal.reason,
      });
    }
    // fetch's TypeError("fetch failed") wraps the socket error that has the code.
    let code: string | undefined;
    let innermost: unknown = err;
    for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
      const c = (e as { code?: unknown }).code;
      if (typeof c === 'string') code = c;
      innermost = e;
      e = (e as { cause?: unknown }).cause;
    }
    const detail = code ?? (innermost as Error)?.message ?? String(err);
    return new NetworkError(
      redactString(`${this.platform}: ${this.where(req)} failed: ${detail}`, this.secrets()),
      { platform: this.platform, code: code ?? 'network_error' },
    );
  }

  private url(path: string, query: TransportRequest['query']): string {
    return buildUrl(this.baseUrl, path, query);
  }

  private requestId(headers: Headers): string | undefined {
    for (const h of this.options.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS) {
      const v = headers.get(h);
      if (v) return v;
    }
    return undefined;
  }

  /** `METHOD /path` for messages, with any secret in the path removed. */
  private where(req: TransportRequest): string {
    return redactString(`${req.method} ${req.path}`, this.secrets());
  }

  private secrets(): readonly string[] {
    return this.options.auth?.secrets() ?? [];
  }

  private count(kind: string): void {
    this.metrics.responses[kind] = (this.metrics.responses[kind] ?? 0) + 1;
  }
}

/** A response whose headers are copied and redacted on first read, not on every request. */
function success<T>(
  status: number,
  raw: Headers,
  body: T,
  credentialHeaders?: readonly string[],
): TransportResponse<T> {
  let headers: Record<string, string> | undefined;
  return {
    status,
    get headers() {
      headers ??= redactHeaders(raw, credentialHeaders);
      return headers;
    },
    body,
  };
}

function pickLimiter(options: TransportOptions): LimiterLike | undefined {
  if (options.limiter === false) return undefined;
  if (options.limiter) return options.limiter;
  if (!options.rateLimit) return undefined;
  const { key, ...rate } = options.rateLimit;
  return options.redis ? redisLimiter(key, rate, options.redis) : sharedLimiter(key, rate);
}

/** Header values that echo a known secret (a debug header, say), whatever the header's name. */
function redactHeaderValues(
  headers: Record<string, string>,
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = redactString(v, secrets);
  return out;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return true;
  return false;
}

function isCommerceError(err: unknown): err is CommerceError {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as Record<symbol, unknown>)[Symbol.for('storeport.error')] === true
  );
}

/**
 * `promise`, unless `signal` aborts first (or already has): then a rejection with its reason. The
 * promise itself goes on (a shared login, a limiter slot): only this caller stops waiting.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
