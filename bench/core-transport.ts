/**
 * Per-request overhead of core's Transport against a bare `fetch`, both talking to the same local
 * node:http server (127.0.0.1, keep-alive) that answers a small JSON list: the most CPU-bound case
 * there is, so the worst ratio. The Transport call does what an adapter's does (URL building,
 * headers, limiter off, timeout, retry bookkeeping, JSON parse and zod validation); the bare call
 * fetches and parses JSON. A third call, a bare fetch with a timeout (an AbortController and a
 * timer, as the transport has), shows what of the overhead is the price of having a timeout at all.
 * The calls run round-robin (one of each per round, the order rotating), so drift in machine load
 * hits all alike.
 *
 * Run: `npx tsx bench/core-transport.ts` (target: median ratio ≤ 1.15×). Figures are informative
 * only; nothing here asserts on time.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { AddressSchema, Transport } from '../packages/core/src/index';

/** A small page: ten addresses, about 1.6 kB of JSON. */
const PAGE = Array.from({ length: 10 }, (_, i) => ({
  firstName: `First${i}`,
  lastName: `Last${i}`,
  company: i % 3 === 0 ? `Winery ${i}` : null,
  line1: `${100 + i} Main St`,
  line2: null,
  city: 'Napa',
  region: 'CA',
  postalCode: `9455${i}`,
  country: 'US',
  phone: i % 2 === 0 ? `+1 707 555 01${String(i).padStart(2, '0')}` : null,
}));
const BODY = JSON.stringify(PAGE);
const PageSchema = AddressSchema.array();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function listen(): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
      res.end(BODY);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * Median latency per request of a bare fetch, a bare fetch with a timeout and `Transport.request`,
 * over `requests` of each, round-robin. Returns milliseconds, the ratios and the overhead in µs.
 */
export async function benchTransport(
  options: { requests?: number; warmup?: number } = {},
): Promise<Record<string, number>> {
  const requests = options.requests ?? 2000;
  const warmup = options.warmup ?? 200;
  const { server, baseUrl } = await listen();
  const url = `${baseUrl}/addresses?page=1`;
  const transport = new Transport({ platform: 'bench', baseUrl, limiter: false });

  let sink = 0;
  const bare = async (): Promise<void> => {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    const body = (await res.json()) as unknown[];
    sink += body.length;
  };
  const bareWithTimeout = async (): Promise<void> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, signal: controller.signal });
      const body = (await res.json()) as unknown[];
      sink += body.length;
    } finally {
      clearTimeout(timer);
    }
  };
  const viaTransport = async (): Promise<void> => {
    const res = await transport.request(
      { method: 'GET', path: '/addresses', query: { page: 1 }, what: 'address page' },
      PageSchema,
    );
    sink += res.body.length;
  };

  const timed = async (fn: () => Promise<void>, count: number, into: number[]): Promise<void> => {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await fn();
      into.push(performance.now() - started);
    }
  };

  try {
    const discard: number[] = [];
    await timed(bare, warmup, discard);
    await timed(bareWithTimeout, warmup, discard);
    await timed(viaTransport, warmup, discard);

    const fetchTimes: number[] = [];
    const timeoutTimes: number[] = [];
    const transportTimes: number[] = [];
    const kinds: Array<[() => Promise<void>, number[]]> = [
      [bare, fetchTimes],
      [bareWithTimeout, timeoutTimes],
      [viaTransport, transportTimes],
    ];
    for (let round = 0; round < requests; round++) {
      for (let i = 0; i < kinds.length; i++) {
        const [fn, into] = kinds[(i + round) % kinds.length]!;
        await timed(fn, 1, into);
      }
    }
    if (transport.metrics.retries !== 0 || sink === 0) throw new Error('benchmark requests misbehaved');

    const fetchMedian = median(fetchTimes);
    const timeoutMedian = median(timeoutTimes);
    const transportMedian = median(transportTimes);
    return {
      requestsEach: fetchTimes.length,
      fetchMedianMs: round(fetchMedian, 4),
      fetchWithTimeoutMedianMs: round(timeoutMedian, 4),
      transportMedianMs: round(transportMedian, 4),
      fetchP90Ms: round(percentile(fetchTimes, 90), 4),
      transportP90Ms: round(percentile(transportTimes, 90), 4),
      overheadMedianUs: round((transportMedian - fetchMedian) * 1000, 1),
      ratio: round(transportMedian / fetchMedian, 3),
      ratioOverFetchWithTimeout: round(transportMedian / timeoutMedian, 3),
      target: 1.15,
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  benchTransport()
    .then((r) => {
      console.log(
        `bare fetch         median ${r.fetchMedianMs!.toFixed(3)} ms   p90 ${r.fetchP90Ms!.toFixed(3)} ms`,
      );
      console.log(`fetch + timeout    median ${r.fetchWithTimeoutMedianMs!.toFixed(3)} ms`);
      console.log(
        `Transport.request  median ${r.transportMedianMs!.toFixed(3)} ms   p90 ${r.transportP90Ms!.toFixed(3)} ms`,
      );
      console.log(
        `overhead           ${r.overheadMedianUs} µs per request (median, ${r.requestsEach} requests each)`,
      );
      console.log(
        `ratio              ${r.ratio!.toFixed(3)}×  (target ≤ ${r.target}×: ${r.ratio! <= r.target! ? 'met' : 'NOT met'}); ${r.ratioOverFetchWithTimeout!.toFixed(3)}× a fetch with a timeout`,
      );
    })
    .catch((error: unknown) => {
      console.error('core-transport benchmark failed:', error);
      process.exitCode = 1;
    });
}
