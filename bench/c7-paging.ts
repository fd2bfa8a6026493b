/**
 * Commerce7's paging choice (issue 8, figure 2): exporting 79,318 customers (the figure in the
 * Commerce7 docs) in cursor mode, which the adapter uses, vs page mode, under the documented
 * limits: page mode is 100 requests/min per tenant and, past page 100, one request every 5 s (the
 * seed) or 60 s (the current docs); cursor mode has no rate limit.
 *
 * - Cursor mode is measured whole, in real time: `customers.iterate({ limit: 50 })` against the
 *   sandbox on loopback (no latency), every record mapped.
 * - Page mode is measured with the sandbox's clock scaled (its `rateLimit` window and slow-page
 *   interval divided by S) and the adapter's limiters scaled alike, then multiplied back by S.
 *   The whole export would take hours even scaled, so pages 1–100 are measured in full and the
 *   slow phase on a prefix of pages 101+; the per-page interval measured there is extrapolated to
 *   the remaining pages (the output says so). Page requests go through `adapter.request()` (same
 *   auth, limiters and retries as the adapter's own calls).
 * - The adapter's spacing is (window × 1.01 + 50 ms) / limit: the 50 ms allowance for network
 *   jitter does not shrink with a scaled clock, so the bench gives the adapter the windows whose
 *   spacing is exactly the real one divided by S (found with core's own `spacingFor`).
 *
 * Run: `npx tsx bench/c7-paging.ts`. Figures only; nothing here asserts on time.
 */
import { fileURLToPath } from 'node:url';
import { createCommerce7Adapter, RATE_LIMIT } from '../packages/commerce7/src/index';
import { type CommerceAdapter, sharedLimiter, spacingFor } from '../packages/core/src/index';
import { startSandbox } from '../packages/sandbox/src/index';

/** "79,318 customers" — the example in Commerce7's docs on why to use cursors. */
const CUSTOMERS = 79_318;
const PAGE_SIZE = 50;
const SLOW_FROM = 101;
const SEED_SLOW_MS = 5_000;
const DOCS_SLOW_MS = 60_000;

/**
 * Clock scales (real time = measured × S), one per sandbox: small enough that a page request
 * (~20 ms here: the sandbox scans every customer to count `total`) stays well inside one spacing.
 */
const SCALE_SEED = 10;
const SCALE_DOCS = 40;
/** Slow pages measured per variant; the rest are extrapolated from the steady interval between them. */
const SEED_SLOW_PAGES = 15;
const DOCS_SLOW_PAGES = 9;
/**
 * The steady interval is the median gap between pages from 103 on: the first slow page can follow
 * page 100 sooner than one interval (page 100 is not slow), and Retry-After is whole seconds and
 * not scaled, so one retry would weigh S times too much in a mean: the median ignores it.
 */
const STEADY_FROM = 2;

/** The smallest window whose spacing (`limit` per window) is at least `target` ms. */
function windowFor(limit: number, target: number): number {
  let lo = 0;
  let hi = target * limit;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (spacingFor({ limit, windowMs: mid }) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

type C7Options = Parameters<typeof createCommerce7Adapter>[0];

interface PageRun {
  /** ms (scaled clock) from sending page `from` to receiving page `to`, and each page's arrival. */
  done: number[];
  records: number;
  total: number | undefined;
}

/** Page mode from page `from` to `to` through `adapter.request()`, one at a time as a client would. */
async function pageMode(adapter: CommerceAdapter, from: number, to: number): Promise<PageRun> {
  const started = performance.now();
  const done: number[] = [];
  let records = 0;
  let total: number | undefined;
  for (let page = from; page <= to; page++) {
    const res = await adapter.request<{ customers: unknown[]; total: number }>({
      method: 'GET',
      path: '/customer',
      query: { page, limit: PAGE_SIZE },
    });
    records += res.body.customers.length;
    total = res.body.total;
    done.push(performance.now() - started);
  }
  return { done, records, total };
}

async function withSandbox<T>(
  scale: number,
  slowIntervalMs: number,
  run: (options: C7Options, rejectedPages: () => number[]) => Promise<T>,
): Promise<T> {
  const sandbox = await startSandbox({
    platform: 'commerce7',
    records: { customers: CUSTOMERS, orders: 1, products: 1 },
    rateLimit: { limit: RATE_LIMIT.limit, windowMs: RATE_LIMIT.windowMs / scale },
    platformOptions: { slowPageIntervalMs: slowIntervalMs / scale },
  });
  try {
    const id = `${sandbox.origin}|${scale}|${slowIntervalMs}`;
    const mainSpacing = spacingFor(RATE_LIMIT) / scale;
    const slowSpacing = spacingFor({ limit: 1, windowMs: slowIntervalMs }) / scale;
    const options: C7Options = {
      ...(sandbox.options as unknown as C7Options),
      limiter: sharedLimiter(`bench-c7-paging:${id}`, {
        limit: RATE_LIMIT.limit,
        windowMs: windowFor(RATE_LIMIT.limit, mainSpacing),
      }),
      slowPageIntervalMs: windowFor(1, slowSpacing),
    };
    const rejectedPages = () =>
      sandbox.log
        .filter((e) => e.status === 429)
        .map((e) => Number(new URLSearchParams(e.query).get('page') ?? Number.NaN));
    return await run(options, rejectedPages);
  } finally {
    await sandbox.close();
  }
}

export async function benchC7Paging(): Promise<Record<string, number | string>> {
  const pages = Math.ceil(CUSTOMERS / PAGE_SIZE);
  const slowPages = pages - (SLOW_FROM - 1);
  const out: Record<string, number | string> = { customers: CUSTOMERS, pageSize: PAGE_SIZE };

  // Seed rules (5 s past page 100): cursor mode in full, page mode pages 1–100 and a slow prefix.
  const seed = await withSandbox(SCALE_SEED, SEED_SLOW_MS, async (options, rejectedPages) => {
    const adapter = createCommerce7Adapter(options);
    try {
      const before = adapter.metrics.requests;
      const started = performance.now();
      let records = 0;
      for await (const _ of adapter.customers.iterate({ limit: PAGE_SIZE })) records += 1;
      const cursorSeconds = (performance.now() - started) / 1000;
      const cursorRequests = adapter.metrics.requests - before;
      if (records !== CUSTOMERS) throw new Error(`cursor mode exported ${records} customers`);
      const head = await pageMode(adapter, 1, SLOW_FROM - 1);
      if (head.total !== CUSTOMERS || head.records !== (SLOW_FROM - 1) * PAGE_SIZE)
        throw new Error(`page mode: total ${head.total}, ${head.records} records in pages 1–100`);
      const slow = await pageMode(adapter, SLOW_FROM, SLOW_FROM + SEED_SLOW_PAGES - 1);
      return { cursorSeconds, cursorRequests, head, slow, rejected: rejectedPages() };
    } finally {
      await adapter.close();
    }
  });
  // Current docs (60 s past page 100): only the slow phase differs; a faster clock keeps it short.
  const docs = await withSandbox(SCALE_DOCS, DOCS_SLOW_MS, async (options, rejectedPages) => {
    const adapter = createCommerce7Adapter(options);
    try {
      const slow = await pageMode(adapter, SLOW_FROM, SLOW_FROM + DOCS_SLOW_PAGES - 1);
      return { slow, rejected: rejectedPages() };
    } finally {
      await adapter.close();
    }
  });

  const interval = (run: PageRun) => {
    const gaps = run.done.slice(STEADY_FROM + 1).map((t, i) => t - run.done[STEADY_FROM + i]!);
    return median(gaps);
  };
  const headSeconds = (seed.head.done.at(-1)! * SCALE_SEED) / 1000;
  const seedIntervalSeconds = (interval(seed.slow) * SCALE_SEED) / 1000;
  const docsIntervalSeconds = (interval(docs.slow) * SCALE_DOCS) / 1000;
  const seedMinutes = (headSeconds + slowPages * seedIntervalSeconds) / 60;
  const docsMinutes = (headSeconds + slowPages * docsIntervalSeconds) / 60;
  const cursorMinutes = seed.cursorSeconds / 60;

  out.cursorRequests = seed.cursorRequests;
  out.cursorSeconds = round(seed.cursorSeconds, 1);
  out.pageRequests = pages;
  out.pageFirst100Seconds = round(headSeconds, 1);
  out.pageSlowIntervalSeedSeconds = round(seedIntervalSeconds, 2);
  out.pageSlowIntervalDocsSeconds = round(docsIntervalSeconds, 2);
  out.pageSeedMinutes = round(seedMinutes, 1);
  out.pageDocsMinutes = round(docsMinutes, 1);
  out.ratioSeedOverCursor = Math.round(seedMinutes / cursorMinutes);
  out.ratioDocsOverCursor = Math.round(docsMinutes / cursorMinutes);
  out.page429s = seed.rejected.length + docs.rejected.length;
  out.page429Pages =
    [...seed.rejected.map((p) => `seed:${p}`), ...docs.rejected.map((p) => `docs:${p}`)].join(' ') || 'none';
  out.method = `cursor: all ${seed.cursorRequests} requests measured in real time on loopback; page: pages 1-100 measured at clock ×1/${SCALE_SEED}, slow pages 101-${SLOW_FROM + SEED_SLOW_PAGES - 1} (seed, ×1/${SCALE_SEED}) and 101-${SLOW_FROM + DOCS_SLOW_PAGES - 1} (docs, ×1/${SCALE_DOCS}) measured, the median interval from page ${SLOW_FROM + STEADY_FROM} on extrapolated to all ${slowPages} pages past 100`;
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  benchC7Paging().then(
    (r) => {
      for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(30)} ${v}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('c7-paging benchmark failed:', error);
      process.exit(1);
    },
  );
}
