import type { RateLimitConfig } from './types';

/**
 * Sliding-window log: a request is accepted while fewer than `limit` were accepted in the last
 * `windowMs`. This is the strictest reading of "N requests per minute", so a client that passes
 * here passes any fixed-window implementation too.
 */
export class SlidingWindowLimiter {
  private readonly accepted = new Map<string, number[]>();
  constructor(readonly config: RateLimitConfig) {}

  /** Returns 0 when the request is accepted, else the ms until it would be. */
  take(key: string, now: number): number {
    const log = this.accepted.get(key) ?? [];
    const horizon = now - this.config.windowMs;
    while (log.length > 0 && log[0]! <= horizon) log.shift();
    if (log.length >= this.config.limit) {
      this.accepted.set(key, log);
      return Math.max(1, log[0]! + this.config.windowMs - now);
    }
    log.push(now);
    this.accepted.set(key, log);
    return 0;
  }

  reset(): void {
    this.accepted.clear();
  }
}
