/**
 * Concurrency (issue 8, figure 5): where a platform's paging allows it (page-numbered lists with a
 * known page count: CommerceHQ and the Commerce API), `iterate({ concurrency })` keeps several
 * pages in flight within the rate limit and still yields records in order. Measured against the
 * sandbox with 50 ms of latency on every response: the time to export 100 pages of customers at
 * concurrency 1, 4 and 8, the speed-ups over concurrency 1, the most requests seen in flight, the
 * 429s, and whether every run yielded the same records in the same order as the store holds them.
 *
 * - `latencyBound`: a limit of 10,000/min (the Commerce API's enterprise plan; CommerceHQ documents
 *   none): one request every 6.1 ms, so a 50 ms round trip, not the limit, sets the pace and
 *   pages in parallel pay off until the limit binds (8 in flight need 6.25 ms each).
 * - `limitBound` (Commerce API only): the standard plan's 1,000/min, one request every 60.7 ms,
 *   longer than the round trip: concurrency cannot go faster than the limit, and does not.
 *
 * Commerce7 is left out: its lists page by cursor, and each cursor comes with the page before.
 *
 * Run: `npx tsx bench/concurrency.ts` (or `pnpm bench -- --only concurrency`). Figures only.
 */
import { type CommerceApiAdapterOptions, createCommerceApiAdapter } from '../packages/commerce-api/src/index';
import { type CommerceHQAdapterOptions, createCommerceHQAdapter } from '../packages/commercehq/src/index';
import type { CommerceAdapter, RateLimit } from '../packages/core/src/index';
import { type Sandbox, type SandboxStore, startSandbox } from '../packages/sandbox/src/index';
import { round, runWhenInvoked } from './util';

const LATENCY_MS = 50;
const PAGE_SIZE = 10;
const PAGES = 100;
const FAST: RateLimit = { limit: 10_000, windowMs: 60_000 };
const STANDARD: RateLimit = { limit: 1_000, windowMs: 60_000 };
/** Fewer pages where the limit sets the pace: 40 at 60.7 ms is 2.4 s a run. */
const LIMIT_BOUND_PAGES = 40;

type Platform = 'commerce-api' | 'commercehq';

interface Run {
  ms: number;
  maxInFlight: number;
  sameOrder: boolean;
}

function adapterFor(
  platform: Platform,
  sb: Sandbox<SandboxStore, unknown>,
  rateLimit: RateLimit,
): CommerceAdapter {
  return platform === 'commerce-api'
    ? createCommerceApiAdapter({ ...(sb.options as CommerceApiAdapterOptions), rateLimit })
    : createCommerceHQAdapter({ ...(sb.options as CommerceHQAdapterOptions), rateLimit });
}

/**
 * One sandbox per platform and limit, one adapter per run, each exporting every customer at one
 * concurrency (all runs together stay under the sandbox's window: no run waits for another's).
 * The sandbox's stats restart with each run, so its `maxInFlight` is that run's.
 */
async function measure(
  platform: Platform,
  rateLimit: RateLimit,
  pages: number,
  concurrencies: readonly number[],
): Promise<{ runs: Map<number, Run>; rateLimited: number }> {
  const sb = await startSandbox<SandboxStore, unknown>({
    platform,
    seed: 3,
    // CommerceHQ's sandbox adds the seed's example customers to those generated.
    records: { customers: pages * PAGE_SIZE, orders: 0, products: 0 },
    rateLimit,
    latencyMs: LATENCY_MS,
    ...(platform === 'commerce-api' ? { platformOptions: { credentials: 'apiKey' } } : {}),
  });
  const runs = new Map<number, Run>();
  let rateLimited = 0;
  try {
    const expected = sb.store.ids('customers');
    for (const concurrency of concurrencies) {
      sb.resetStats();
      const shop = adapterFor(platform, sb, rateLimit);
      try {
        const ids: string[] = [];
        const started = performance.now();
        for await (const c of shop.customers.iterate({ limit: PAGE_SIZE, concurrency })) ids.push(c.id);
        const ms = performance.now() - started;
        runs.set(concurrency, {
          ms,
          maxInFlight: sb.stats.maxInFlight,
          sameOrder: ids.length === expected.length && ids.every((id, i) => id === expected[i]),
        });
      } finally {
        await shop.close();
        rateLimited += sb.stats.byStatus[429] ?? 0;
      }
    }
    return { runs, rateLimited };
  } finally {
    await sb.close();
  }
}

const KEYS: Record<Platform, string> = { 'commerce-api': 'commerceApi', commercehq: 'commerceHQ' };

/** Per platform: seconds at each concurrency, speed-ups over 1, most in flight, 429s, order kept (1/0). */
export async function benchConcurrency(): Promise<Record<string, number>> {
  const out: Record<string, number> = { latencyMs: LATENCY_MS, pages: PAGES, pageSize: PAGE_SIZE };
  const record = (prefix: string, result: Awaited<ReturnType<typeof measure>>) => {
    const base = result.runs.get(1)!.ms;
    let sameOrder = true;
    for (const [c, run] of result.runs) {
      out[`${prefix}.c${c}.seconds`] = round(run.ms / 1000, 3);
      if (c !== 1) out[`${prefix}.c${c}.speedup`] = round(base / run.ms, 2);
      out[`${prefix}.c${c}.maxInFlight`] = run.maxInFlight;
      sameOrder &&= run.sameOrder;
    }
    out[`${prefix}.429s`] = result.rateLimited;
    out[`${prefix}.sameOrder`] = sameOrder ? 1 : 0;
  };
  for (const platform of ['commerce-api', 'commercehq'] as const) {
    record(`${KEYS[platform]}.latencyBound`, await measure(platform, FAST, PAGES, [1, 4, 8]));
  }
  record('commerceApi.limitBound', await measure('commerce-api', STANDARD, LIMIT_BOUND_PAGES, [1, 4]));
  return out;
}

runWhenInvoked(import.meta.url, 'concurrency', benchConcurrency);
