import {
  type AuthProvider,
  hashKey,
  type RedisLimiterOptions,
  Transport,
  type TransportRequest,
  type TransportResponse,
} from '@storeport/core';
import type { PlatformClient } from '@storeport/core/kit';
import type { z } from 'zod';
import { parseErrorBody } from './map-error';
import { type CommerceApiSettings, DEFAULT_BASE_URL, PLAN_LIMITS } from './options';
import { PLATFORM } from './platform';
import { Session } from './session';
import { type WireTokens, WireTokensSchema } from './wire/tokens';

const BEARER = /^Bearer (.+)$/;

/**
 * The adapter's one way to the API: the shared transport (limit, timeout, retry, error bodies)
 * plus this platform's credentials. With a password, every call carries the session's bearer
 * token and a 401 renews the session once (the transport's `onUnauthorized`) and resends; with an
 * API key, the key goes on every request and a 401 is final.
 */
export class CommerceApiClient implements PlatformClient {
  readonly transport: Transport;
  readonly session: Session | undefined;

  constructor(private readonly options: CommerceApiSettings) {
    const { credentials: c, baseUrl = DEFAULT_BASE_URL } = options;
    if (c.kind === 'password') {
      this.session = new Session(
        {
          login: () => this.login(),
          refresh: (refreshToken) => this.refresh(refreshToken),
          logout: (accessToken) => this.logout(accessToken),
        },
        { refreshSkewMs: options.refreshSkewMs },
      );
    }
    const session = this.session;
    const secrets = () => (c.kind === 'apiKey' ? [c.apiKey] : [c.password, ...(session?.secrets() ?? [])]);
    const auth: AuthProvider = session
      ? {
          // The token as it is: renewals happen before a request is queued, or after its 401.
          headers: () => {
            const token = session.current();
            return token ? bearer(token) : {};
          },
          onUnauthorized: async (signal, sent) => {
            const used = BEARER.exec(sent?.authorization ?? '')?.[1];
            if (used === undefined) return false;
            // The server refused the token (expired early, revoked): renew once, unless done already.
            await session.renewAfter401(used, signal);
            return true;
          },
          secrets,
        }
      : { headers: () => (c.kind === 'apiKey' ? { [options.apiKeyHeader]: c.apiKey } : {}), secrets };
    const principal = c.kind === 'apiKey' ? c.apiKey : c.email.toLowerCase();
    this.transport = new Transport({
      platform: PLATFORM,
      baseUrl,
      auth,
      // The API limits per API key (and per user for sessions): one budget per credential per process.
      rateLimit: {
        key: `${PLATFORM}:${hashKey(`${baseUrl}|${principal}`)}`,
        ...(options.rateLimit ?? PLAN_LIMITS[options.plan]),
      },
      parseErrorBody,
      credentialHeaders: [options.apiKeyHeader ?? 'X-API-Key', 'authorization'],
      maxResponseBytes: options.maxResponseBytes,
      limiter: options.limiter,
      redis: options.redis as RedisLimiterOptions | undefined,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
      headers: options.headers,
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
  async send(req: TransportRequest, schema?: z.ZodType): Promise<TransportResponse<unknown>> {
    // Log in or refresh before the request takes its place in the limiter's queue, never inside it.
    await this.session?.token(req.signal);
    return this.transport.request(req, schema as z.ZodType);
  }

  async close(): Promise<void> {
    await this.session?.close();
    await this.transport.close();
  }

  private async login(): Promise<WireTokens> {
    const c = this.options.credentials;
    if (c.kind !== 'password') throw new Error('login without a password');
    // Logging in twice is harmless (a second session), so a transient failure may be retried.
    const res = await this.transport.request(
      {
        method: 'POST',
        path: '/auth/login',
        body: { email: c.email, password: c.password, remember: c.remember },
        anonymous: true,
        idempotent: true,
        what: 'login response',
      },
      WireTokensSchema,
    );
    return res.body;
  }

  /** Not retried on transient failures: a refresh the server did process must not be replayed. */
  private async refresh(refreshToken: string): Promise<WireTokens> {
    const res = await this.transport.request(
      {
        method: 'POST',
        path: '/auth/refresh',
        body: { refreshToken },
        anonymous: true,
        what: 'refresh response',
      },
      WireTokensSchema,
    );
    return res.body;
  }

  private async logout(accessToken: string): Promise<void> {
    await this.transport.request({
      method: 'DELETE',
      path: '/auth/logout',
      headers: bearer(accessToken),
      anonymous: true,
    });
  }
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
