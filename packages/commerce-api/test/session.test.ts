import { AbortError, AuthenticationError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { Session, type SessionCalls } from '../src/session';

/** Fake auth endpoints that count calls, with a controllable clock and gate. */
function fakeCalls(options: { refreshFails?: boolean; loginFails?: boolean } = {}) {
  let n = 0;
  const log: string[] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  const tokens = () => {
    n += 1;
    return { accessToken: `a${n}`, tokenType: 'Bearer', expiresIn: 100, refreshToken: `r${n}` };
  };
  const calls: SessionCalls = {
    async login() {
      log.push('login');
      await gate;
      if (options.loginFails) throw new AuthenticationError('bad password', { status: 401 });
      return tokens();
    },
    async refresh(token) {
      log.push(`refresh ${token}`);
      await gate;
      if (options.refreshFails) throw new AuthenticationError('refresh refused', { status: 401 });
      return tokens();
    },
    async logout(token) {
      log.push(`logout ${token}`);
    },
  };
  return {
    calls,
    log,
    hold() {
      gate = new Promise((r) => {
        release = r;
      });
    },
    release: () => release(),
  };
}

describe('Session', () => {
  it('ten concurrent first calls make one login; ten after expiry make one refresh', async () => {
    let now = 0;
    const fake = fakeCalls();
    const session = new Session(fake.calls, { now: () => now });
    fake.hold();
    const first = Array.from({ length: 10 }, () => session.token());
    fake.release();
    expect(new Set(await Promise.all(first))).toEqual(new Set(['a1']));
    now = 95_000; // inside the 10 s skew of a 100 s token
    fake.hold();
    const second = Array.from({ length: 10 }, () => session.token());
    fake.release();
    expect(new Set(await Promise.all(second))).toEqual(new Set(['a2']));
    expect(fake.log).toEqual(['login', 'refresh r1']);
  });

  it('a burst of 401s for the same token renews once; a 401 for a token already replaced renews nothing', async () => {
    const fake = fakeCalls();
    const session = new Session(fake.calls);
    const used = await session.token();
    await Promise.all(Array.from({ length: 10 }, () => session.renewAfter401(used)));
    expect(await session.token()).toBe('a2');
    await session.renewAfter401(used);
    expect(fake.log).toEqual(['login', 'refresh r1']);
  });

  it('never offers a refresh token twice: a refused refresh falls back to one login', async () => {
    const fake = fakeCalls({ refreshFails: true });
    const session = new Session(fake.calls);
    await session.renewAfter401(await session.token());
    expect(await session.token()).toBe('a2');
    await session.renewAfter401('a2');
    expect(fake.log).toEqual(['login', 'refresh r1', 'login', 'refresh r2', 'login']);
    expect(fake.log.filter((l) => l === 'refresh r1')).toHaveLength(1);
  });

  it('when the login fails, every waiter gets the AuthenticationError and the next call tries again', async () => {
    const fake = fakeCalls({ loginFails: true });
    const session = new Session(fake.calls);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => session.token()));
    expect(results.every((r) => r.status === 'rejected' && AuthenticationError.isInstance(r.reason))).toBe(
      true,
    );
    expect(fake.log).toEqual(['login']);
    await expect(session.token()).rejects.toSatisfy((e) => AuthenticationError.isInstance(e));
    expect(fake.log).toEqual(['login', 'login']);
  });

  it("one caller's abort stops its own wait, not the shared login", async () => {
    const fake = fakeCalls();
    const session = new Session(fake.calls);
    fake.hold();
    const controller = new AbortController();
    const aborted = session.token(controller.signal);
    const patient = session.token();
    controller.abort();
    await expect(aborted).rejects.toSatisfy((e) => AbortError.isInstance(e));
    fake.release();
    expect(await patient).toBe('a1');
    expect(fake.log).toEqual(['login']);
  });

  it('close() waits for a renewal under way, logs that session out, and fails the calls still waiting', async () => {
    const fake = fakeCalls();
    const session = new Session(fake.calls);
    fake.hold();
    const pending = session.token();
    const closing = session.close();
    fake.release();
    await expect(pending).rejects.toMatchObject({ code: 'adapter_closed' });
    await closing;
    expect(fake.log).toEqual(['login', 'logout a1']);
    expect(session.secrets()).toEqual(expect.arrayContaining(['a1', 'r1']));
    await expect(session.token()).rejects.toMatchObject({ code: 'adapter_closed' });
  });

  it('remembers live and retired tokens for redaction', async () => {
    const fake = fakeCalls();
    const session = new Session(fake.calls);
    await session.renewAfter401(await session.token());
    expect(session.secrets()).toEqual(expect.arrayContaining(['a1', 'r1', 'a2', 'r2']));
  });
});
