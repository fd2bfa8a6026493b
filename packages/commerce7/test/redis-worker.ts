/**
 * One worker process of `redis-shared-limit.test.ts`, started with `node --import tsx` from the
 * repository root. It reads its job from `STOREPORT_WORKER_JOB` (JSON), builds a Commerce7 adapter
 * (with `redis` when the job has it), warms up, says `ready` over IPC, waits for `go`, then sends
 * `count` limited requests (`products.get`) one after another without retries, and reports how
 * many succeeded and how many the sandbox refused with a 429.
 */
import { type RateLimit, RateLimitError, type RedisLimiterOptions } from '@storeport/core';
import { createCommerce7Adapter } from '../src/index';

export interface WorkerJob {
  options: { baseUrl: string; tenant: string; appId: string; appSecret: string };
  redis?: RedisLimiterOptions;
  rateLimit: RateLimit;
  productId: string;
  count: number;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'done'; ok: number; rateLimited: number }
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
  const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
  const shop = createCommerce7Adapter({
    ...job.options,
    rateLimit: job.rateLimit,
    ...(job.redis ? { redis: job.redis } : {}),
    retry: false,
    timeoutMs: 10_000,
  });
  try {
    // The first request of a process (undici, JIT) with a wrong secret: refused before the
    // sandbox counts it against the tenant, so the measured part starts warm.
    const cold = createCommerce7Adapter({
      ...job.options,
      appSecret: 'warm-up',
      limiter: false,
      retry: false,
    });
    await cold.products.get(job.productId).catch(() => undefined);
    await cold.close();
    await send({ kind: 'ready' });
    await go;
    let ok = 0;
    let rateLimited = 0;
    for (let i = 0; i < job.count; i++) {
      try {
        await shop.products.get(job.productId);
        ok += 1;
      } catch (err) {
        if (!RateLimitError.isInstance(err)) throw err;
        rateLimited += 1;
      }
    }
    await send({ kind: 'done', ok, rateLimited });
  } finally {
    await shop.close();
  }
}

process.on('disconnect', () => process.exit(1));

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    await send({ kind: 'failed', error: String((err as Error)?.stack ?? err) }).catch(() => {});
    process.exit(1);
  },
);
