import {
  AuthenticationError,
  type AuthProvider,
  hashKey,
  Transport,
  type TransportRequest,
  type TransportResponse,
} from '@storeport/core';
import type { z } from 'zod';
import { parseErrorBody } from './map-error';
import {
  type CommerceApiAdapterOptions,
  DEFAULT_BASE_URL,
  PLATFORM,
  type ResolvedCredentials,
  readPlan,
} from './options';
import { Session } from './session';
import { type WireTokens, WireTokensSchema } from './wire/tokens';

/**
 * The adapter's one way to the API: the shared transport (limit, timeout, retry, error bodies)
 * plus this platform's credentials. With a password, every call carries the session's bearer
 * token and a 401 renews the session once and resends; with an API key, the key goes on every
 * request and a 401 is final.
 */
export class ApiClient {
  readonly transport: Transport;
  readonly session: Session | undefined;

  constructor(
    options: CommerceApiAdapterOptions,
    private readonly credentials: ResolvedCredentials,
  ) {
    const secrets = (): string[] => {
      if (credentials.kind === 'apiKey') return [credentials.apiKey];
      return [credentials.password, ...(this.session?.secrets() ?? [])];
    };
    const apiKeyHeader = options.apiKeyHeader ?? 'X-API-Key';
    const auth: AuthProvider = {
      headers: () => (credentials.kind === 'apiKey' ? { [apiKeyHeader]: credentials.apiKey } : {}),
      secrets,
    };
    const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    const principal = credentials.kind === 'apiKey' ? credentials.apiKey : credentials.email.toLowerCase();
    this.transport = new Transport({
      platform: PLATFORM,
      baseUrl,
      auth,
      // The API limits per API key (and per user for sessions): one budget per credential per process.
      rateLimit: { key: `${PLATFORM}:${hashKey(`${baseUrl}|${principal}`)}`, ...readPlan(options) },
      parseErrorBody,
      credentialHeaders: [apiKeyHeader, 'authorization'],
      ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
      ...(options.limiter !== undefined ? { limiter: options.limiter } : {}),
      ...(options.redis ? { redis: options.redis } : {}),
      ...(options.retry !== undefined ? { retry: options.retry } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (credentials.kind === 'password') {
      this.session = new Session(
        {
          login: () => this.login(),
          refresh: (refreshToken) => this.refresh(refreshToken),
          logout: (accessToken) => this.logout(accessToken),
        },
        options.refreshSkewMs !== undefined ? { refreshSkewMs: options.refreshSkewMs } : {},
      );
    }
  }

  send<S extends z.ZodType>(req: TransportRequest, schema: S): Promise<TransportResponse<z.output<S>>>;
  send(req: TransportRequest): Promise<TransportResponse<unknown>>;
  async send(req: TransportRequest, schema?: z.ZodType): Promise<TransportResponse<unknown>> {
    const session = this.session;
    if (!session) return this.transport.request(req, schema as z.ZodType);
    const token = await session.token(req.signal);
    try {
      return await this.transport.request(withBearer(req, token), schema as z.ZodType);
    } catch (err) {
      if (!(AuthenticationError.isInstance(err) && err.status === 401)) throw err;
      // The server refused the token (expired early, revoked): renew once and resend once.
      await session.renewAfter401(token, req.signal);
      const fresh = await session.token(req.signal);
      return this.transport.request(withBearer(req, fresh), schema as z.ZodType);
    }
  }

  async close(): Promise<void> {
    await this.session?.close();
    await this.transport.close();
  }

  private async login(): Promise<WireTokens> {
    const c = this.credentials;
    if (c.kind !== 'password') throw new Error('login without a password');
    const body = {
      email: c.email,
      password: c.password,
      ...(c.remember !== undefined ? { remember: c.remember } : {}),
    };
    // Logging in twice is harmless (a second session), so a transient failure may be retried.
    const res = await this.transport.request(
      {
        method: 'POST',
        path: '/auth/login',
        body,
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
      ...bearer(accessToken),
      anonymous: true,
    });
  }
}

function bearer(token: string): { headers: Record<string, string> } {
  return { headers: { authorization: `Bearer ${token}` } };
}

function withBearer(req: TransportRequest, token: string): TransportRequest {
  return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
}
