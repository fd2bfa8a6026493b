/**
 * What the sandbox measures for the tests that drive it: `stats.maxInFlight` (the most requests
 * being handled at once) and `busiestWindow(windowMs)` (the most arrivals within any window).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../src';
import { type ChqSandbox, call, startChq } from './__fixtures__/commercehq/client';

let sb: ChqSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const inParallel = (n: number, send: () => Promise<unknown>) => Promise.all(Array.from({ length: n }, send));

describe('sandbox stats: requests in flight', () => {
  it('maxInFlight is the most requests handled at once, latency included', async () => {
    sb = await startChq({ records: 5, rateLimit: false, latencyMs: 100 });
    expect(sb.stats.maxInFlight).toBe(0);
    for (let i = 0; i < 3; i++) await call(sb, 'GET', '/customers');
    expect(sb.stats.maxInFlight).toBe(1);
    await inParallel(5, () => call(sb!, 'GET', '/customers'));
    expect(sb.stats.maxInFlight).toBe(5);
    expect(sb.stats.requests).toBe(8);
  });

  it('a request ends its flight however it ends: error, injected fault, dropped connection', async () => {
    sb = await startChq({ records: 5, rateLimit: false, latencyMs: 20 });
    sb.faults.add({ kind: 'server-error', status: 503, times: 1 });
    sb.faults.add({ kind: 'rate-limit', retryAfter: 0, times: 1 });
    sb.faults.add({ kind: 'reset', times: 1 });
    for (let i = 0; i < 3; i++) await call(sb, 'GET', '/customers').catch(() => undefined);
    await call(sb, 'GET', '/customers', { auth: null });
    await call(sb, 'GET', '/customers');
    expect(sb.stats.faults).toBe(3);
    expect(sb.stats.byStatus[401]).toBe(1);
    expect(sb.stats.maxInFlight).toBe(1);
  });

  it('resetStats starts the peak again from the requests still being handled', async () => {
    sb = await startChq({ records: 5, rateLimit: false, latencyMs: 150 });
    await inParallel(4, () => call(sb!, 'GET', '/customers'));
    expect(sb.stats.maxInFlight).toBe(4);
    sb.resetStats();
    expect(sb.stats.maxInFlight).toBe(0);

    const pending = inParallel(2, () => call(sb!, 'GET', '/customers'));
    await new Promise((r) => setTimeout(r, 50));
    sb.resetStats();
    expect(sb.stats.maxInFlight).toBe(2);
    await pending;
    await call(sb, 'GET', '/customers');
    expect(sb.stats.maxInFlight).toBe(2);
  });
});

describe('sandbox stats: busiest window', () => {
  const entry = (at: number): RequestLogEntry => ({ method: 'GET', path: '/x', query: '', status: 200, at });

  it('counts the most arrivals within any window of that length, whatever the log order', async () => {
    sb = await startChq({ records: 5, rateLimit: false });
    expect(sb.busiestWindow(100)).toBe(0);
    // Answer order is not arrival order: a slow request is logged after later ones.
    sb.log.push(...[510, 0, 10, 20, 500, 505, 515].map(entry));
    expect(sb.busiestWindow(100)).toBe(4);
    expect(sb.busiestWindow(1_000)).toBe(7);
    expect(sb.busiestWindow(5)).toBe(1);
    // A window is half-open: arrivals exactly windowMs apart are never in one window.
    sb.log.length = 0;
    sb.log.push(...[0, 100, 200].map(entry));
    expect(sb.busiestWindow(100)).toBe(1);
    expect(sb.busiestWindow(101)).toBe(2);
  });

  it('reads the arrivals of the requests served, and starts again after resetStats', async () => {
    sb = await startChq({ records: 5, rateLimit: false, latencyMs: 60 });
    // One after another: each arrives after the previous one's 60 ms of latency.
    for (let i = 0; i < 4; i++) await call(sb, 'GET', '/customers');
    expect(sb.busiestWindow(50)).toBe(1);
    expect(sb.busiestWindow(60_000)).toBe(4);
    await inParallel(6, () => call(sb!, 'GET', '/customers'));
    expect(sb.busiestWindow(50)).toBe(6);
    sb.resetStats();
    expect(sb.busiestWindow(60_000)).toBe(0);
  });
});
