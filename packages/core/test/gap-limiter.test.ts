import { describe, expect, it } from 'vitest';
import { gapLimiter, type LimiterLike } from '../src/index';

/** A main limit that holds every request back by `delayMs` (a busy queue). */
const slowMain = (delayMs: number): LimiterLike => ({
  schedule: (fn) => new Promise((r) => setTimeout(r, delayMs)).then(fn),
});

describe('gapLimiter', () => {
  it('spaces requests by the interval as sent, however long the main limit holds them', async () => {
    const { gate } = gapLimiter({ id: 'gap-test-1', intervalMs: 80, main: slowMain(60) });
    const t0 = performance.now();
    const sent: number[] = [];
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        gate.schedule(async () => {
          sent.push(performance.now() - t0);
          return n;
        }),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(79);
  });

  it('passes a failure through and frees the slot for the next request', async () => {
    const { gate } = gapLimiter({ id: 'gap-test-2', intervalMs: 10, main: slowMain(0) });
    await expect(gate.schedule(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.schedule(async () => 'next')).resolves.toBe('next');
  });

  it('releases the slot at once when the main limit rejects before sending', async () => {
    const refusing: LimiterLike = { schedule: () => Promise.reject(new Error('aborted in queue')) };
    const { gate } = gapLimiter({ id: 'gap-test-3', intervalMs: 5_000, main: refusing });
    // Had the first refusal kept the slot, the second would wait the 5 s interval: the test would time out.
    await expect(gate.schedule(async () => 1)).rejects.toThrow('aborted in queue');
    await expect(gate.schedule(async () => 2)).rejects.toThrow('aborted in queue');
  });
});
