/** `runCli` in-process, with a captured io: exit codes, and Ctrl-C at an exact moment. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrderSchema } from '@storeport/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/io';
import { runCli } from '../src/run';

const dir = mkdtempSync(join(tmpdir(), 'storeport-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIo(onStdout?: (chunk: string, interrupt: () => void) => void) {
  const out: string[] = [];
  const err: string[] = [];
  let handler: (() => void) | undefined;
  const interrupt = () => handler?.();
  const io: CliIo = {
    stdout: {
      write(chunk: string, cb?: (e?: Error | null) => void) {
        out.push(chunk);
        onStdout?.(chunk, interrupt);
        cb?.();
        return true;
      },
    },
    stderr: {
      write(chunk: string, cb?: (e?: Error | null) => void) {
        err.push(chunk);
        cb?.();
        return true;
      },
    },
    env: {},
    cwd: dir,
    onInterrupt(h) {
      handler = h;
      return () => {
        handler = undefined;
      };
    },
  };
  return { io, out, err, interrupt, listening: () => handler !== undefined };
}

describe('runCli', { timeout: 20_000 }, () => {
  it('prints help with exit 0 and returns 2 for usage errors, without exiting the process', async () => {
    const help = captureIo();
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.out.join('')).toContain('storeport export <customers|orders|products>');
    const bad = captureIo();
    expect(await runCli(['export', 'orders', '--platform', 'nope'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('storeport: unknown platform "nope"');
    const none = captureIo();
    expect(await runCli([], none.io)).toBe(2);
  });

  it('exports from the sandbox to stdout', async () => {
    const c = captureIo();
    const code = await runCli(
      ['export', 'orders', '--platform', 'commercehq', '--sandbox', '--sandbox-records', '7', '--quiet'],
      c.io,
    );
    expect(code).toBe(0);
    const lines = c.out.join('').trim().split('\n');
    expect(lines.map((l) => OrderSchema.parse(JSON.parse(l)).platform)).toEqual(Array(7).fill('commercehq'));
    expect(c.err).toEqual([]);
  });

  it('Ctrl-C during the first page: that page is written, the resume file points after it, exit 130', async () => {
    const resume = join(dir, 'r.json');
    const args = [
      'export',
      'customers',
      '--platform',
      'commerce-api',
      '--sandbox',
      '--sandbox-records',
      '12',
      '--page-size',
      '5',
      '--resume',
      resume,
    ];
    let pages = 0;
    const first = captureIo((_chunk, interrupt) => {
      pages += 1;
      if (pages === 1) interrupt();
    });
    expect(await runCli(args, first.io)).toBe(130);
    expect(first.out.join('').trim().split('\n')).toHaveLength(5);
    const state = JSON.parse(readFileSync(resume, 'utf8'));
    expect(state.platforms[0]).toMatchObject({ records: 5, done: false });
    expect(first.err.join('')).toContain('Resume with: storeport export customers --platform commerce-api');

    const second = captureIo();
    expect(await runCli(args, second.io)).toBe(0);
    expect(second.out.join('').trim().split('\n')).toHaveLength(7);
    const ids = [...first.out, ...second.out]
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(new Set(ids).size).toBe(12);
  });

  it('a second Ctrl-C cancels the request in flight and still exits 130', async () => {
    const c = captureIo();
    const timer = setInterval(() => {
      if (!c.listening()) return;
      clearInterval(timer);
      c.interrupt();
      c.interrupt();
    }, 10);
    // The sandbox answers after ten minutes: only a cancelled request lets the command end in time.
    const code = await runCli(
      ['export', 'products', '--platform', 'commerce7', '--sandbox', '--sandbox-latency-ms', '600000'],
      c.io,
    );
    clearInterval(timer);
    expect(code).toBe(130);
    expect(c.out).toEqual([]);
    expect(c.err.join('')).toContain('nothing was saved to resume from');
  });
});
