import Bottleneck from 'bottleneck';
import { NetworkError } from '../errors';

/** The part of a bottleneck limiter the transport uses; any object with `schedule` works. */
export interface LimiterLike {
  schedule<R>(fn: () => PromiseLike<R>): Promise<R>;
}

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RedisLimiterOptions {
  host?: string;
  port?: number;
  password?: string;
  db?: number;
  /** Any other ioredis client option. */
  [option: string]: unknown;
}

/** Delay between our send time and the platform's receive time that one window can absorb. */
const JITTER_ALLOWANCE_MS = 50;

/**
 * Requests are spaced evenly (bottleneck `minTime`) rather than sent in bursts: spacing keeps any
 * window of the platform's length under its limit whatever that window's alignment (fixed or
 * sliding), and it is enforced cluster-wide when the limiter lives in Redis. Requests `limit` apart
 * are sent `limit × spacing` apart, which must exceed the window by more than any difference in
 * their network (and event-loop) delays: a 1% margin plus a fixed 50 ms, because that jitter does
 * not shrink with the window (1% of a 1 s window is 10 ms). For 100/min this is 606.5 ms.
 *
 * The spacing is fractional (rounded up to 0.1 ms), not whole milliseconds: bottleneck's local
 * limiter adds `minTime` to its next-request time as a float, so the average rate is exactly
 * `1000 / spacing` per second. Rounding up to a whole millisecond would waste up to 5% at scaled
 * windows (100 per 2 s: 21 ms instead of 20.7 ms). The Redis limiter needs whole milliseconds.
 */
export function spacingFor(rate: RateLimit): number {
  return Math.ceil(((rate.windowMs * 1.01 + JITTER_ALLOWANCE_MS) / rate.limit) * 10) / 10;
}

const shared = new Map<string, Bottleneck>();

/**
 * One limiter per key in this process, so every adapter instance on the same tenant or credential
 * shares one budget. Keys are hashed by the caller: they never hold a secret.
 */
export function sharedLimiter(key: string, rate: RateLimit): Bottleneck {
  const id = `${key}|${rate.limit}/${rate.windowMs}`;
  let limiter = shared.get(id);
  if (!limiter) {
    limiter = new Bottleneck({ minTime: spacingFor(rate), id });
    shared.set(id, limiter);
  }
  return limiter;
}

/**
 * A limiter whose state lives in Redis, so N processes on one tenant together stay under its limit.
 * Needs the optional peer dependency `ioredis`.
 */
export function redisLimiter(key: string, rate: RateLimit, redis: RedisLimiterOptions): Bottleneck {
  return failFastOnStoreError(
    new Bottleneck({
      id: `storeport:${key}:${rate.limit}-${rate.windowMs}`,
      // Whole ms: bottleneck's Redis scripts PEXPIRE its keys at next-request time + `timeout`, and
      // PEXPIRE refuses a fraction (every schedule() would then wait forever).
      minTime: Math.ceil(spacingFor(rate)),
      datastore: 'ioredis',
      clearDatastore: false,
      clientOptions: redis,
      timeout: 10 * 60_000,
    }),
  );
}

/**
 * When Redis cannot be reached, bottleneck only emits `error` and every `schedule()` waits
 * forever. This makes each waiting call fail with a retryable NetworkError on the next store
 * error instead, and makes sure a job abandoned that way never sends its request later.
 */
export function failFastOnStoreError(limiter: Bottleneck): Bottleneck {
  const waiting = new Set<(err: unknown) => void>();
  limiter.on('error', (err: unknown) => {
    for (const fail of [...waiting]) fail(err);
  });
  const schedule = limiter.schedule.bind(limiter) as <R>(fn: () => PromiseLike<R>) => Promise<R>;
  const wrapped = <R>(fn: () => PromiseLike<R>): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      let abandoned = false;
      const fail = (err: unknown) => {
        abandoned = true;
        waiting.delete(fail);
        const detail = (err as { message?: string })?.message ?? String(err);
        reject(
          new NetworkError(`the shared rate limiter's Redis is unavailable: ${detail}`, {
            code: 'limiter_unavailable',
            cause: err,
          }),
        );
      };
      waiting.add(fail);
      schedule(() => (abandoned ? Promise.reject(new Error('abandoned')) : fn())).then(
        (v) => {
          waiting.delete(fail);
          resolve(v);
        },
        (e: unknown) => {
          waiting.delete(fail);
          if (!abandoned) reject(e);
        },
      );
    });
  (limiter as unknown as { schedule: typeof wrapped }).schedule = wrapped;
  return limiter;
}

/** Small non-cryptographic hash, so limiter keys identify a credential without containing it. */
export function hashKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
