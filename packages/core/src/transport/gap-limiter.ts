import Bottleneck from 'bottleneck';
import { failFastOnStoreError, type LimiterLike, type RedisLimiterOptions, spacingFor } from './rate-limit';

/**
 * At most one request per `intervalMs`, measured between requests as SENT, in front of another
 * limiter (`main`). A minTime limiter chained before `main` would measure from when a request
 * joined main's queue, and main can hold it back for as long as that queue is (Commerce7's slow
 * pages past page 100 came ~4.5 s apart for a 5 s rule that way). So the gate holds its single
 * slot until the request has left `main` and for the interval after. With `redis` the slot is
 * shared by every process.
 */
export function gapLimiter(options: {
  id: string;
  intervalMs: number;
  main: LimiterLike;
  redis?: RedisLimiterOptions | undefined;
}): { gate: LimiterLike; limiter: Bottleneck } {
  const built = new Bottleneck({
    maxConcurrent: 1,
    ...(options.redis
      ? {
          id: options.id,
          datastore: 'ioredis',
          clearDatastore: false,
          clientOptions: options.redis,
          timeout: 10 * 60_000,
        }
      : {}),
  });
  const limiter = options.redis ? failFastOnStoreError(built) : built;
  // The same margin as every limit (1% and 50 ms): requests sent exactly one interval apart can
  // arrive closer than that.
  const hold = spacingFor({ limit: 1, windowMs: options.intervalMs });
  const gate: LimiterLike = {
    schedule<R>(fn: () => PromiseLike<R>): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        limiter
          .schedule(async () => {
            let markSent: () => void = () => {};
            const sent = new Promise<void>((r) => {
              markSent = r;
            });
            const result = options.main.schedule(() => {
              markSent();
              return fn();
            });
            result.then(resolve, reject);
            // A request that never left (aborted while queued) releases the slot at once.
            const left = await Promise.race([
              sent.then(() => true),
              result.then(
                () => false,
                () => false,
              ),
            ]);
            if (left) await new Promise((r) => setTimeout(r, hold));
          })
          .catch(reject);
      });
    },
  };
  return { gate, limiter };
}
