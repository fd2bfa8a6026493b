/**
 * Constant memory (issue 8, figure 4): `customers.iterate()` over 1,000,000 Commerce7 customers,
 * which the sandbox generates from their position as each page is served (its
 * `virtualCustomers` option) and never stores.
 *
 * The sandbox runs in this process; the adapter runs in a child process started with
 * `--expose-gc`, so its heap holds nothing but the client side. The child iterates at the
 * platform's largest page (50) in cursor mode (not rate limited) with no latency, and records:
 * - the heap after a forced full GC once warmed up (the baseline), and again every 100,000
 *   records: what the iteration retains. Growth at 100k and at 1M must be about the same;
 * - the largest heap used seen at any page without forcing GC (garbage not yet collected
 *   included): the peak growth, which must stay under 64 MB.
 *
 * Run: `npx tsx bench/memory.ts` (or `pnpm bench --only memory`). Figures only; nothing asserts.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { createCommerce7Adapter } from '../packages/commerce7/src/index';
import { startSandbox } from '../packages/sandbox/src/index';

const RECORDS = 1_000_000;
const PAGE_SIZE = 50;
const CHECKPOINT = 100_000;
const CHILD_FLAG = '--memory-child';
const MB = 1024 * 1024;

interface ChildInput {
  options: Record<string, unknown>;
  records: number;
}

interface ChildResult {
  records: number;
  seconds: number;
  baselineMB: number;
  /** Heap after a full GC at each checkpoint (records seen → MB). */
  retainedMB: Record<string, number>;
  peakMB: number;
  rssStartMB: number;
  rssEndMB: number;
  requests: number;
}

/** Runs `iterate()` over every record in a child with `--expose-gc`; the sandbox stays here. */
export async function benchMemory(
  options: { records?: number } = {},
): Promise<Record<string, number | string>> {
  const records = options.records ?? RECORDS;
  const sandbox = await startSandbox({
    platform: 'commerce7',
    rateLimit: false,
    records: { customers: 1, orders: 1, products: 1 },
    platformOptions: { virtualCustomers: records },
  });
  try {
    const result = await runChild({ options: sandbox.options as Record<string, unknown>, records });
    const at100k = result.retainedMB[String(Math.min(CHECKPOINT, records))] ?? Number.NaN;
    const atEnd = result.retainedMB[String(records)] ?? Number.NaN;
    const out: Record<string, number | string> = {
      records: result.records,
      pageSize: PAGE_SIZE,
      seconds: round(result.seconds, 1),
      recordsPerSec: Math.round(result.records / result.seconds),
      requests: result.requests,
      heapBaselineMB: round(result.baselineMB, 2),
      heapGrowthAt100kMB: round(at100k - result.baselineMB, 2),
      heapGrowthAtEndMB: round(atEnd - result.baselineMB, 2),
      heapGrowth100kToEndMB: round(atEnd - at100k, 2),
      peakHeapGrowthMB: round(result.peakMB - result.baselineMB, 2),
      limitMB: 64,
      rssStartMB: round(result.rssStartMB, 1),
      rssEndMB: round(result.rssEndMB, 1),
    };
    for (const [seen, mb] of Object.entries(result.retainedMB)) {
      out[`heapAfterGcAt${Number(seen) / 1000}kMB`] = round(mb, 2);
    }
    return out;
  } finally {
    await sandbox.close();
  }
}

function runChild(input: ChildInput): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ChildResult | undefined;
    child.on('message', (m: { ready?: boolean; result?: ChildResult; error?: string }) => {
      if (m.ready) child.send(input);
      else if (m.result) result = m.result;
      else if (m.error) reject(new Error(`memory child: ${m.error}`));
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`memory child exited with ${code} and no result`));
    });
  });
}

/** The child: iterate and measure. Only the adapter and this loop live in its heap. */
async function child(input: ChildInput): Promise<ChildResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const heap = () => getHeapStatistics().used_heap_size / MB;
  const fullGc = () => {
    gc();
    gc();
    return heap();
  };
  const adapter = createCommerce7Adapter(input.options as never);
  try {
    // Warm up (JIT, sockets, schemas) on a separate iteration, then measure a fresh one from the start.
    let warm = 0;
    for await (const _ of adapter.customers.iterate({ limit: PAGE_SIZE, maxItems: 2_000 })) warm += 1;
    if (warm === 0) throw new Error('no customers');
    const rssStartMB = process.memoryUsage.rss() / MB;
    const requestsBefore = adapter.metrics.requests;
    const baselineMB = fullGc();
    let peakMB = baselineMB;
    const retainedMB: Record<string, number> = {};
    let seen = 0;
    let lastCreated = '';
    const started = performance.now();
    for await (const customer of adapter.customers.iterate({ limit: PAGE_SIZE })) {
      seen += 1;
      const created = customer.createdAt ?? '';
      if (created < lastCreated) throw new Error(`out of order at record ${seen}`);
      lastCreated = created;
      if (seen % PAGE_SIZE === 0) peakMB = Math.max(peakMB, heap());
      if (seen % CHECKPOINT === 0 || seen === input.records) {
        peakMB = Math.max(peakMB, heap());
        retainedMB[String(seen)] = fullGc();
      }
    }
    const seconds = (performance.now() - started) / 1000;
    if (seen !== input.records) throw new Error(`iterated ${seen} records, expected ${input.records}`);
    return {
      records: seen,
      seconds,
      baselineMB,
      retainedMB,
      peakMB,
      rssStartMB,
      rssEndMB: process.memoryUsage.rss() / MB,
      requests: adapter.metrics.requests - requestsBefore,
    };
  } finally {
    await adapter.close();
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

if (process.argv.includes(CHILD_FLAG)) {
  process.on('message', (input: ChildInput) => {
    child(input).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (err: unknown) => process.send?.({ error: (err as Error).stack ?? String(err) }, () => process.exit(1)),
    );
  });
  process.send?.({ ready: true });
} else if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const records = Number(process.env.STOREPORT_BENCH_RECORDS) || undefined;
  benchMemory(records ? { records } : {}).then(
    (r) => {
      for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(28)} ${v}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('memory benchmark failed:', error);
      process.exit(1);
    },
  );
}
