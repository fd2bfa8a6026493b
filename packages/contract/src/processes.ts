/**
 * Helpers for tests that run adapters in worker processes sharing a limit over Redis: the Redis
 * server from `STOREPORT_REDIS_URL` (or why there is none, for the skip message), and waiting for
 * a worker's IPC message.
 */
import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import type { RedisLimiterOptions } from '@storeport/core';

/** Redis options from `STOREPORT_REDIS_URL`, or why there are none. */
export async function redisFromEnv(): Promise<{ redis: RedisLimiterOptions } | { reason: string }> {
  const raw = process.env.STOREPORT_REDIS_URL;
  if (!raw) return { reason: 'STOREPORT_REDIS_URL is not set' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { reason: 'STOREPORT_REDIS_URL is not a URL' };
  }
  const redis: RedisLimiterOptions = { host: url.hostname, port: Number(url.port || 6379) };
  if (url.username) redis.username = decodeURIComponent(url.username);
  if (url.password) redis.password = decodeURIComponent(url.password);
  const db = Number(url.pathname.slice(1));
  if (url.pathname.length > 1 && Number.isInteger(db)) redis.db = db;
  const reply = await ping(redis);
  return reply === 'PONG' ? { redis } : { reason: `no Redis answers at ${url.host} (${reply})` };
}

/** PING over a raw socket (AUTH first when there is a password): 'PONG', or what went wrong. */
function ping(redis: RedisLimiterOptions): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: String(redis.host), port: Number(redis.port) });
    const done = (result: string) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1_000, () => done('timed out'));
    socket.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('+PONG')) done('PONG');
      else if (reply.includes('-')) done(reply.trim().split('\r\n').pop() ?? 'error');
    });
    socket.on('connect', () => {
      const auth = redis.password
        ? `AUTH ${redis.username ? `${String(redis.username)} ` : ''}${String(redis.password)}\r\n`
        : '';
      socket.write(`${auth}PING\r\n`);
    });
  });
}

/** Resolves with the worker's next message of this kind; rejects when it fails or exits first. */
export function expectMessage<M extends { kind: string }, K extends M['kind']>(
  child: ChildProcess,
  kind: K,
): Promise<Extract<M, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: M) => {
      if (message.kind === kind) {
        cleanup();
        resolve(message as Extract<M, { kind: K }>);
      } else if (message.kind === 'failed') {
        cleanup();
        reject(new Error(`worker failed: ${(message as { error?: string }).error}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`worker exited (${code}) before '${kind}'`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
