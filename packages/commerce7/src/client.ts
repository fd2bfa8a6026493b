import {
  type AuthProvider,
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
import type { z } from 'zod';
import { parseErrorBody } from './map-error';
import {
  type Commerce7AdapterOptions,
  PLATFORM,
  RATE_LIMIT,
  type ResolvedOptions,
  SLOW_PAGE_FROM,
} from './options';

/**
 * The adapter's one way to Commerce7: the shared transport (timeouts, one retry layer, error
 * bodies) with Basic auth and the `tenant` header on every request, and the tenant's limits:
 * - 100 requests/min per tenant for everything except cursor-mode lists, which "have no rate
 *   limits" (API overview) and are sent unlimited;
 * - page-mode requests past page 100 additionally wait the slow interval between them.
 */
export class C7Client {
  readonly transport: Transport;
  readonly currency: string;
  private readonly main: LimiterLike | undefined;
  private readonly slow: LimiterLike | undefined;
  private readonly owned: { disconnect(flush?: boolean): Promise<void> } | undefined;

  constructor(options: Commerce7AdapterOptions, resolved: ResolvedOptions) {
    this.currency = resolved.currency;
    const basic = `Basic ${toBase64(`${resolved.appId}:${resolved.appSecret}`)}`;
    const appIdForms = new Set([resolved.appId, encodeURIComponent(resolved.appId)]);
    const secrets = secretForms(resolved.appId, resolved.appSecret).filter((s) => !appIdForms.has(s));
    const auth: AuthProvider = {
      headers: () => ({ authorization: basic, tenant: resolved.tenant }),
      secrets: () => secrets,
    };
    // One budget per tenant (and API host) in this process, whatever the number of adapters.
    const key = `${PLATFORM}:${hashKey(`${resolved.baseUrl}|${resolved.tenant}`)}`;
    if (options.limiter === false) this.main = undefined;
    else if (options.limiter) this.main = options.limiter;
    else if (options.redis) {
      const limiter = redisLimiter(key, RATE_LIMIT, options.redis);
      this.main = limiter;
      this.owned = limiter as unknown as { disconnect(flush?: boolean): Promise<void> };
    } else this.main = sharedLimiter(key, RATE_LIMIT);
    this.slow =
      this.main && resolved.slowPageIntervalMs > 0
        ? sharedLimiter(`${key}:slow-pages`, { limit: 1, windowMs: resolved.slowPageIntervalMs })
        : undefined;
    this.transport = new Transport({
      platform: PLATFORM,
      baseUrl: resolved.baseUrl,
      auth,
      limiter: this.main ?? false,
      parseErrorBody,
      ...(options.retry !== undefined ? { retry: options.retry } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
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
      const slow = this.slow;
      const main = this.main;
      return { ...req, limiter: { schedule: (fn) => slow.schedule(() => main.schedule(fn)) } };
    }
    return req;
  }

  async close(): Promise<void> {
    await this.transport.close();
    await this.owned?.disconnect(true);
  }
}
