import {
  type AuthProvider,
  gapLimiter,
  hashKey,
  type LimiterLike,
  redisLimiter,
  secretForms,
  sharedLimiter,
  Transport,
  type TransportRequest,
  type TransportResponse,
  toBase64,
} from '@storeport/core';
import type { PlatformClient } from '@storeport/core/kit';
import type { z } from 'zod';
import { parseErrorBody } from './map-error';
import { type ResolvedOptions, SLOW_PAGE_FROM } from './options';
import { PLATFORM } from './platform';

/** One slow-page gate per tenant and interval in this process, like the main limit. */
const SLOW_GATES = new Map<string, ReturnType<typeof gapLimiter>>();

/**
 * The adapter's one way to Commerce7: the shared transport (timeouts, one retry layer, error
 * bodies) with Basic auth and the `tenant` header on every request, and the tenant's limits:
 * - 100 requests/min per tenant for everything except cursor-mode lists, which "have no rate
 *   limits" (API overview) and are sent unlimited;
 * - page-mode requests past page 100 additionally wait the slow interval between them.
 */
export class Commerce7Client implements PlatformClient {
  readonly currency: string;
  private readonly transport: Transport;
  private readonly main: LimiterLike | undefined;
  private readonly slow: LimiterLike | undefined;
  /** Redis-backed limiters this client built, and so must disconnect. */
  private readonly owned: Array<{ disconnect(flush?: boolean): Promise<void> }> = [];

  constructor(options: ResolvedOptions) {
    this.currency = options.currency;
    const basic = `Basic ${toBase64(`${options.appId}:${options.appSecret}`)}`;
    const appIdForms = new Set([options.appId, encodeURIComponent(options.appId)]);
    const secrets = secretForms(options.appId, options.appSecret).filter((s) => !appIdForms.has(s));
    const auth: AuthProvider = {
      headers: () => ({ authorization: basic, tenant: options.tenant }),
      secrets: () => secrets,
    };
    // One budget per tenant (and API host) in this process, whatever the number of adapters.
    const key = `${PLATFORM}:${hashKey(`${options.baseUrl}|${options.tenant}`)}`;
    if (options.limiter === false) this.main = undefined;
    else if (options.limiter) this.main = options.limiter;
    else if (options.redis) {
      const limiter = redisLimiter(key, options.rateLimit, options.redis);
      this.main = limiter;
      this.owned.push(limiter);
    } else this.main = sharedLimiter(key, options.rateLimit);
    if (this.main && options.slowPageIntervalMs > 0) {
      // With `redis`, the slow-page interval is the tenant's too: shared across processes like the main limit.
      const redis = options.limiter ? undefined : options.redis;
      // A user-supplied limiter is this client's own, so is the gate in front of it.
      const cacheable = !options.limiter && !options.redis;
      const { limit, windowMs } = options.rateLimit;
      const gateId = `storeport:${key}:${limit}-${windowMs}:slow-pages:${options.slowPageIntervalMs}`;
      const made =
        (cacheable ? SLOW_GATES.get(gateId) : undefined) ??
        gapLimiter({ id: gateId, intervalMs: options.slowPageIntervalMs, main: this.main, redis });
      if (redis) this.owned.push(made.limiter);
      else if (cacheable) SLOW_GATES.set(gateId, made);
      this.slow = made.gate;
    }
    this.transport = new Transport({
      platform: PLATFORM,
      baseUrl: options.baseUrl,
      auth,
      limiter: this.main ?? false,
      parseErrorBody,
      credentialHeaders: ['authorization', 'tenant'],
      maxResponseBytes: options.maxResponseBytes,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
    });
  }

  /** Every live secret (tokens included) out of an error: every adapter failure passes through it. */
  redact<E>(error: E): E {
    return this.transport.redact(error);
  }

  get metrics() {
    return this.transport.metrics;
  }

  send<S extends z.ZodType>(req: TransportRequest, schema: S): Promise<TransportResponse<z.output<S>>>;
  send(req: TransportRequest): Promise<TransportResponse<unknown>>;
  send(req: TransportRequest, schema?: z.ZodType): Promise<TransportResponse<unknown>> {
    return this.transport.request(this.limited(req), schema as z.ZodType);
  }

  /** Routes a request to the limit Commerce7 applies to it. */
  private limited(req: TransportRequest): TransportRequest {
    const query = req.query ?? {};
    if (req.method === 'GET' && query.cursor !== undefined && query.cursor !== null)
      return { ...req, unlimited: true };
    const page = Number(query.page);
    if (req.method === 'GET' && Number.isInteger(page) && page >= SLOW_PAGE_FROM && this.slow && this.main) {
      // The gate queues the request on the main limit itself, once its slot is free.
      return { ...req, limiter: this.slow };
    }
    return req;
  }

  async close(): Promise<void> {
    await this.transport.close();
    await Promise.all(this.owned.map((limiter) => limiter.disconnect(true)));
  }
}
