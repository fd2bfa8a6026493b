import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCursor } from '@storeport/core';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSink } from '../src/output';
import { checkResumeMatches, newResumeState, readResumeState, writeResumeState } from '../src/resume';

const dir = mkdtempSync(join(tmpdir(), 'storeport-cli-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = {
  resource: 'orders',
  format: 'jsonl',
  out: '/tmp/o.jsonl',
  since: null,
  limit: null,
  platforms: ['commercehq'],
};
const cursor = encodeCursor({
  platform: 'commercehq',
  resource: 'orders',
  pageSize: 20,
  filters: {},
  native: 3,
});

describe('resume file', () => {
  it('is missing before the first run and round-trips afterwards, atomically', async () => {
    const path = join(dir, 'a.json');
    expect(await readResumeState(path)).toBeNull();
    const state = newResumeState(key);
    state.platforms[0]!.cursor = cursor;
    state.platforms[0]!.started = true;
    state.platforms[0]!.records = 40;
    state.outputBytes = 1234;
    await writeResumeState(path, state);
    expect(await readResumeState(path)).toEqual(state);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses files that are not a resume file or carry a broken cursor', async () => {
    const path = join(dir, 'b.json');
    writeFileSync(path, 'not json');
    await expect(readResumeState(path)).rejects.toThrow(/invalid --resume file .*b\.json: it is not JSON/);
    writeFileSync(path, JSON.stringify({ hello: 1 }));
    await expect(readResumeState(path)).rejects.toThrow(/not a storeport export resume file/);
    const state = newResumeState(key);
    state.platforms[0]!.cursor = `${cursor.slice(0, -3)}xyz`;
    writeFileSync(path, JSON.stringify(state));
    await expect(readResumeState(path)).rejects.toThrow(/the commercehq cursor is not valid/);
    state.platforms[0]!.cursor = encodeCursor({
      platform: 'commerce7',
      resource: 'orders',
      pageSize: 20,
      filters: {},
      native: 1,
    });
    writeFileSync(path, JSON.stringify(state));
    await expect(readResumeState(path)).rejects.toThrow(/made for commerce7, used on commercehq/);
  });

  it('belongs to one export', () => {
    const state = newResumeState(key);
    expect(() => checkResumeMatches('r.json', state, key)).not.toThrow();
    expect(() =>
      checkResumeMatches('r.json', state, { ...key, resource: 'customers', format: 'csv' }),
    ).toThrow(
      '--resume file r.json belongs to another export: resource orders (now customers); --format jsonl (now csv)',
    );
  });

  it('reports an unwritable resume file', async () => {
    await expect(writeResumeState(join(dir, 'no', 'such', 'r.json'), newResumeState(key))).rejects.toThrow(
      /cannot write --resume file .*: the directory does not exist/,
    );
  });
});

describe('output file', () => {
  it('is cut back to the last completed page when resumed', async () => {
    const path = join(dir, 'out.jsonl');
    const first = await fileSink(path);
    await first.write('{"id":"1"}\n{"id":"2"}\n');
    const saved = first.bytes;
    await first.write('{"id":"3"}\n{"id":"4'); // a page cut off by a kill
    await first.close();
    const again = await fileSink(path, { resumeAt: saved });
    await again.write('{"id":"3"}\n{"id":"4"}\n');
    await again.close();
    expect(readFileSync(path, 'utf8')).toBe('{"id":"1"}\n{"id":"2"}\n{"id":"3"}\n{"id":"4"}\n');
  });

  it('refuses to resume into a file shorter than recorded, and names an unwritable path', async () => {
    const path = join(dir, 'short.jsonl');
    writeFileSync(path, 'abc');
    await expect(fileSink(path, { resumeAt: 10 })).rejects.toThrow(
      /holds 3 bytes but the resume file counts 10/,
    );
    await expect(fileSink(join(dir, 'missing', 'x.jsonl'))).rejects.toThrow(
      /cannot write --out .*missing\/x\.jsonl: the directory does not exist/,
    );
    await expect(fileSink(dir)).rejects.toThrow(/cannot write --out .*: it is a directory/);
  });
});
