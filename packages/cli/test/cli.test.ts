/**
 * The built `storeport` binary, run as a subprocess against the embedded sandbox: what a user
 * gets after `pnpm build`. Builds first when any source is newer than its dist.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CustomerSchema, OrderSchema, ProductSchema } from '@storeport/core';
import { startSandbox } from '@storeport/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
const PACKAGES = ['core', 'sandbox', 'commerce7', 'commercehq', 'commerce-api', 'cli'];
const PLATFORMS = ['commerce7', 'commercehq', 'commerce-api'] as const;
const SCHEMAS = { customers: CustomerSchema, orders: OrderSchema, products: ProductSchema } as const;
const SEED = 11;
const RECORDS = 23;

const dir = mkdtempSync(join(tmpdir(), 'storeport-cli-'));
const file = (name: string) => join(dir, name);

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Builds each package the binary loads whose dist is missing or older than its sources. Each
 * dist stands alone at run time (workspace imports stay external), so only stale ones are rebuilt.
 */
function ensureBuilt(): void {
  const stale = PACKAGES.filter((pkg) => {
    const dist = join(ROOT, 'packages', pkg, 'dist', pkg === 'cli' ? 'bin.js' : 'index.js');
    return !existsSync(dist) || newestMtime(join(ROOT, 'packages', pkg, 'src')) > statSync(dist).mtimeMs;
  });
  if (stale.length === 0) return;
  const filters = stale.flatMap((pkg) => ['--filter', `@storeport/${pkg}`]);
  execFileSync('pnpm', [...filters, 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
}

/** An environment without any STOREPORT_* variable of the machine running the tests. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('STOREPORT_')) env[k] = v;
  return { ...env, ...extra };
}

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the binary to the end. Asynchronous, so a sandbox served by this process keeps answering. */
function run(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return finished(
    spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: cleanEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ChildProcess): Promise<Result> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

interface SavedState {
  complete: boolean;
  platforms: Array<{ platform: string; records: number; cursor: string | null; done: boolean }>;
}

function readState(path: string): SavedState | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SavedState;
  } catch {
    return undefined;
  }
}

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Record counts of a sandbox with the CLI's seed, read from the sandbox's own store. */
async function sandboxCounts(records: number): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const platform of PLATFORMS) {
    const sb = await startSandbox<{ count(r: string): number }>({ platform, seed: SEED, records });
    out[platform] = {
      customers: sb.store.count('customers'),
      orders: sb.store.count('orders'),
      products: sb.store.count('products'),
    };
    await sb.close();
  }
  return out;
}

const lines = (text: string) => text.split('\n').filter((l) => l.length > 0);
const sandbox = ['--sandbox', '--sandbox-seed', String(SEED), '--sandbox-records', String(RECORDS)];

let counts: Record<string, Record<string, number>>;

beforeAll(async () => {
  ensureBuilt();
  counts = await sandboxCounts(RECORDS);
}, 150_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storeport export --sandbox', { timeout: 20_000 }, () => {
  it.each(['customers', 'orders', 'products'] as const)(
    'writes every %s of all three platforms, one schema-valid line each',
    async (resource) => {
      const out = file(`${resource}.jsonl`);
      const r = await run(['export', resource, '--platform', 'all', ...sandbox, '--out', out]);
      expect(r.stderr).not.toMatch(/error|Error/);
      expect(r.status).toBe(0);
      const records = lines(readFileSync(out, 'utf8')).map((l) => SCHEMAS[resource].parse(JSON.parse(l)));
      for (const platform of PLATFORMS) {
        const mine = records.filter((x) => x.platform === platform);
        expect(mine.length, platform).toBe(counts[platform]![resource]);
        expect(new Set(mine.map((x) => x.id)).size).toBe(mine.length);
        expect(r.stderr).toMatch(
          new RegExp(`${platform}\\s+${counts[platform]![resource]}\\s+\\d+\\s+\\d+\\s+\\d+`),
        );
        expect(mine.every((x) => x.raw !== undefined)).toBe(true);
      }
      expect(r.stderr).toContain(`to ${out}`);
      expect(r.stderr).toMatch(/requests\s+retries\s+429s/);
    },
  );

  it('writes CSV with a header and one row per record', async () => {
    const out = file('orders.csv');
    const r = await run([
      'export',
      'orders',
      '--platform',
      'commercehq',
      ...sandbox,
      '--format',
      'csv',
      '--out',
      out,
      '-q',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const text = readFileSync(out, 'utf8');
    // No field in the sandbox's orders holds a line break, so rows are lines here.
    const rows = text.split('\r\n').filter((l) => l.length > 0);
    expect(rows[0]).toMatch(/^platform,id,number,kind,originalOrderId,customerId,email,status,/);
    expect(rows).toHaveLength(counts.commercehq!.orders! + 1);
    expect(rows[1]).toMatch(/^commercehq,/);
    expect(rows[1]).toMatch(/,USD,-?\d+\.\d{2},/);
  });

  it('writes an aligned table to stdout and honours --limit', async () => {
    const r = await run([
      'export',
      'products',
      '--platform',
      'commerce-api',
      ...sandbox,
      '--format',
      'table',
      '--limit',
      '5',
    ]);
    expect(r.status).toBe(0);
    const rows = lines(r.stdout);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatch(/^platform\s+id\s+title/);
    expect(rows[1]).toMatch(/^─+/);
    expect(r.stderr).toMatch(/commerce-api\s+5\s/);
  });

  it('--since keeps only records updated (or, never updated, created) from then on', async () => {
    const since = '2024-06-01T00:00:00.000Z';
    const out = file('since.jsonl');
    const r = await run([
      'export',
      'orders',
      '--platform',
      'all',
      ...sandbox,
      '--since',
      since,
      '--out',
      out,
      '-q',
    ]);
    expect(r.status).toBe(0);
    const records = lines(readFileSync(out, 'utf8')).map((l) => OrderSchema.parse(JSON.parse(l)));
    const total = PLATFORMS.reduce((n, p) => n + counts[p]!.orders!, 0);
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(total);
    for (const o of records) {
      const at = o.updatedAt ?? o.createdAt;
      if (at !== null) expect(at >= since, `${o.platform} ${o.id} ${at}`).toBe(true);
    }
  });

  it('prints plain progress lines when stderr is not a terminal', async () => {
    const r = await run([
      'export',
      'customers',
      '--platform',
      'commerce7',
      ...sandbox,
      '--out',
      file('p.jsonl'),
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`commerce7 customers: ${counts.commerce7!.customers}`));
    expect(r.stderr).not.toContain('\r');
  });
});

describe('resuming', { timeout: 20_000 }, () => {
  it('after a SIGKILL mid-way, a re-run writes each record exactly once', async () => {
    const out = file('killed.jsonl');
    const resume = file('killed.resume.json');
    const args = [
      'export',
      'orders',
      '--platform',
      'all',
      '--sandbox',
      '--sandbox-seed',
      String(SEED),
      '--sandbox-records',
      '40',
      '--page-size',
      '5',
      '--out',
      out,
      '--resume',
      resume,
      '--quiet',
    ];
    const child = start([...args, '--sandbox-latency-ms', '60']);
    const done = finished(child);
    await waitFor(() => (readState(resume)?.platforms[1]?.records ?? 0) >= 10);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.status).not.toBe(0);
    const state = readState(resume)!;
    expect(state.complete).toBe(false);
    expect(state.platforms[0]!.done).toBe(true);

    const again = await run(args);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    const expected = await sandboxCounts(40);
    const records = lines(readFileSync(out, 'utf8')).map((l) => OrderSchema.parse(JSON.parse(l)));
    for (const platform of PLATFORMS) {
      const ids = records.filter((x) => x.platform === platform).map((x) => x.id);
      expect(ids.length, platform).toBe(expected[platform]!.orders);
      expect(new Set(ids).size, platform).toBe(ids.length);
    }
    expect(readState(resume)!.complete).toBe(true);

    const third = await run(args.filter((a) => a !== '--quiet'));
    expect(third.status).toBe(0);
    expect(third.stderr).toContain('nothing to do');
    expect(lines(readFileSync(out, 'utf8'))).toHaveLength(records.length);
  });

  it('Ctrl-C stops after the current page, exits 130 and leaves a resumable file', async () => {
    const out = file('sigint.csv');
    const resume = file('sigint.resume.json');
    const args = [
      'export',
      'customers',
      '--platform',
      'commercehq',
      '--sandbox',
      '--sandbox-seed',
      String(SEED),
      '--sandbox-records',
      '40',
      '--page-size',
      '4',
      '--format',
      'csv',
      '--out',
      out,
      '--resume',
      resume,
    ];
    const child = start([...args, '--sandbox-latency-ms', '80']);
    const done = finished(child);
    await waitFor(() => (readState(resume)?.platforms[0]?.records ?? 0) >= 8);
    child.kill('SIGINT');
    const r = await done;
    expect(r.status).toBe(130);
    expect(r.stderr).toContain('stopping after the current page');
    expect(r.stderr).toMatch(/Resume with: storeport export customers --platform commercehq .*--resume /);
    const state = readState(resume)!;
    expect(state.complete).toBe(false);
    const rowsSoFar = readFileSync(out, 'utf8').split('\r\n').filter(Boolean).length - 1;
    expect(rowsSoFar).toBe(state.platforms[0]!.records);
    expect(rowsSoFar).toBeLessThan(40);

    const again = await run(args);
    expect(again.status).toBe(0);
    const rows = readFileSync(out, 'utf8').split('\r\n').filter(Boolean);
    expect(rows.filter((row) => row.startsWith('platform,'))).toHaveLength(1);
    const ids = rows.slice(1).map((row) => row.split(',')[1]);
    expect(ids).toHaveLength((await sandboxCounts(40)).commercehq!.customers!);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses an invalid resume file in one line', async () => {
    const resume = file('broken.resume.json');
    writeFileSync(resume, '{"kind":"storeport-export"');
    const r = await run([
      'export',
      'orders',
      '--platform',
      'commercehq',
      ...sandbox,
      '--out',
      file('b.jsonl'),
      '--resume',
      resume,
    ]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `storeport: invalid --resume file ${resume}: it is not JSON (was it written by storeport export?). Delete it to start the export over`,
    ]);
  });
});

describe('list and get', { timeout: 20_000 }, () => {
  it('list prints one page and its next cursor, which the next list follows', async () => {
    const first = await run(['list', 'orders', '--platform', 'commercehq', ...sandbox, '--limit', '10']);
    expect(first.status).toBe(0);
    const page1 = lines(first.stdout).map((l) => OrderSchema.parse(JSON.parse(l)));
    expect(page1).toHaveLength(10);
    const cursor = /^next cursor: (\S+)$/m.exec(first.stderr)?.[1];
    expect(cursor).toBeDefined();
    expect(cursor).not.toBe('none');
    const second = await run(['list', 'orders', '--platform', 'commercehq', ...sandbox, '--cursor', cursor!]);
    expect(second.status).toBe(0);
    const page2 = lines(second.stdout).map((l) => OrderSchema.parse(JSON.parse(l)));
    expect(page2.length).toBeGreaterThan(0);
    expect(page2.some((o) => page1.some((p) => p.id === o.id))).toBe(false);
    const last = await run(['list', 'orders', '--platform', 'commercehq', ...sandbox, '--limit', '100']);
    expect(last.stderr).toContain('next cursor: none');
  });

  it('get prints one record as JSON', async () => {
    const listed = await run(['list', 'customers', '--platform', 'commerce-api', ...sandbox, '--limit', '1']);
    const id = CustomerSchema.parse(JSON.parse(lines(listed.stdout)[0]!)).id;
    const r = await run(['get', 'customers', id, '--platform', 'commerce-api', ...sandbox]);
    expect(r.status).toBe(0);
    expect(CustomerSchema.parse(JSON.parse(r.stdout)).id).toBe(id);
    const missing = await run(['get', 'orders', '999999', '--platform', 'commercehq', ...sandbox]);
    expect(missing.status).toBe(1);
    expect(lines(missing.stderr)).toEqual(['storeport: commercehq has no order with id "999999" (404)']);
  });
});

describe('errors a user can act on', { timeout: 20_000 }, () => {
  it('wrong credentials: one line, exit 1, no secret anywhere', async () => {
    const sb = await startSandbox<unknown, { store: string }>({
      platform: 'commercehq',
      seed: SEED,
      records: 3,
    });
    try {
      const secrets = ['wrong-key-3141', 'wrong-pass-2718'];
      const viaFlags = await run([
        'export',
        'orders',
        '--platform',
        'commercehq',
        '--base-url',
        sb.baseUrl,
        '--store',
        sb.options.store,
        '--api-key',
        secrets[0]!,
        '--api-password',
        secrets[1]!,
        '--debug',
      ]);
      expect(viaFlags.status).toBe(1);
      // Secrets as flags work, with one warning first.
      expect(viaFlags.stderr.split('\n')[0]).toMatch(
        /^storeport: warning: secrets given as flags \(--api-key, --api-password\)/,
      );
      expect(viaFlags.stderr.split('\n')[1]).toBe(
        'storeport: commercehq rejected the credentials (401). Check STOREPORT_COMMERCEHQ_API_KEY / --api-key, STOREPORT_COMMERCEHQ_API_PASSWORD / --api-password and STOREPORT_COMMERCEHQ_STORE / --store.',
      );
      const viaEnv = await run(['export', 'orders', '--platform', 'commercehq'], {
        STOREPORT_COMMERCEHQ_BASE_URL: sb.baseUrl,
        STOREPORT_COMMERCEHQ_STORE: sb.options.store,
        STOREPORT_COMMERCEHQ_API_KEY: secrets[0]!,
        STOREPORT_COMMERCEHQ_API_PASSWORD: secrets[1]!,
      });
      expect(viaEnv.status).toBe(1);
      expect(lines(viaEnv.stderr)).toHaveLength(1);
      expect(viaEnv.stderr).not.toMatch(/\n\s+at /);
      const basic = Buffer.from(`${secrets[0]}:${secrets[1]}`).toString('base64');
      for (const r of [viaFlags, viaEnv]) {
        for (const s of [...secrets, basic]) {
          expect(r.stdout).not.toContain(s);
          expect(r.stderr).not.toContain(s);
        }
      }
    } finally {
      await sb.close();
    }
  });

  it('wrong Commerce API password: one line naming the login settings', async () => {
    const sb = await startSandbox({ platform: 'commerce-api', seed: SEED, records: 3 });
    try {
      const r = await run(['list', 'products', '--platform', 'commerce-api'], {
        STOREPORT_COMMERCE_API_BASE_URL: sb.baseUrl,
        STOREPORT_COMMERCE_API_EMAIL: 'jane@example.com',
        STOREPORT_COMMERCE_API_PASSWORD: 'not-her-password-9',
      });
      expect(r.status).toBe(1);
      expect(lines(r.stderr)).toEqual([
        'storeport: commerce-api rejected the credentials (401). Check STOREPORT_COMMERCE_API_EMAIL / --email, STOREPORT_COMMERCE_API_PASSWORD / --password and STOREPORT_COMMERCE_API_BASE_URL / --base-url.',
      ]);
      expect(r.stderr + r.stdout).not.toContain('not-her-password-9');
    } finally {
      await sb.close();
    }
  });

  it.each([
    [
      ['export', 'orders', '--platform', 'shopify'],
      2,
      'unknown platform "shopify": use one of commerce7, commercehq, commerce-api, all',
    ],
    [
      ['export', 'invoices', '--platform', 'commerce7'],
      2,
      'unknown resource "invoices": use one of customers, orders, products',
    ],
    [
      ['export', 'orders', '--platform', 'commerce7', '--sandbox', '--format', 'xml'],
      2,
      'unknown format "xml": use one of jsonl, csv, table',
    ],
    [
      ['export', 'orders', '--platform', 'commerce7', '--sandbox', '--since', 'last week'],
      2,
      'bad --since: Invalid timestamp "last week": expected ISO 8601 like 2026-01-01T00:00:00Z',
    ],
    [
      ['export', 'orders', '--platform', 'commerce7', '--sandbox', '--limit', '-5'],
      2,
      `bad --limit "-5": expected a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`,
    ],
    [
      ['export', 'orders', '--platform', 'commerce7', '--tenant', 't'],
      2,
      'commerce7 needs credentials: missing app id (--app-id or STOREPORT_COMMERCE7_APP_ID), app secret (--app-secret or STOREPORT_COMMERCE7_APP_SECRET). Or use --sandbox to try it without an account',
    ],
    [
      [
        'export',
        'orders',
        '--platform',
        'commerce7',
        '--sandbox',
        '--out',
        '/nonexistent-dir/x/orders.jsonl',
      ],
      1,
      'cannot write --out /nonexistent-dir/x/orders.jsonl: the directory does not exist',
    ],
  ])('%j exits %i with one line', async (args, code, message) => {
    const r = await run(args as string[]);
    expect(r.status).toBe(code);
    expect(lines(r.stderr)[0]).toBe(`storeport: ${message}`);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    expect(r.stdout).toBe('');
  });
});
