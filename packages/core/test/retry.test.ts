import { describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY,
  isIdempotent,
  parseRetryAfter,
  resolveRetry,
  sleep,
} from '../src/transport/retry';

describe('resolveRetry', () => {
  it('fills every option left out from the defaults', () => {
    expect(resolveRetry(undefined)).toEqual({
      retries: 3,
      baseDelayMs: 250,
      maxDelayMs: 20_000,
      maxRetryAfterMs: 120_000,
      statuses: [408, 429, 502, 503, 504],
    });
    expect(resolveRetry({ retries: 5 })).toEqual({ ...DEFAULT_RETRY, retries: 5 });
  });

  it('false keeps the defaults but turns retrying off', () => {
    expect(resolveRetry(false)).toEqual({ ...DEFAULT_RETRY, retries: 0 });
  });

  it('returns a copy: changing it leaves the defaults alone', () => {
    const r = resolveRetry(false);
    r.retries = 9;
    expect(DEFAULT_RETRY.retries).toBe(3);
    expect(resolveRetry(undefined)).not.toBe(DEFAULT_RETRY);
  });
});

describe('isIdempotent', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'get', 'Delete'])('%s is idempotent', (m) => {
    expect(isIdempotent(m)).toBe(true);
  });
  it.each(['POST', 'PATCH', 'post', 'CONNECT'])('%s is not', (m) => {
    expect(isIdempotent(m)).toBe(false);
  });
});

describe('backoffDelay', () => {
  const retry = resolveRetry({ baseDelayMs: 40, maxDelayMs: 100 });

  it('the ceiling doubles per attempt from the base and stops at the cap', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, retry, () => 1))).toEqual([40, 80, 100, 100]);
  });

  it('draws uniformly below the ceiling, rounded to whole milliseconds', () => {
    expect(backoffDelay(0, retry, () => 0)).toBe(0);
    expect(backoffDelay(1, retry, () => 0.5)).toBe(40);
    expect(backoffDelay(0, retry, () => 0.26)).toBe(10); // 10.4 rounds down
    expect(backoffDelay(0, retry, () => 0.2625)).toBe(11); // 10.5 rounds up
  });

  it('uses Math.random when no source is given', () => {
    const spy = vi.spyOn(Math, 'random').mockReturnValue(0.25);
    try {
      expect(backoffDelay(2, retry)).toBe(25);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta-seconds, whole or fractional, rounding up to the millisecond', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('0.0004', now)).toBe(1);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('12.25', now)).toBe(12_250);
  });

  it('reads an HTTP date as the time left until it, never below zero', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('measures an HTTP date from the real clock when no time is given', () => {
    vi.useFakeTimers({ now });
    try {
      expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT')).toBe(7000);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([['soon'], ['1e3'], ['2 seconds'], ['x2'], ['']])('%j is unreadable', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  it('absent is undefined', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('sleep', () => {
  it('resolves once the time has passed, not before', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const p = sleep(100).then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(99);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await p;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects at once with the reason of a signal already aborted', async () => {
    const reason = new Error('stop');
    await expect(sleep(10_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('rejects with the reason as soon as the signal aborts, and clears its timer', async () => {
    vi.useFakeTimers();
    try {
      const ctl = new AbortController();
      const p = sleep(10_000, ctl.signal);
      const reason = new Error('cancelled');
      ctl.abort(reason);
      await expect(p).rejects.toBe(reason);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops listening to the signal once it has resolved', async () => {
    vi.useFakeTimers();
    try {
      const ctl = new AbortController();
      const remove = vi.spyOn(ctl.signal, 'removeEventListener');
      const p = sleep(5, ctl.signal);
      await vi.advanceTimersByTimeAsync(5);
      await p;
      expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    } finally {
      vi.useRealTimers();
    }
  });
});
