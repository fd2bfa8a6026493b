export interface RetryOptions {
  /** Retries after the first attempt. Default 3; 0 turns retrying off. */
  retries?: number;
  /** First backoff step. Default 250 ms; each retry doubles it, with full jitter. */
  baseDelayMs?: number;
  /** Cap for one backoff wait. Default 20 s. */
  maxDelayMs?: number;
  /** Longest `Retry-After` we are willing to wait; longer ones fail with the `RateLimitError`. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Statuses retried (idempotent methods only, except 429 which the platform did not process). */
  statuses?: readonly number[];
}

export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetry = {
  retries: 3,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 120_000,
  statuses: [408, 429, 502, 503, 504],
};

export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  if (options === false) return { ...DEFAULT_RETRY, retries: 0 };
  return { ...DEFAULT_RETRY, ...options };
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
export const isIdempotent = (method: string) => IDEMPOTENT.has(method.toUpperCase());

/** Full-jitter exponential backoff: uniform in [0, min(max, base·2^attempt)]. */
export function backoffDelay(
  attempt: number,
  retry: ResolvedRetry,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/** `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      // Stryker disable next-line OptionalChaining: equivalent, onAbort is only registered on a signal
      reject(signal?.reason);
    };
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, a signal aborts at most once
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
