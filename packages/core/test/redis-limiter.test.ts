import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { NetworkError, redisLimiter } from '../src/index';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('redisLimiter when Redis is unreachable', () => {
  it('fails the waiting call with a retryable NetworkError instead of hanging, and never runs the job', async () => {
    const port = await closedPort();
    const limiter = redisLimiter(
      'unreachable-test',
      { limit: 10, windowMs: 1_000 },
      {
        host: '127.0.0.1',
        port,
        maxRetriesPerRequest: 1,
      },
    );
    let ran = false;
    const err = await limiter
      .schedule(async () => {
        ran = true;
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(NetworkError.isInstance(err), String(err)).toBe(true);
    expect((err as NetworkError).code).toBe('limiter_unavailable');
    expect((err as NetworkError).retryable).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(ran).toBe(false);
    await limiter.disconnect(false).catch(() => {});
  });
});
