/**
 * How fast each simulator generates its seeded store (records per second of wall time, the
 * server start included). Tests only check the counts; this is where the speed is reported.
 * Run: `npx tsx bench/sandbox-generate.ts`.
 */
import { startSandbox } from '../packages/sandbox/src/index';
import { round, runWhenInvoked } from './util';

const PLATFORMS = ['commerce7', 'commercehq', 'commerce-api'] as const;

export async function benchSandboxGenerate(
  options: { records?: number } = {},
): Promise<Record<string, number>> {
  const records = options.records ?? 3_000;
  const results: Record<string, number> = {};
  for (const platform of PLATFORMS) {
    // One warm-up start, so module loading is not counted.
    await (await startSandbox({ platform, records: 10, rateLimit: false })).close();
    const started = performance.now();
    const sb = await startSandbox({ platform, records, rateLimit: false });
    const ms = performance.now() - started;
    const store = sb.store as { count(resource: string): number };
    const total = store.count('customers') + store.count('orders') + store.count('products');
    await sb.close();
    results[`${platform}.records`] = total;
    results[`${platform}.recordsPerSec`] = Math.round((total / ms) * 1000);
    results[`${platform}.ms`] = round(ms, 1);
  }
  return results;
}

runWhenInvoked(import.meta.url, 'sandbox-generate', benchSandboxGenerate);
