import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sharedLimiter, spacingFor } from '../src/transport/rate-limit';

// The limiter on a fake clock: what it lets through in any window is a property of its schedule,
// not of how busy the machine is, so it is checked here without real time.

let seq = 0;
const key = () => `clock-test:${process.pid}:${seq++}`;

/** The most of `times` (sorted or not) that fall inside any half-open window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

describe('sharedLimiter on a fake clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function runThrough(limit: number, windowMs: number, jobs: number, sameKey?: string) {
    const rate = { limit, windowMs };
    const k = sameKey ?? key();
    const started: number[] = [];
    const all = Promise.all(
      Array.from({ length: jobs }, () =>
        sharedLimiter(k, rate).schedule(async () => {
          started.push(Date.now());
        }),
      ),
    );
    await vi.advanceTimersByTimeAsync(jobs * spacingFor(rate) + windowMs);
    await all;
    return started;
  }

  it('limit 10 per 200 ms: no 200 ms window holds more than 10 of 40 jobs, and none waits past its turn', async () => {
    const started = await runThrough(10, 200, 40);
    expect(started).toHaveLength(40);
    expect(maxInWindow(started, 200)).toBeLessThanOrEqual(10);
    const span = Math.max(...started) - Math.min(...started);
    // 39 spacings of 25.2 ms; timers run on whole milliseconds, so each may start up to 1 ms sooner.
    expect(span).toBeGreaterThanOrEqual(39 * 24.2);
    expect(span).toBeLessThanOrEqual(39 * 25.2 + 1);
  });

  it('100 per minute: no minute holds more than 100 of 250 jobs', async () => {
    const started = await runThrough(100, 60_000, 250);
    expect(started).toHaveLength(250);
    expect(maxInWindow(started, 60_000)).toBeLessThanOrEqual(100);
  });

  it('one key is one budget, however many callers take from it', async () => {
    const k = key();
    const [a, b] = await Promise.all([runThrough(10, 200, 20, k), runThrough(10, 200, 20, k)]);
    expect(maxInWindow([...a!, ...b!], 200)).toBeLessThanOrEqual(10);
  });
});
