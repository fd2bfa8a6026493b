import { describe, expect, it } from 'vitest';
import { OPTION_NAMES, parseCommand } from '../src/args';
import { UsageError } from '../src/errors';
import { HELP } from '../src/help';

const usage = (argv: string[]) => {
  try {
    parseCommand(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
};

describe('parseCommand', () => {
  it('reads an export with every option', () => {
    const cmd = parseCommand([
      'export',
      'orders',
      '--platform',
      'commercehq',
      '--out',
      'o.csv',
      '--format',
      'csv',
      '--since',
      '2026-01-01',
      '--limit',
      '10',
      '--page-size',
      '5',
      '--resume',
      'r.json',
      '--quiet',
      '--store',
      'shop',
    ]);
    expect(cmd).toMatchObject({
      kind: 'export',
      resource: 'orders',
      platforms: ['commercehq'],
      all: false,
      out: 'o.csv',
      format: 'csv',
      since: '2026-01-01T00:00:00.000Z',
      limit: 10,
      pageSize: 5,
      resume: 'r.json',
      quiet: true,
      sandbox: null,
      credentials: { store: 'shop' },
    });
  });

  it('defaults to JSON Lines and expands --platform all', () => {
    const cmd = parseCommand(['export', 'customers', '--platform', 'all', '--sandbox']);
    expect(cmd).toMatchObject({
      format: 'jsonl',
      all: true,
      platforms: ['commerce7', 'commercehq', 'commerce-api'],
      sandbox: { seed: 1, latencyMs: 0 },
    });
  });

  it('reads the hidden sandbox flags', () => {
    const cmd = parseCommand([
      'export',
      'products',
      '-p',
      'commerce7',
      '--sandbox',
      '--sandbox-seed',
      '9',
      '--sandbox-records',
      '12',
      '--sandbox-latency-ms',
      '40',
    ]);
    expect(cmd).toMatchObject({ sandbox: { seed: 9, records: 12, latencyMs: 40 } });
    expect(usage(['export', 'products', '-p', 'commerce7', '--sandbox-seed', '9'])).toContain(
      'needs --sandbox',
    );
  });

  it('reads get and list', () => {
    expect(parseCommand(['get', 'customers', '42', '--platform', 'commerce-api'])).toMatchObject({
      kind: 'get',
      resource: 'customers',
      id: '42',
      platforms: ['commerce-api'],
    });
    expect(
      parseCommand(['list', 'orders', '--platform', 'commerce7', '--cursor', 'abc', '--limit', '3']),
    ).toMatchObject({ kind: 'list', cursor: 'abc', limit: 3, format: 'jsonl' });
  });

  it('returns help for --help and help', () => {
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommand(['help'])).toEqual({ kind: 'help' });
    expect(parseCommand(['export', '--help'])).toEqual({ kind: 'help' });
  });

  it('lists the valid values when a name is wrong', () => {
    expect(usage(['export', 'orders', '--platform', 'shopify'])).toBe(
      'unknown platform "shopify": use one of commerce7, commercehq, commerce-api, all',
    );
    expect(usage(['export', 'invoices', '--platform', 'commerce7'])).toBe(
      'unknown resource "invoices": use one of customers, orders, products',
    );
    expect(usage(['export', 'orders', '--platform', 'commerce7', '--format', 'xml'])).toBe(
      'unknown format "xml": use one of jsonl, csv, table',
    );
    expect(usage(['sync', 'orders'])).toBe('unknown command "sync": use one of export, list, get');
    expect(usage(['export', 'orders'])).toContain('missing --platform');
  });

  it("reports a bad --since with core's parseSince message", () => {
    expect(usage(['export', 'orders', '--platform', 'commerce7', '--since', 'yesterday'])).toBe(
      'bad --since: Invalid timestamp "yesterday": expected ISO 8601 like 2026-01-01T00:00:00Z',
    );
    expect(usage(['export', 'orders', '--platform', 'commerce7', '--since', '2026-02-30'])).toContain(
      'bad --since',
    );
  });

  it('rejects bad numbers, options of other commands and stray arguments', () => {
    expect(usage(['export', 'orders', '--platform', 'commerce7', '--limit', '0'])).toContain(
      'bad --limit "0"',
    );
    expect(usage(['export', 'orders', '--platform', 'commerce7', '--page-size', 'ten'])).toContain(
      'bad --page-size',
    );
    expect(usage(['get', 'orders', '1', '--platform', 'commerce7', '--resume', 'x'])).toBe(
      '--resume does not apply to "storeport get"',
    );
    expect(usage(['export', 'orders', '--platform', 'commerce7', '--cursor', 'x'])).toContain(
      '--cursor does not apply',
    );
    expect(usage(['list', 'orders', '--platform', 'all'])).toContain('--platform all works with export only');
    expect(usage(['get', 'orders', '--platform', 'commerce7'])).toContain('missing id');
    expect(usage(['export', 'orders', 'extra', '--platform', 'commerce7'])).toBe(
      'unexpected argument "extra"',
    );
    expect(usage(['export', 'orders', '--platform', 'commerce7', '--bogus'])).toBe(
      'unknown option --bogus (storeport --help lists the options)',
    );
    expect(usage(['export', 'orders', '--platform'])).toBe('--platform needs a value');
  });
  it('names the flag and the numbers it takes for every bad numeric value, negative ones included', () => {
    const base = ['export', 'orders', '--platform', 'commerce7', '--sandbox'];
    const max = Number.MAX_SAFE_INTEGER;
    const cases: Array<[string[], string]> = [
      [['--limit', '-5'], `bad --limit "-5": expected a whole number from 1 to ${max}`],
      [['--limit=-5'], `bad --limit "-5": expected a whole number from 1 to ${max}`],
      [['--limit', '0'], `bad --limit "0": expected a whole number from 1 to ${max}`],
      [['--limit', 'abc'], `bad --limit "abc": expected a whole number from 1 to ${max}`],
      [['--limit', '1.5'], `bad --limit "1.5": expected a whole number from 1 to ${max}`],
      [['--limit', '1e3'], `bad --limit "1e3": expected a whole number from 1 to ${max}`],
      [
        ['--limit', '99999999999999999999'],
        `bad --limit "99999999999999999999": expected a whole number from 1 to ${max}`,
      ],
      [['--page-size', '-1'], `bad --page-size "-1": expected a whole number from 1 to ${max}`],
      [['--page-size', '0'], `bad --page-size "0": expected a whole number from 1 to ${max}`],
      [['--sandbox-seed', '-3'], 'bad --sandbox-seed "-3": expected a whole number from 0 to 4294967295'],
      [
        ['--sandbox-seed', '4294967296'],
        'bad --sandbox-seed "4294967296": expected a whole number from 0 to 4294967295',
      ],
      [
        ['--sandbox-records', '2.5'],
        'bad --sandbox-records "2.5": expected a whole number from 0 to 1000000',
      ],
      [
        ['--sandbox-records', '1000001'],
        'bad --sandbox-records "1000001": expected a whole number from 0 to 1000000',
      ],
      [
        ['--sandbox-latency-ms', '-1'],
        'bad --sandbox-latency-ms "-1": expected a whole number from 0 to 2147483647',
      ],
      [
        ['--sandbox-latency-ms', '2147483648'],
        'bad --sandbox-latency-ms "2147483648": expected a whole number from 0 to 2147483647',
      ],
    ];
    for (const [flags, message] of cases) expect(usage([...base, ...flags])).toBe(message);
    expect(usage(['list', 'orders', '--platform', 'commerce7', '--limit', '-2'])).toBe(
      `bad --limit "-2": expected a whole number from 1 to ${max}`,
    );
    const ok = parseCommand([...base, '--limit', '5', '--page-size', '7', '--sandbox-seed', '0']);
    expect(ok).toMatchObject({ limit: 5, pageSize: 7, sandbox: { seed: 0 } });
  });

  it('a value starting with "-" for a text flag says how to give it', () => {
    expect(usage(['list', 'orders', '--platform', 'commerce7', '--cursor', '-abc'])).toBe(
      '--cursor needs a value: write --cursor=-abc if "-abc" is meant as one',
    );
  });

  it('--no-csv-guard turns the CSV formula guard off, and only goes with --format csv', () => {
    const csv = ['export', 'orders', '--platform', 'commerce7', '--format', 'csv'];
    expect(parseCommand(csv)).toMatchObject({ csvGuard: true });
    expect(parseCommand([...csv, '--no-csv-guard'])).toMatchObject({ csvGuard: false });
    expect(parseCommand(['list', 'orders', '-p', 'commerce7', '-f', 'csv', '--no-csv-guard'])).toMatchObject({
      csvGuard: false,
    });
    expect(usage(['export', 'orders', '--platform', 'commerce7', '--no-csv-guard'])).toBe(
      '--no-csv-guard applies to --format csv only (the format is jsonl)',
    );
    expect(usage(['get', 'orders', '1', '--platform', 'commerce7', '--no-csv-guard'])).toBe(
      '--no-csv-guard does not apply to "storeport get"',
    );
  });
  it('the help names every option the parser takes (the hidden sandbox flags aside)', () => {
    for (const name of OPTION_NAMES.filter((n) => !n.startsWith('sandbox-'))) {
      expect(HELP).toContain(`--${name}`);
    }
  });
});
