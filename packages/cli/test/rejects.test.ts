/** Records that fail validation: written to the rejects file, counted, exit 3; --strict stops. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, type SandboxStore, startSandbox } from '@storeport/sandbox';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/io';
import { runCli } from '../src/run';

const dir = mkdtempSync(join(tmpdir(), 'storeport-rejects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (into: string[]) => ({
    write(chunk: string, cb?: (e?: Error | null) => void) {
      into.push(chunk);
      cb?.();
      return true;
    },
  });
  const io: CliIo = { stdout: stream(out), stderr: stream(err), env, cwd: dir };
  return { io, out, err };
}

let sb: Sandbox<SandboxStore, { store: string; apiKey: string; apiPassword: string }>;
let env: Record<string, string>;
let bad: string;
const n = 12;

beforeEach(async () => {
  sb = await startSandbox({ platform: 'commercehq', seed: 5, records: n, rateLimit: false });
  env = {
    STOREPORT_COMMERCEHQ_BASE_URL: sb.baseUrl,
    STOREPORT_COMMERCEHQ_STORE: sb.options.store,
    STOREPORT_COMMERCEHQ_API_KEY: sb.options.apiKey,
    STOREPORT_COMMERCEHQ_API_PASSWORD: sb.options.apiPassword,
  };
  // The fourth order (ids ascending, CommerceHQ's order here) gets a field no reader can take.
  bad = [...sb.store.ids('orders')].sort((a, b) => Number(a) - Number(b))[3]!;
  let deep: unknown = {};
  for (let i = 0; i < 500; i++) deep = { d: deep };
  sb.store.putRaw('orders', bad, { ...sb.store.getRaw('orders', bad)!, junk: deep });
});
afterEach(() => sb.close());

const ids = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: string }).id);

describe('storeport export with a record that fails validation', { timeout: 30_000 }, () => {
  it('writes it to <out>.rejected.jsonl with its id and issues, exports the rest, and exits 3', async () => {
    const out = join(dir, 'a.jsonl');
    const c = captureIo(env);
    const code = await runCli(
      ['export', 'orders', '--platform', 'commercehq', '--page-size', '5', '--out', out],
      c.io,
    );
    expect(code).toBe(3);
    const written = ids(out);
    expect(written).toHaveLength(n - 1);
    expect(written).not.toContain(bad);
    const rejected = readFileSync(`${out}.rejected.jsonl`, 'utf8').split('\n').filter(Boolean);
    expect(rejected).toHaveLength(1);
    expect(JSON.parse(rejected[0]!)).toMatchObject({
      platform: 'commercehq',
      resource: 'orders',
      id: bad,
      index: 3,
      issues: [{ field: '(record)' }],
    });
    const err = c.err.join('');
    expect(err).toContain(`1 orders failed validation and were written to ${out}.rejected.jsonl`);
    expect(err).toContain('(exit code 3)');
  });

  it('--rejected names the file; without anything rejected no rejects file is made and the exit is 0', async () => {
    const out = join(dir, 'b.jsonl');
    const rejects = join(dir, 'b.bad.jsonl');
    expect(
      await runCli(
        ['export', 'orders', '--platform', 'commercehq', '--out', out, '--rejected', rejects, '-q'],
        captureIo(env).io,
      ),
    ).toBe(3);
    expect(ids(rejects)).toEqual([bad]);
    const clean = join(dir, 'c.jsonl');
    expect(
      await runCli(
        ['export', 'customers', '--platform', 'commercehq', '--out', clean, '-q'],
        captureIo(env).io,
      ),
    ).toBe(0);
    expect(existsSync(`${clean}.rejected.jsonl`)).toBe(false);
  });

  it('--strict stops at the first rejected record with exit 1, naming it', async () => {
    const c = captureIo(env);
    const code = await runCli(
      ['export', 'orders', '--platform', 'commercehq', '--out', join(dir, 'd.jsonl'), '--strict'],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.err.join('')).toContain(`orders record ${bad} failed validation`);
  });

  it('a resumed export goes on past the rejected record: each record written once, the rejected one listed once', async () => {
    const out = join(dir, 'e.jsonl');
    const resume = join(dir, 'e.resume.json');
    const args = [
      'export',
      'orders',
      '--platform',
      'commercehq',
      '--page-size',
      '2',
      '--out',
      out,
      '--resume',
      resume,
      '-q',
    ];
    // The third page fails for good (a 500 is not retried): pages 1 and 2, the bad record's, are saved.
    sb.faults.add({
      kind: 'server-error',
      status: 500,
      match: { path: '/api/v1/orders' },
      after: 2,
      times: 1,
    });
    expect(await runCli(args, captureIo(env).io)).toBe(1);
    expect(ids(out)).toHaveLength(3);
    expect(ids(`${out}.rejected.jsonl`)).toEqual([bad]);
    expect(await runCli(args, captureIo(env).io)).toBe(3);
    expect(ids(out)).toHaveLength(n - 1);
    expect(new Set(ids(out)).size).toBe(n - 1);
    expect(ids(`${out}.rejected.jsonl`)).toEqual([bad]);
    // Complete: running it again fetches nothing.
    const requests = sb.stats.requests;
    expect(await runCli(args, captureIo(env).io)).toBe(0);
    expect(sb.stats.requests).toBe(requests);
  });
});
