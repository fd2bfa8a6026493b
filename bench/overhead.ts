/**
 * Library time per request over a bare `fetch`, against each platform's sandbox (issue 8, figure 3).
 *
 * For each platform, the adapter's first `orders.list({ limit })` request is captured (URL and
 * headers, through an injected fetch on a separate adapter), and three calls are then timed,
 * round-robin (one of each per round, the order rotating every round), so drift in machine load
 * hits all three alike:
 * - `fetch`: a bare `fetch` of that URL with those headers, then `res.json()`;
 * - `request`: `adapter.request()` of the same path and query (auth, limiter off, timeout, retry
 *   bookkeeping, error mapping, JSON) — the library's per-request cost;
 * - `list`: `adapter.orders.list({ limit })` — the above plus wire validation, mapping every
 *   record to the unified model and encoding the next cursor.
 * The ratios are medians over medians, at sandbox latency 0 (loopback, CPU-bound: the worst case
 * for a ratio), 2 ms and 20 ms (closer to a real API). Limits are off on both sides: this measures
 * our code, not the platform's budget.
 *
 * Run: `npx tsx bench/overhead.ts` (target: request ratio ≤ 1.15×). Nothing here asserts on time.
 */
import { fileURLToPath } from 'node:url';
import { createCommerceApiAdapter } from '../packages/commerce-api/src/index';
import { createCommerce7Adapter } from '../packages/commerce7/src/index';
import { createCommerceHQAdapter } from '../packages/commercehq/src/index';
import type { CommerceAdapter } from '../packages/core/src/index';
import { type Sandbox, type SandboxPlatform, startSandbox } from '../packages/sandbox/src/index';

/** One page of orders; 50 is Commerce7's maximum and a common export page size elsewhere. */
const PAGE_SIZE = 50;

/** Requests per call kind at each latency. */
const PLAN: ReadonlyArray<{ latencyMs: number; each: number }> = [
  { latencyMs: 0, each: 400 },
  { latencyMs: 2, each: 150 },
  { latencyMs: 20, each: 60 },
];

type Create = (options: Record<string, unknown>) => CommerceAdapter;

const PLATFORMS: ReadonlyArray<{ platform: SandboxPlatform; create: Create }> = [
  { platform: 'commerce7', create: (o) => createCommerce7Adapter(o as never) },
  { platform: 'commercehq', create: (o) => createCommerceHQAdapter(o as never) },
  { platform: 'commerce-api', create: (o) => createCommerceApiAdapter(o as never) },
];

interface Captured {
  url: string;
  headers: Record<string, string>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The URL and headers of the last non-auth request an adapter sends during `call`. */
async function capture(
  sandbox: Sandbox,
  create: Create,
  call: (adapter: CommerceAdapter) => Promise<unknown>,
): Promise<{ captured: Captured; adapter: CommerceAdapter }> {
  let captured: Captured | undefined;
  const spy: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/auth/')) {
      captured = { url, headers: Object.fromEntries(new Headers(init?.headers).entries()) };
    }
    return globalThis.fetch(input, init);
  };
  // Kept open until the end: closing a Commerce API adapter logs out, which revokes its token.
  const adapter = create({ ...(sandbox.options as object), fetch: spy, limiter: false });
  await call(adapter);
  if (!captured) throw new Error(`${sandbox.platform}: no request captured`);
  return { captured, adapter };
}

async function roundRobin(
  kinds: Record<string, () => Promise<number>>,
  rounds: number,
): Promise<Record<string, number[]>> {
  const names = Object.keys(kinds);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      const started = performance.now();
      await kinds[name]!();
      times[name]!.push(performance.now() - started);
    }
  }
  return times;
}

/** Figures for one platform, keyed `<platform>.<latency>ms.<figure>`. */
async function benchPlatform(platform: SandboxPlatform, create: Create): Promise<Record<string, number>> {
  const sandbox = await startSandbox({
    platform,
    records: { customers: 100, orders: 400, products: 40 },
    rateLimit: false,
  });
  const out: Record<string, number> = {};
  const adapters: CommerceAdapter[] = [];
  try {
    const { captured, adapter: spyAdapter } = await capture(sandbox, create, (a) =>
      a.orders.list({ limit: PAGE_SIZE }),
    );
    adapters.push(spyAdapter);
    const adapter = create({ ...(sandbox.options as object), limiter: false });
    adapters.push(adapter);
    const url = new URL(captured.url);
    const base = new URL(sandbox.baseUrl);
    const path = url.pathname.slice(base.pathname.replace(/\/+$/, '').length);
    const query = Object.fromEntries(url.searchParams.entries());

    let sink = 0;
    const kinds: Record<string, () => Promise<number>> = {
      fetch: async () => {
        const res = await fetch(captured.url, { headers: captured.headers });
        const body = (await res.json()) as Record<string, unknown>;
        if (!res.ok) throw new Error(`${platform}: bare fetch got ${res.status}`);
        return Object.keys(body).length;
      },
      request: async () => {
        const res = await adapter.request<Record<string, unknown>>({ method: 'GET', path, query });
        return Object.keys(res.body).length;
      },
      list: async () => (await adapter.orders.list({ limit: PAGE_SIZE })).items.length,
    };
    const first = await adapter.orders.list({ limit: PAGE_SIZE });
    if (first.items.length !== PAGE_SIZE) throw new Error(`${platform}: expected a full page of orders`);
    // Warm-up: JIT, keep-alive sockets, a Commerce API session.
    await roundRobin(kinds, 100);

    for (const { latencyMs, each } of PLAN) {
      sandbox.setLatency(latencyMs);
      const times = await roundRobin(
        Object.fromEntries(
          Object.entries(kinds).map(([k, fn]) => [
            k,
            async () => {
              sink += await fn();
              return 0;
            },
          ]),
        ),
        each,
      );
      const f = median(times.fetch!);
      const r = median(times.request!);
      const l = median(times.list!);
      const key = `${platform}.${latencyMs}ms`;
      out[`${key}.fetchMs`] = round(f, 3);
      out[`${key}.requestOverheadUs`] = round((r - f) * 1000, 1);
      out[`${key}.requestRatio`] = round(r / f, 3);
      out[`${key}.listRatio`] = round(l / f, 3);
    }
    sandbox.setLatency(0);
    if (sink === 0 || adapter.metrics.retries !== 0) throw new Error(`${platform}: requests misbehaved`);
    return out;
  } finally {
    for (const a of adapters) await a.close();
    await sandbox.close();
  }
}

/** Per platform and latency: bare fetch median, and request()/list() medians over it. */
export async function benchOverhead(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = { pageSize: PAGE_SIZE, target: 1.15 };
  for (const { platform, create } of PLATFORMS) Object.assign(out, await benchPlatform(platform, create));
  const ratios = Object.entries(out).filter(([k]) => k.endsWith('.requestRatio'));
  out.worstRequestRatio = Math.max(...ratios.map(([, v]) => v as number));
  return out;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  benchOverhead().then(
    (r) => {
      for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(44)} ${v}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('overhead benchmark failed:', error);
      process.exit(1);
    },
  );
}
