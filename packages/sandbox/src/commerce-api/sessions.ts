import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type AccessClaims, signJwt, verifyJwt } from './jwt';
import type { WireTokens } from './wire';

export const ALL_SCOPES = [
  'products:read',
  'products:write',
  'orders:read',
  'orders:write',
  'customers:read',
  'customers:write',
] as const;
export type Scope = (typeof ALL_SCOPES)[number];

export interface SandboxUser {
  userId: string;
  email: string;
  password: string;
  scopes: readonly Scope[];
}

export interface SandboxApiKey {
  key: string;
  scopes: readonly Scope[];
}

/** Who made a request, once authenticated. */
export type Principal =
  | { kind: 'user'; user: SandboxUser; sessionId: string; jti: string; scopes: readonly Scope[] }
  | { kind: 'apiKey'; key: string; scopes: readonly Scope[] };

/** Counters tests assert on (e.g. "ten concurrent calls made exactly one refresh", "zero reuse"). */
export interface AuthCounters {
  logins: number;
  failedLogins: number;
  refreshes: number;
  failedRefreshes: number;
  /** Refresh attempts with a refresh token that had already been rotated away. */
  refreshReuse: number;
  logouts: number;
  /** Requests refused with 401 because of a missing, invalid, expired or revoked credential. */
  rejected: number;
  /** 401s caused by an expired access token, a subset of `rejected`. */
  expiredTokenRejections: number;
}

export type AuthFailure = { ok: false; code: string; message: string };

interface Session {
  userId: string;
  /** Absolute end of the session: refresh tokens never outlive it (rotation does not extend it). */
  expiresAtMs: number;
  revoked: boolean;
  accessJtis: Set<string>;
}

interface AccessGrant {
  sessionId: string;
  expiresAtMs: number;
  revoked: boolean;
}

interface RefreshGrant {
  sessionId: string;
  used: boolean;
}

export interface SessionOptions {
  users: SandboxUser[];
  apiKeys: SandboxApiKey[];
  secret: string;
  tokenLifetimeSec: number;
  refreshLifetimeSec: number;
  rememberLifetimeSec: number;
  /** Wall clock in ms (tokens carry real Unix times). */
  clock?: () => number;
}

/** Users, API keys, JWT sessions and refresh-token rotation of the simulated Commerce API. */
export class SessionManager {
  readonly counters: AuthCounters = {
    logins: 0,
    failedLogins: 0,
    refreshes: 0,
    failedRefreshes: 0,
    refreshReuse: 0,
    logouts: 0,
    rejected: 0,
    expiredTokenRejections: 0,
  };
  tokenLifetimeSec: number;
  private readonly sessions = new Map<string, Session>();
  private readonly access = new Map<string, AccessGrant>();
  private readonly refreshGrants = new Map<string, RefreshGrant>();
  private readonly clock: () => number;

  constructor(private readonly options: SessionOptions) {
    this.tokenLifetimeSec = options.tokenLifetimeSec;
    this.clock = options.clock ?? Date.now;
  }

  get users(): readonly SandboxUser[] {
    return this.options.users;
  }

  get apiKeys(): readonly SandboxApiKey[] {
    return this.options.apiKeys;
  }

  findUser(email: string): SandboxUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.options.users.find((u) => u.email.toLowerCase() === wanted);
  }

  login(email: string, password: string, remember: boolean): WireTokens | AuthFailure {
    const user = this.findUser(email);
    if (!user || user.password !== password) {
      this.counters.failedLogins += 1;
      return { ok: false, code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' };
    }
    this.counters.logins += 1;
    const sessionId = randomUUID();
    const lifetime = remember ? this.options.rememberLifetimeSec : this.options.refreshLifetimeSec;
    this.sessions.set(sessionId, {
      userId: user.userId,
      expiresAtMs: this.clock() + lifetime * 1000,
      revoked: false,
      accessJtis: new Set(),
    });
    return this.issue(user, sessionId);
  }

  /** Rotates the refresh token: the one presented is spent, a new pair is returned. */
  refresh(refreshToken: string): WireTokens | AuthFailure {
    const grant = this.refreshGrants.get(refreshToken);
    const session = grant ? this.sessions.get(grant.sessionId) : undefined;
    if (!grant || !session)
      return this.refreshFailed('INVALID_REFRESH_TOKEN', 'Refresh token invalid or expired');
    if (grant.used) {
      // Reuse of a rotated token means it leaked or a client raced itself: revoke the whole session.
      this.counters.refreshReuse += 1;
      this.revokeSession(grant.sessionId);
      return this.refreshFailed('REFRESH_TOKEN_REUSED', 'Refresh token has already been used');
    }
    if (session.revoked || session.expiresAtMs <= this.clock())
      return this.refreshFailed('INVALID_REFRESH_TOKEN', 'Refresh token invalid or expired');
    const user = this.options.users.find((u) => u.userId === session.userId);
    if (!user) return this.refreshFailed('INVALID_REFRESH_TOKEN', 'Refresh token invalid or expired');
    grant.used = true;
    this.counters.refreshes += 1;
    return this.issue(user, grant.sessionId);
  }

  /** Revokes the session of the presented access token: its access tokens and its refresh token. */
  logout(principal: Principal): void {
    if (principal.kind !== 'user') return;
    this.counters.logouts += 1;
    this.revokeSession(principal.sessionId);
  }

  authenticate(headers: IncomingHttpHeaders): Principal | AuthFailure {
    const authorization = headerValue(headers.authorization);
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) return this.reject('INVALID_TOKEN', 'Authorization header must be "Bearer <token>"');
      return this.authenticateBearer(match[1]!);
    }
    const apiKey = headerValue(headers['x-api-key']);
    if (apiKey !== undefined) {
      const known = this.options.apiKeys.find((k) => k.key === apiKey);
      if (!known) return this.reject('INVALID_API_KEY', 'Invalid API key');
      return { kind: 'apiKey', key: known.key, scopes: known.scopes };
    }
    return this.reject('UNAUTHORIZED', 'Missing credentials: send a bearer token or an API key');
  }

  /** The user a refresh token belongs to (spent or not), for rate-limit accounting. */
  userOfRefreshToken(token: string): string | undefined {
    const grant = this.refreshGrants.get(token);
    return grant ? this.sessions.get(grant.sessionId)?.userId : undefined;
  }

  /** Expires every access token issued so far (refresh tokens stay valid); returns how many. */
  expireAccessTokens(): number {
    const now = this.clock();
    let count = 0;
    for (const grant of this.access.values()) {
      if (grant.expiresAtMs > now) {
        grant.expiresAtMs = now;
        count += 1;
      }
    }
    return count;
  }

  /** Access tokens that would be accepted right now. */
  liveAccessTokens(): number {
    const now = this.clock();
    let count = 0;
    for (const grant of this.access.values()) if (!grant.revoked && grant.expiresAtMs > now) count += 1;
    return count;
  }

  /** Sessions not revoked (logged in and not logged out). */
  openSessions(): number {
    let count = 0;
    for (const s of this.sessions.values()) if (!s.revoked) count += 1;
    return count;
  }

  private authenticateBearer(token: string): Principal | AuthFailure {
    const claims = verifyJwt(token, this.options.secret);
    const grant = claims ? this.access.get(claims.jti) : undefined;
    if (!claims || !grant) return this.reject('INVALID_TOKEN', 'Access token is invalid');
    if (grant.revoked) return this.reject('INVALID_TOKEN', 'Access token has been revoked');
    if (grant.expiresAtMs <= this.clock()) {
      this.counters.expiredTokenRejections += 1;
      return this.reject('TOKEN_EXPIRED', 'Access token has expired');
    }
    const user = this.options.users.find((u) => u.userId === claims.sub);
    if (!user) return this.reject('INVALID_TOKEN', 'Access token is invalid');
    return { kind: 'user', user, sessionId: grant.sessionId, jti: claims.jti, scopes: user.scopes };
  }

  private issue(user: SandboxUser, sessionId: string): WireTokens {
    const session = this.sessions.get(sessionId)!;
    const nowMs = this.clock();
    const lifetimeMs = this.tokenLifetimeSec * 1000;
    const jti = randomUUID();
    const claims: AccessClaims = {
      sub: user.userId,
      email: user.email,
      scope: user.scopes.join(' '),
      sid: sessionId,
      jti,
      iss: 'commerce-api-sandbox',
      iat: Math.floor(nowMs / 1000),
      exp: Math.floor((nowMs + lifetimeMs) / 1000),
    };
    this.access.set(jti, { sessionId, expiresAtMs: nowMs + lifetimeMs, revoked: false });
    session.accessJtis.add(jti);
    const refreshToken = `rt_${randomBytes(24).toString('base64url')}`;
    this.refreshGrants.set(refreshToken, { sessionId, used: false });
    return {
      accessToken: signJwt(claims, this.options.secret),
      tokenType: 'Bearer',
      // The seed types expiresIn as an integer: sub-second test lifetimes round up to 1.
      expiresIn: Math.max(1, Math.ceil(this.tokenLifetimeSec)),
      refreshToken,
    };
  }

  private revokeSession(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    session.revoked = true;
    for (const jti of session.accessJtis) {
      const grant = this.access.get(jti);
      if (grant) grant.revoked = true;
    }
  }

  private refreshFailed(code: string, message: string): AuthFailure {
    this.counters.failedRefreshes += 1;
    return { ok: false, code, message };
  }

  private reject(code: string, message: string): AuthFailure {
    this.counters.rejected += 1;
    return { ok: false, code, message };
  }
}

export function isFailure(value: unknown): value is AuthFailure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
