/**
 * Micro-benchmarks of core's pure helpers: exact money parsing and the cursor codec.
 * Run: `npx tsx bench/core-micro.ts`. Figures are informative only; nothing here asserts on time.
 */
import { fileURLToPath } from 'node:url';
import { fromDecimal } from '../packages/core/src/model/money';
import { type CursorPayload, decodeCursor, encodeCursor } from '../packages/core/src/paging/cursor';

/** Calls `fn` in batches until `budgetMs` has passed; returns calls per second. */
function opsPerSecond(fn: (i: number) => void, budgetMs: number): number {
  for (let i = 0; i < 1000; i++) fn(i); // warm-up
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 1000; i++) fn(calls + i);
    calls += 1000;
    elapsed = performance.now() - start;
  } while (elapsed < budgetMs);
  return Math.round((calls / elapsed) * 1000);
}

const DECIMAL_INPUTS: Array<[string | number, string]> = [
  ['19.99', 'USD'],
  [7.95, 'USD'],
  ['  1250.00 ', 'EUR'],
  [0.3, 'USD'],
  ['1000', 'JPY'],
  [42, 'JPY'],
  ['1.234', 'BHD'],
  [-0.05, 'GBP'],
  ['123456789.01', 'USD'],
  [1e-2, 'USD'],
];

const CURSOR_PAYLOAD: CursorPayload = {
  platform: 'commercehq',
  resource: 'orders',
  pageSize: 50,
  filters: { updatedSince: '2026-01-01T00:00:00.000Z', status: ['paid', 'shipped'] },
  native: { page: 7 },
};

/** Runs the micro-benchmarks; returns operations per second by name. */
export async function benchCoreMicro(options: { budgetMs?: number } = {}): Promise<Record<string, number>> {
  const budgetMs = options.budgetMs ?? 500;
  const results: Record<string, number> = {};
  let sink = 0;
  results.fromDecimalOpsPerSec = opsPerSecond((i) => {
    const [value, currency] = DECIMAL_INPUTS[i % DECIMAL_INPUTS.length]!;
    sink += fromDecimal(value, currency).amount;
  }, budgetMs);
  const expected = { platform: 'commercehq', resource: 'orders', filters: CURSOR_PAYLOAD.filters };
  results.cursorRoundTripsPerSec = opsPerSecond((i) => {
    const cursor = encodeCursor({ ...CURSOR_PAYLOAD, native: { page: i } });
    sink += decodeCursor<{ page: number }>(cursor, expected).native.page;
  }, budgetMs);
  if (Number.isNaN(sink)) results.sink = sink; // keeps the work observable
  return results;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  benchCoreMicro()
    .then((results) => {
      for (const [name, value] of Object.entries(results)) {
        console.log(`${name.padEnd(24)} ${value.toLocaleString('en-US')}`);
      }
    })
    .catch((error: unknown) => {
      console.error('core-micro benchmark failed:', error);
      process.exitCode = 1;
    });
}
