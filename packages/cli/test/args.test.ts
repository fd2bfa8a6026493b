import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/args';
import { UsageError } from '../src/errors';

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
});
