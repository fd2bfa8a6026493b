/**
 * Ceiling use (issue 8, figure 1): a full export against a sandbox whose limit is scaled to
 * 100 requests per 2 s, on every platform where the limiter applies, with the adapter given the
 * same scaled `rateLimit`. Reported per platform: the achieved request rate ÷ the allowed rate
 * (target ≥ 0.95), measured at the sandbox from the arrival times of its requests, and the 429s it
 * answered (target 0).
 *
 * - Commerce API and CommerceHQ limit every request: customers, orders and products are exported
 *   with `iterate()`.
 * - Commerce7 limits page mode only (cursor mode, which `iterate()` uses, has no limit): the same
 *   three lists are read page by page through `adapter.request()` (same auth, limiter and retries),
 *   pages 1–100 only (past page 100 a slower limit applies; see `c7-paging.ts`), with core's
 *   `paginateParallel`.
 * - The adapter spaces requests so that `limit` of them span the window + 1% + 50 ms: 20.7 ms here,
 *   so the best the spacing allows is 2000 / 2070 = 0.966 of the limit.
 * - Each export runs twice: one page at a time (`sequential`), and with two pages in flight
 *   (`concurrency: 2`). One at a time reaches the limit only while a page's round trip (request,
 *   response, mapping; sandbox and client share this process) stays under the spacing: easy at the
 *   real limits (60.7 ms for the Commerce API, 606.5 ms for Commerce7) but not always at the
 *   scaled 20.7 ms on a busy machine. Two in flight keep a request waiting at the limiter.
 *
 * Run: `npx tsx bench/ceiling.ts` (or `pnpm bench -- --only ceiling`). Figures only.
 */
import { type CommerceApiAdapterOptions, createCommerceApiAdapter } from '../packages/commerce-api/src/index';
import { type Commerce7AdapterOptions, createCommerce7Adapter } from '../packages/commerce7/src/index';
import { type CommerceHQAdapterOptions, createCommerceHQAdapter } from '../packages/commercehq/src/index';
import {
  type CommerceAdapter,
  paginateParallel,
  type RateLimit,
  spacingFor,
} from '../packages/core/src/index';
import { type Sandbox, type SandboxPlatform, startSandbox } from '../packages/sandbox/src/index';
import { round, runWhenInvoked } from './util';

/** Commerce7's 100/min, the Commerce API's 1,000/min and CommerceHQ's assumed 120/min, all scaled alike. */
const RATE: RateLimit = { limit: 100, windowMs: 2_000 };
const RESOURCES = ['customers', 'orders', 'products'] as const;
/** Records per resource: 66 pages of 10 each, 198 requests (about 4 s) per export. */
const RECORDS = 660;
const PAGE_SIZE = 10;
const MODES = { sequential: 1, concurrency2: 2 } as const;
/** Commerce7 page-mode endpoints and their wrapper keys. */
const C7_LISTS = { customers: '/customer', orders: '/order', products: '/product' } as const;

interface Outcome {
  requests: number;
  rateLimited: number;
  records: number;
  /** Requests per second between the first and the last arrival. */
  achieved: number;
  seconds: number;
}

/** The platform's adapter on this sandbox, limited to the sandbox's scaled rate. */
function adapterFor(platform: SandboxPlatform, sb: Sandbox<unknown, unknown>): CommerceAdapter {
  if (platform === 'commerce-api')
    return createCommerceApiAdapter({ ...(sb.options as CommerceApiAdapterOptions), rateLimit: RATE });
  if (platform === 'commercehq')
    return createCommerceHQAdapter({ ...(sb.options as CommerceHQAdapterOptions), rateLimit: RATE });
  return createCommerce7Adapter({ ...(sb.options as Commerce7AdapterOptions), rateLimit: RATE });
}

/** Every record of every resource: `iterate()`, or for Commerce7 page mode through `request()`. */
async function exportAll(
  platform: SandboxPlatform,
  shop: CommerceAdapter,
  concurrency: number,
): Promise<number> {
  let records = 0;
  for (const resource of RESOURCES) {
    const pages =
      platform === 'commerce7'
        ? paginateParallel({
            fetchPage: async (page) => {
              const res = await shop.request<{ total?: number } & Record<string, unknown[]>>({
                method: 'GET',
                path: C7_LISTS[resource],
                query: { page, limit: PAGE_SIZE },
              });
              const total = res.body.total;
              const pageCount = total === undefined ? null : Math.min(100, Math.ceil(total / PAGE_SIZE));
              return { items: res.body[resource] ?? [], pageCount };
            },
            firstPage: 1,
            concurrency,
          })
        : shop[resource].iterate({ limit: PAGE_SIZE, concurrency });
    for await (const _ of pages) records += 1;
  }
  return records;
}

async function measure(platform: SandboxPlatform, concurrency: number): Promise<Outcome> {
  const sb = await startSandbox<unknown, unknown>({
    platform,
    seed: 1,
    records: { customers: RECORDS, orders: RECORDS, products: RECORDS },
    rateLimit: RATE,
    ...(platform === 'commerce-api' ? { platformOptions: { credentials: 'apiKey' } } : {}),
  });
  const shop = adapterFor(platform, sb);
  try {
    const records = await exportAll(platform, shop, concurrency);
    const arrivals = sb.log.map((entry) => entry.at).sort((a, b) => a - b);
    const span = arrivals[arrivals.length - 1]! - arrivals[0]!;
    return {
      requests: sb.stats.requests,
      rateLimited: sb.stats.byStatus[429] ?? 0,
      records,
      achieved: ((arrivals.length - 1) / span) * 1000,
      seconds: span / 1000,
    };
  } finally {
    await shop.close();
    await sb.close();
  }
}

const KEYS: Record<SandboxPlatform, string> = {
  'commerce-api': 'commerceApi',
  commercehq: 'commerceHQ',
  commerce7: 'commerce7PageMode',
};

/** Per platform: rate ratio, 429s, requests; plus the allowed rate and what the spacing permits at best. */
export async function benchCeiling(): Promise<Record<string, number>> {
  const allowed = (RATE.limit / RATE.windowMs) * 1000;
  const out: Record<string, number> = {
    allowedPerS: allowed,
    spacingMs: spacingFor(RATE),
    bestRatio: round(1000 / spacingFor(RATE) / allowed, 4),
    target: 0.95,
  };
  for (const platform of ['commerce-api', 'commercehq', 'commerce7'] as const) {
    for (const [mode, concurrency] of Object.entries(MODES)) {
      const r = await measure(platform, concurrency);
      const key = `${KEYS[platform]}.${mode}`;
      out[`${key}.ratio`] = round(r.achieved / allowed, 4);
      out[`${key}.429s`] = r.rateLimited;
      out[`${key}.requests`] = r.requests;
      out[`${key}.records`] = r.records;
      out[`${key}.seconds`] = round(r.seconds, 2);
    }
  }
  return out;
}

runWhenInvoked(import.meta.url, 'ceiling', benchCeiling);
