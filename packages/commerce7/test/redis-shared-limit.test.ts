/**
 * The `redis` option really shares the tenant's limit across processes: two worker processes on
 * one sandbox tenant, each sending more than half the limit. Given `redis`, together they stay
 * within it (no 429, the sandbox's busiest window at most the limit + the jitter allowance);
 * without it each process keeps only its own count, and the sandbox refuses the excess, which
 * shows the measurement can fail. Two adapters in ONE process share a limiter anyway, so only
 * processes can tell. Needs `STOREPORT_REDIS_URL` (`pnpm test` starts a Redis when it can);
 * without it the test is skipped and says why.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expectMessage, redisFromEnv } from '@storeport/contract';
import type { RateLimit, RedisLimiterOptions } from '@storeport/core';
import { type Sandbox, startSandbox } from '@storeport/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerJob, WorkerMessage } from './redis-worker';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKER = fileURLToPath(new URL('./redis-worker.ts', import.meta.url));

/** The tenant's 100/min scaled down so a run takes seconds. */
const RATE: RateLimit = { limit: 20, windowMs: 4_000 };
/**
 * What the sandbox enforces: the limit plus 2 (10%) for differences in delay between processes
 * on a busy machine. Two processes that ignore `redis` send up to twice the limit per window, far
 * past this; two that share it send the limit.
 */
const JITTER_ALLOWANCE = 2;
const WORKERS = 2;
/** Each worker alone stays within the limit, together they are 1.5 times it. */
const PER_WORKER = 15;

type C7Sandbox = Sandbox<
  { ids(resource: string): string[] },
  { baseUrl: string; tenant: string; appId: string; appSecret: string }
>;

/** The most requests that arrived within any `windowMs` (sandbox clock). */
function busiestWindow(arrivals: number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

const target = await redisFromEnv();
const skipReason = 'reason' in target ? target.reason : undefined;
if (skipReason) console.warn(`commerce7 redis-shared-limit: skipped, ${skipReason}`);

let children: ChildProcess[] = [];
let sandbox: C7Sandbox | undefined;
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  children = [];
  await sandbox?.close();
  sandbox = undefined;
});

/** Runs the workers against a fresh sandbox tenant; what the sandbox and the workers counted. */
async function run(redis: RedisLimiterOptions | undefined) {
  const sb = (await startSandbox({
    platform: 'commerce7',
    seed: 9,
    records: { customers: 0, orders: 0, products: 3 },
    rateLimit: { limit: RATE.limit + JITTER_ALLOWANCE, windowMs: RATE.windowMs },
  })) as C7Sandbox;
  sandbox = sb;
  const job: WorkerJob = {
    options: sb.options,
    ...(redis ? { redis } : {}),
    rateLimit: RATE,
    productId: sb.store.ids('products')[0]!,
    count: PER_WORKER,
  };
  for (let i = 0; i < WORKERS; i++) {
    children.push(
      fork(WORKER, [], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
        env: {
          ...process.env,
          TSX_TSCONFIG_PATH: `${ROOT}tsconfig.json`,
          STOREPORT_WORKER_JOB: JSON.stringify(job),
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  }
  await Promise.all(children.map((child) => expectMessage<WorkerMessage, 'ready'>(child, 'ready')));
  sb.resetStats();
  const done = children.map((child) => expectMessage<WorkerMessage, 'done'>(child, 'done'));
  for (const child of children) child.send({ kind: 'go' });
  const results = await Promise.all(done);
  const busiest = busiestWindow(
    sb.log.filter((e) => e.status !== 429).map((e) => e.at),
    RATE.windowMs,
  );
  const refused = sb.stats.byStatus[429] ?? 0;
  const ok = results.reduce((n, r) => n + r.ok, 0);
  console.info(
    `commerce7 redis-shared-limit (${redis ? 'with' : 'without'} redis): ${sb.stats.requests} requests, ` +
      `${refused} refused (429), busiest ${RATE.windowMs} ms window ${busiest} of ${RATE.limit} allowed`,
  );
  return { refused, busiest, ok, requests: sb.stats.requests };
}

describe('Commerce7: a tenant limit shared over Redis by worker processes', () => {
  it.skipIf(skipReason !== undefined)(
    `with redis, 2 processes on one tenant stay within the limit; without, the sandbox refuses the excess${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const redis = (target as { redis: RedisLimiterOptions }).redis;
      const shared = await run(redis);
      expect(shared.refused).toBe(0);
      expect(shared.ok).toBe(WORKERS * PER_WORKER);
      expect(shared.busiest).toBeLessThanOrEqual(RATE.limit + JITTER_ALLOWANCE);
      await sandbox?.close();
      sandbox = undefined;
      children = [];

      // The same run without `redis`: each process counts alone, so the tenant sees the excess.
      const apart = await run(undefined);
      expect(apart.refused).toBeGreaterThan(0);
    },
    60_000,
  );
});
