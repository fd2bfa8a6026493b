/**
 * Per-record cost of turning each platform's wire orders into unified ones, on one core, no I/O
 * (issue 8, figure 3): the wire schema parse (zod, what the adapter validates), the mapper, and a
 * check of the result against core's unified `OrderSchema`. The orders are the sandbox's own
 * generated records of each platform, JSON round-tripped so they are what `JSON.parse` gives.
 *
 * Run: `npx tsx bench/mapping.ts`. Figures are informative only; nothing here asserts on time.
 */
import { fileURLToPath } from 'node:url';
import { mapOrder as mapApiOrder } from '../packages/commerce-api/src/map-order';
import { WireOrderSchema as ApiWireOrderSchema } from '../packages/commerce-api/src/wire/order';
import { mapOrder as mapC7Order } from '../packages/commerce7/src/map-order';
import { WireOrderSchema as C7WireOrderSchema } from '../packages/commerce7/src/wire/order';
import { mapOrder as mapChqOrder } from '../packages/commercehq/src/map-order';
import { WireOrderSchema as ChqWireOrderSchema } from '../packages/commercehq/src/wire/order';
import { type Order, OrderSchema } from '../packages/core/src/index';
import { type SandboxPlatform, type SandboxStore, startSandbox } from '../packages/sandbox/src/index';

const ORDERS = 2000;

interface Pipeline {
  platform: SandboxPlatform;
  parse: (raw: unknown) => unknown;
  map: (wire: unknown) => Order;
}

const PIPELINES: readonly Pipeline[] = [
  {
    platform: 'commerce7',
    parse: (raw) => C7WireOrderSchema.parse(raw),
    map: (w) => mapC7Order(w as never, 'USD'),
  },
  {
    platform: 'commercehq',
    parse: (raw) => ChqWireOrderSchema.parse(raw),
    map: (w) => mapChqOrder(w as never, 'USD'),
  },
  {
    platform: 'commerce-api',
    parse: (raw) => ApiWireOrderSchema.parse(raw),
    map: (w) => mapApiOrder(w as never),
  },
];

/** Runs `fn` over `items` repeatedly until `budgetMs` has passed; returns items per second. */
function perSecond<T>(items: readonly T[], fn: (item: T) => unknown, budgetMs: number): number {
  for (const item of items) fn(item); // warm-up
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const item of items) fn(item);
    done += items.length;
    elapsed = performance.now() - start;
  } while (elapsed < budgetMs);
  return (done / elapsed) * 1000;
}

async function wireOrders(platform: SandboxPlatform): Promise<unknown[]> {
  const sandbox = await startSandbox<SandboxStore>({
    platform,
    records: { customers: 200, orders: ORDERS, products: 40 },
    rateLimit: false,
  });
  try {
    const store = sandbox.store;
    return store.ids('orders').map((id) => JSON.parse(JSON.stringify(store.getRaw('orders', id))) as unknown);
  } finally {
    await sandbox.close();
  }
}

/** Records per second of the whole pipeline, and µs per record of each stage, per platform. */
export async function benchMapping(
  options: { budgetMs?: number } = {},
): Promise<Record<string, number | string>> {
  const budgetMs = options.budgetMs ?? 700;
  const out: Record<string, number | string> = {};
  for (const p of PIPELINES) {
    const raws = await wireOrders(p.platform);
    const wires = raws.map(p.parse);
    const mapped = wires.map(p.map);
    for (const order of mapped) OrderSchema.parse(order); // every generated order must map cleanly
    const bytes = raws.reduce<number>((n, r) => n + JSON.stringify(r).length, 0) / raws.length;
    const total = perSecond(raws, (raw) => OrderSchema.parse(p.map(p.parse(raw))), budgetMs);
    const parse = perSecond(raws, p.parse, budgetMs / 2);
    const map = perSecond(wires, p.map, budgetMs / 2);
    const check = perSecond(mapped, (o) => OrderSchema.parse(o), budgetMs / 2);
    const k = p.platform;
    out[`${k}.recordsPerSec`] = Math.round(total);
    out[`${k}.usPerRecord`] = round(1e6 / total, 1);
    out[`${k}.wireParseUs`] = round(1e6 / parse, 1);
    out[`${k}.mapUs`] = round(1e6 / map, 1);
    out[`${k}.unifiedCheckUs`] = round(1e6 / check, 1);
    out[`${k}.wireBytesPerRecord`] = Math.round(bytes);
  }
  return out;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  benchMapping().then(
    (r) => {
      for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(36)} ${v}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('mapping benchmark failed:', error);
      process.exit(1);
    },
  );
}
