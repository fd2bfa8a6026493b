import {
  hashKey,
  secretForms,
  Transport,
  type TransportRequest,
  type TransportResponse,
  toBase64,
} from '@storeport/core';
import type { PlatformClient } from '@storeport/core/kit';
import type { z } from 'zod';
import { parseErrorBody } from './map-error';
import { DEFAULT_RATE_LIMIT, type ResolvedOptions } from './options';
import { PLATFORM } from './platform';

/**
 * The adapter's one way to the API: core's transport (limit, timeout, one retry layer, typed
 * errors from CommerceHQ's bodies) with `Authorization: Basic base64(apiKey:apiPassword)` on
 * every request.
 */
export class CommerceHQClient implements PlatformClient {
  private readonly transport: Transport;

  constructor(readonly options: ResolvedOptions) {
    const { apiKey, apiPassword } = options;
    const baseUrl = options.baseUrl ?? `https://${options.store}.commercehq.com/api/v1`;
    const header = `Basic ${toBase64(`${apiKey}:${apiPassword}`)}`;
    const secrets = secretForms(apiKey, apiPassword);
    this.transport = new Transport({
      platform: PLATFORM,
      baseUrl,
      auth: { headers: () => ({ authorization: header }), secrets: () => secrets },
      // One budget per private app (the key), shared by every adapter instance in the process.
      rateLimit: {
        key: `${PLATFORM}:${hashKey(`${baseUrl}|${apiKey}`)}`,
        ...(options.rateLimit ?? DEFAULT_RATE_LIMIT),
      },
      parseErrorBody,
      credentialHeaders: ['authorization'],
      maxResponseBytes: options.maxResponseBytes,
      headers: options.headers,
      limiter: options.limiter,
      redis: options.redis,
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
    return schema ? this.transport.request(req, schema) : this.transport.request(req);
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
