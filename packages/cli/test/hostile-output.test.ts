/**
 * Platform text that tries to drive the reader's terminal (set its title, clear the screen,
 * reverse text) is shown as escapes on every human-facing output; secrets given as flags are
 * warned about once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunContext } from '../src/context';
import { secretFlagWarning } from '../src/credentials';
import { Scrubber } from '../src/errors';
import type { CliIo } from '../src/io';
import { Progress } from '../src/progress';
import { runCli } from '../src/run';
import { formatSummary } from '../src/summary';
import { showControls } from '../src/terminal';

const ATTACK = '\u001b]0;pwned\u0007\u001b[2Jdenied\u202etxt.exe\u009b31m\rOK';
/** Anything a terminal acts on, apart from the line breaks and the CLI's own progress sequences. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function captureIo(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (into: string[]) => ({
    write(chunk: string, cb?: (e?: Error | null) => void) {
      into.push(chunk);
      cb?.();
      return true;
    },
  });
  const io: CliIo = { stdout: stream(out), stderr: stream(err), env, cwd: '/' };
  return { io, out, err };
}

describe('showControls', () => {
  it('escapes control, C1, bidi and invisible characters; keeps text, emoji and joiners', () => {
    expect(showControls(ATTACK)).toBe(
      '\\u001b]0;pwned\\u0007\\u001b[2Jdenied\\u202etxt.exe\\u009b31m\\u000dOK',
    );
    expect(showControls('a\u200bb\u2066c\u2069\ufeff\u200e\u{e0041}')).toBe(
      'a\\u200bb\\u2066c\\u2069\\ufeff\\u200e\\u{e0041}',
    );
    expect(showControls('café 👩‍👩‍👧 می‌خواهم')).toBe('café 👩‍👩‍👧 می‌خواهم');
  });

  it('escapes TAB and LF in one-line text but keeps them in multi-line text (never CR)', () => {
    expect(showControls('a\tb\nc')).toBe('a\\u0009b\\u000ac');
    expect(showControls('a\tb\nc\r', { lines: true })).toBe('a\tb\nc\\u000d');
  });
});

describe('human-facing output paths', () => {
  it('one-line messages (ctx.say) and multi-line text (ctx.tell) are escaped after scrubbing', () => {
    const { io, err } = captureIo();
    const scrubber = new Scrubber();
    scrubber.add('s3cret\u202e');
    const ctx = new RunContext(io, scrubber, []);
    ctx.say(`failed: ${ATTACK}\nstoreport: fake line s3cret\u202e`);
    ctx.tell(`stack\n  at x ${ATTACK}\n`);
    const text = err.join('');
    expect(text).not.toMatch(ACTIVE);
    expect(text).not.toContain('s3cret');
    expect(text.split('\n')).toEqual([
      'storeport: failed: \\u001b]0;pwned\\u0007\\u001b[2Jdenied\\u202etxt.exe\\u009b31m\\u000dOK\\u000astoreport: fake line [REDACTED]',
      'stack',
      '  at x \\u001b]0;pwned\\u0007\\u001b[2Jdenied\\u202etxt.exe\\u009b31m\\u000dOK',
      '',
    ]);
  });

  it('progress lines, on a terminal and elsewhere, escape the names they show', () => {
    for (const isTTY of [true, false]) {
      const chunks: string[] = [];
      let now = 0;
      const stream = { isTTY, columns: 400, write: (c: string) => chunks.push(c) > 0 };
      const p = new Progress({ stream, quiet: false, now: () => now, intervalMs: 1 });
      p.start(`shop${ATTACK}`, 'orders');
      now = 1000;
      p.update(5, 10);
      p.finish();
      const text = chunks.join('').replaceAll('\r\u001b[2K', ''); // the CLI's own redraw
      expect(text).not.toMatch(ACTIVE);
      expect(text).toContain('shop\\u001b]0;pwned');
    }
  });

  it('the export summary escapes what it names (the output file)', () => {
    const text = formatSummary({
      resource: 'orders',
      reports: [],
      elapsedMs: 10,
      output: `out${ATTACK}.csv`,
      interrupted: false,
    });
    expect(text.replace(/\n/g, '')).not.toMatch(ACTIVE);
    expect(text).toContain('out\\u001b]0;pwned');
  });
});

describe('a platform whose error text attacks the terminal', () => {
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: ATTACK }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('cannot set the title, clear the screen or reorder text: the one-liner and --debug show escapes', async () => {
    for (const debug of [[], ['--debug']]) {
      const { io, out, err } = captureIo();
      const code = await runCli(
        [
          'get',
          'orders',
          '1',
          '--platform',
          'commerce-api',
          '--base-url',
          baseUrl,
          '--api-key',
          'k-123456',
          ...debug,
        ],
        io,
      );
      expect(code).toBe(1);
      expect(out).toEqual([]);
      const text = err.join('');
      expect(text).not.toMatch(ACTIVE);
      expect(text).toContain('refused access (403)');
      expect(text).toContain('\\u001b]0;pwned\\u0007\\u001b[2Jdenied\\u202etxt.exe');
      if (debug.length > 0) expect(text).toContain('PermissionError');
    }
  });

  it('a secret flag works but is warned about once, naming the variable to set instead', async () => {
    const { io, err } = captureIo();
    await runCli(
      ['get', 'orders', '1', '--platform', 'commerce-api', '--base-url', baseUrl, '--api-key', 'k-123456'],
      io,
    );
    const warnings = err
      .join('')
      .split('\n')
      .filter((l) => l.includes('warning'));
    expect(warnings).toEqual([
      'storeport: warning: secrets given as flags (--api-key) can be read by other users of this machine (ps) and stay in shell history; set STOREPORT_COMMERCE_API_KEY (for --api-key) instead',
    ]);
    // The flag was used: the request reached the platform and failed there, not for want of a key.
    expect(err.join('')).toContain('refused access (403)');
    expect(err.join('')).not.toContain('k-123456');

    const viaEnv = captureIo({ STOREPORT_COMMERCE_API_KEY: 'k-123456' });
    await runCli(['get', 'orders', '1', '--platform', 'commerce-api', '--base-url', baseUrl], viaEnv.io);
    expect(viaEnv.err.join('')).not.toContain('warning');
    expect(viaEnv.err.join('')).toContain('refused access (403)');
  });
});

describe('secretFlagWarning', () => {
  it('names every secret flag given and the variable of each platform in use; none for other flags', () => {
    expect(secretFlagWarning({ store: 's', 'api-key': 'k', 'api-password': 'p' }, ['commercehq'])).toContain(
      'set STOREPORT_COMMERCEHQ_API_KEY (for --api-key), STOREPORT_COMMERCEHQ_API_PASSWORD (for --api-password) instead',
    );
    expect(secretFlagWarning({ 'app-id': 'a', 'app-secret': 's' }, ['commerce7'])).toContain(
      '(--app-id, --app-secret)',
    );
    expect(secretFlagWarning({ email: 'e', password: 'p' }, ['commerce-api'])).toContain(
      'STOREPORT_COMMERCE_API_PASSWORD (for --password)',
    );
    expect(
      secretFlagWarning({ tenant: 't', 'base-url': 'u', email: 'e' }, ['commerce7', 'commerce-api']),
    ).toBe(undefined);
  });
});

describe('--format csv through the commands', () => {
  const phones = async (argv: string[]) => {
    const { io, out } = captureIo();
    expect(await runCli(argv, io)).toBe(0);
    const rows = out.join('').split('\r\n').filter(Boolean);
    const phone = rows[0]!.split(',').indexOf('phone');
    return rows.slice(1).map((row) => row.split(',')[phone]);
  };
  const sandbox = [
    '--platform',
    'commerce-api',
    '--sandbox',
    '--sandbox-records',
    '3',
    '--format',
    'csv',
    '-q',
  ];

  it('export and list guard cells that start like a formula (the sandbox phones start with "+")', async () => {
    for (const command of ['export', 'list']) {
      const guarded = await phones([command, 'customers', ...sandbox]);
      expect(guarded.length).toBeGreaterThan(0);
      for (const p of guarded) expect(p).toMatch(/^'\+\d/);
      const raw = await phones([command, 'customers', ...sandbox, '--no-csv-guard']);
      expect(raw).toEqual(guarded.map((p) => p!.slice(1)));
    }
  });
});
