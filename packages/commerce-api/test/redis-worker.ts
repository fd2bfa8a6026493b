/**
 * One worker process of `redis-shared-limit.test.ts`, started with `node --import tsx` and the
 * repository root as its working directory (so `@storeport/*` resolves to the sources through the
 * root tsconfig's `paths`). It reads its job from `STOREPORT_WORKER_JOB` (JSON), builds the
 * adapter (whose limiter lives in Redis), warms up, says `ready` over the IPC channel, waits for
 * `go`, exports one resource with `iterate()` and sends back every id in the order it came, with
 * the adapter's request counters.
 */
import type { RateLimit, RedisLimiterOptions, TransportMetrics } from '@storeport/core';
import { createCommerceApiAdapter } from '../src/index';

export interface WorkerJob {
  baseUrl: string;
  apiKey: string;
  redis: RedisLimiterOptions;
  rateLimit: RateLimit;
  resource: 'customers' | 'orders' | 'products';
  pageSize: number;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'done'; ids: string[]; metrics: TransportMetrics; ms: number }
  | { kind: 'failed'; error: string };

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('redis-worker.ts must be started with an IPC channel'));
    process.send(message, undefined, {}, (err) => (err ? reject(err) : resolve()));
  });
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.STOREPORT_WORKER_JOB ?? 'null') as WorkerJob | null;
  if (!job) throw new Error('STOREPORT_WORKER_JOB is not set');
  // Listening before saying `ready`, so the answer cannot arrive unheard.
  const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
  const shop = createCommerceApiAdapter({
    baseUrl: job.baseUrl,
    credentials: { apiKey: job.apiKey },
    rateLimit: job.rateLimit,
    redis: job.redis,
    timeoutMs: 10_000,
  });
  try {
    await warmUp(job);
    await send({ kind: 'ready' });
    await go;
    const started = performance.now();
    const ids: string[] = [];
    for await (const record of shop[job.resource].iterate({ limit: job.pageSize })) ids.push(record.id);
    await send({ kind: 'done', ids, metrics: shop.metrics, ms: performance.now() - started });
  } finally {
    await shop.close();
  }
}

/**
 * A process's first request loads undici, opens a connection and runs the transport's code for the
 * first time: 40–100 ms on a busy machine, which, spent inside a limiter slot, makes that request
 * arrive late and the next window's last one early. Paid here with an unknown key, which the
 * sandbox refuses before it counts the request against the tenant's limit.
 */
async function warmUp(job: WorkerJob): Promise<void> {
  const cold = createCommerceApiAdapter({
    baseUrl: job.baseUrl,
    credentials: { apiKey: 'warm-up' },
    limiter: false,
    retry: false,
  });
  try {
    await cold[job.resource].list({ limit: job.pageSize }).catch(() => undefined);
  } finally {
    await cold.close();
  }
}

// The test is gone (failed, timed out): so is this worker's reason to run.
process.on('disconnect', () => process.exit(1));

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    await send({ kind: 'failed', error: String((err as Error)?.stack ?? err) }).catch(() => {});
    process.exit(1);
  },
);
