import {
  type AuthProvider,
  hashKey,
  secretForms,
  Transport,
  type TransportRequest,
  type TransportResponse,
  toBase64,
} from '@storeport/core';
import type { z } from 'zod';
import { parseErrorBody } from './map-error';
import { type CommerceHQAdapterOptions, PLATFORM, type ResolvedOptions } from './options';

/**
 * The adapter's one way to the API: core's transport (limit, timeout, one retry layer, typed
 * errors from CommerceHQ's bodies) with `Authorization: Basic base64(apiKey:apiPassword)` on
 * every request.
 */
export class ChqClient {
  readonly transport: Transport;
  readonly currency: string;

  constructor(
    options: CommerceHQAdapterOptions,
    readonly resolved: ResolvedOptions,
  ) {
    this.currency = resolved.currency;
    const header = `Basic ${toBase64(`${resolved.apiKey}:${resolved.apiPassword}`)}`;
    const secrets = secretForms(resolved.apiKey, resolved.apiPassword);
    const auth: AuthProvider = { headers: () => ({ authorization: header }), secrets: () => secrets };
    this.transport = new Transport({
      platform: PLATFORM,
      baseUrl: resolved.baseUrl,
      auth,
      // One budget per private app (the key), shared by every adapter instance in the process.
      rateLimit: {
        key: `${PLATFORM}:${hashKey(`${resolved.baseUrl}|${resolved.apiKey}`)}`,
        ...resolved.rateLimit,
      },
      parseErrorBody,
      credentialHeaders: ['authorization'],
      ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
      ...(options.limiter !== undefined ? { limiter: options.limiter } : {}),
      ...(options.redis ? { redis: options.redis } : {}),
      ...(options.retry !== undefined ? { retry: options.retry } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
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
