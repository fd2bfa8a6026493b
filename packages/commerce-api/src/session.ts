import { AbortError, CommerceError } from '@storeport/core';
import { raceAbort } from '@storeport/core/kit';
import { PLATFORM } from './platform';
import type { WireTokens } from './wire/tokens';

/** What the session needs from the outside world (the transport), so it can be tested alone. */
export interface SessionCalls {
  login(): Promise<WireTokens>;
  refresh(refreshToken: string): Promise<WireTokens>;
  logout(accessToken: string): Promise<void>;
}

export interface SessionOptions {
  /** Refresh this long before expiry; default min(60 s, lifetime / 10). */
  refreshSkewMs?: number;
  now?: () => number;
}

/** Secrets kept for redaction: the live ones plus a few retired ones that may still echo back. */
const REMEMBERED_SECRETS = 16;

/**
 * The JWT session of one adapter: logs in lazily, refreshes before expiry and after a 401, and
 * keeps exactly one login/refresh in flight however many calls wait on it. Refresh tokens rotate:
 * each is sent once, and after a failed refresh the session logs in again rather than retrying
 * with a token the server may already have spent (which it would treat as theft).
 */
export class Session {
  private access: { token: string; expiresAt: number; lifetimeMs: number } | null = null;
  private refreshToken: string | null = null;
  private inFlight: Promise<void> | null = null;
  private closed = false;
  private readonly retired: string[] = [];
  private readonly now: () => number;

  constructor(
    private readonly calls: SessionCalls,
    private readonly options: SessionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** A token good for at least the refresh skew, logging in or refreshing first when needed. */
  async token(signal?: AbortSignal): Promise<string> {
    let renewed = false;
    for (;;) {
      if (this.closed) throw closedError();
      if (this.inFlight) {
        await waitFor(this.inFlight, signal);
        renewed = true;
        continue;
      }
      const access = this.access;
      const now = this.now();
      // A token just issued is used even inside the skew (a skew longer than the lifetime must not loop).
      if (
        access &&
        access.expiresAt > now &&
        (renewed || access.expiresAt - this.skew(access.lifetimeMs) > now)
      )
        return access.token;
      this.renew();
    }
  }

  /**
   * The token to send now, as it is: never renews, so it is safe to call from inside a limiter
   * slot (a renewal waiting for a slot there could deadlock a `maxConcurrent: 1` limiter).
   */
  current(): string | undefined {
    if (this.closed) throw closedError();
    return this.access?.token;
  }

  /**
   * After a 401 for a request sent with `used`: renew unless someone already did (the token
   * changed, or a renewal is under way), so a burst of 401s makes one refresh.
   */
  async renewAfter401(used: string, signal?: AbortSignal): Promise<void> {
    if (this.closed) throw closedError();
    if (!this.inFlight && this.access?.token === used) {
      this.access = { ...this.access, expiresAt: 0 };
      this.renew();
    }
    if (this.inFlight) await waitFor(this.inFlight, signal);
  }

  /** Ends the session on the server (`DELETE /auth/logout`); later calls fail. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pending = this.inFlight;
    if (pending) await pending.catch(() => undefined);
    const token = this.access?.token;
    if (token) this.retire(token);
    if (this.refreshToken) this.retire(this.refreshToken);
    this.access = null;
    this.refreshToken = null;
    // Best effort: an expired or already revoked session needs no logout.
    if (token) await this.calls.logout(token).catch(() => undefined);
  }

  /** Every credential form that must never show in an error. */
  secrets(): string[] {
    const live = [this.access?.token, this.refreshToken].filter((s): s is string => typeof s === 'string');
    return [...live, ...this.retired];
  }

  private renew(): void {
    const run = async () => {
      const spent = this.refreshToken;
      let tokens: WireTokens | undefined;
      if (spent !== null) {
        // Spent the moment it is sent: never offered again, whatever the outcome.
        this.refreshToken = null;
        this.retire(spent);
        // A refused or failed refresh falls back to one login; the login's own failure is final.
        tokens = await this.calls.refresh(spent).catch(() => undefined);
      }
      tokens ??= await this.calls.login();
      this.accept(tokens);
    };
    this.inFlight = run().finally(() => {
      this.inFlight = null;
    });
    // A waiter observes the failure; this keeps an unobserved one from being reported as unhandled.
    this.inFlight.catch(() => undefined);
  }

  private accept(tokens: WireTokens): void {
    if (this.access) this.retire(this.access.token);
    const lifetimeMs = tokens.expiresIn * 1000;
    this.access = { token: tokens.accessToken, expiresAt: this.now() + lifetimeMs, lifetimeMs };
    this.refreshToken = tokens.refreshToken ?? null;
  }

  private skew(lifetimeMs: number): number {
    return this.options.refreshSkewMs ?? Math.min(60_000, lifetimeMs / 10);
  }

  private retire(secret: string): void {
    this.retired.push(secret);
    if (this.retired.length > REMEMBERED_SECRETS) this.retired.shift();
  }
}

function closedError(): CommerceError {
  return new CommerceError(`${PLATFORM}: the adapter is closed (its session was logged out)`, {
    platform: PLATFORM,
    code: 'adapter_closed',
  });
}

/** Waits for the shared renewal, but lets this caller's own signal stop its wait (not the renewal). */
async function waitFor(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  try {
    await raceAbort(promise, signal);
  } catch (err) {
    if (signal?.aborted && err === signal.reason) {
      throw new AbortError(`${PLATFORM}: request aborted`, { platform: PLATFORM, cause: signal.reason });
    }
    throw err;
  }
}
