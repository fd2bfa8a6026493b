import { AuthenticationError, toBase64 } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { RunContext } from '../src/context';
import { resolveCredentials } from '../src/credentials';
import { describeError, Scrubber, secretsInArgv, UsageError } from '../src/errors';

const env = {
  STOREPORT_COMMERCEHQ_STORE: 'shop',
  STOREPORT_COMMERCEHQ_API_KEY: 'key-from-env-123',
  STOREPORT_COMMERCEHQ_API_PASSWORD: 'pw-from-env-456',
};

describe('Scrubber', () => {
  it('removes secrets as given, URL-encoded, JSON-escaped and inside Basic auth', () => {
    const s = new Scrubber();
    s.addPair('app-user', 'p@ss "word"/1');
    const basic = toBase64('app-user:p@ss "word"/1');
    const text = `a p@ss "word"/1 b ${encodeURIComponent('p@ss "word"/1')} c ${JSON.stringify('p@ss "word"/1')} d Basic ${basic}`;
    const out = s.scrub(text);
    expect(out).not.toContain('p@ss');
    expect(out).not.toContain(basic);
    expect(out).not.toContain('word');
    expect(out).toContain('app-user'.length > 0 ? 'a [REDACTED]' : '');
  });

  it('finds secret-looking flag values on a raw command line, even misspelt ones', () => {
    expect(
      secretsInArgv([
        'export',
        '--api-key',
        'k1-secret',
        '--app-secret=s2-secret',
        '--apikey',
        'k3-typo',
        '--password',
        'pw4',
        '--store',
        'shop',
      ]),
    ).toEqual(['k1-secret', 's2-secret', 'k3-typo', 'pw4']);
  });
});

describe('credentials', () => {
  it('prefers flags to the environment and names both when missing', () => {
    const r = resolveCredentials('commercehq', { 'api-key': 'flag-key' }, env);
    expect(r.options).toEqual({ store: 'shop', apiKey: 'flag-key', apiPassword: 'pw-from-env-456' });
    expect(() => resolveCredentials('commercehq', {}, {})).toThrow(
      'commercehq needs credentials: missing store name (--store or STOREPORT_COMMERCEHQ_STORE), API key (--api-key or STOREPORT_COMMERCEHQ_API_KEY), API password (--api-password or STOREPORT_COMMERCEHQ_API_PASSWORD)',
    );
    expect(() => resolveCredentials('commerce7', { tenant: 't', 'app-id': 'a' }, {})).toThrow(
      /missing app secret \(--app-secret or STOREPORT_COMMERCE7_APP_SECRET\)/,
    );
  });

  it('reads the Commerce API with a key or a login', () => {
    expect(
      resolveCredentials(
        'commerce-api',
        {},
        { STOREPORT_COMMERCE_API_BASE_URL: 'https://x', STOREPORT_COMMERCE_API_KEY: 'k' },
      ).options,
    ).toEqual({ baseUrl: 'https://x', credentials: { apiKey: 'k' } });
    expect(
      resolveCredentials(
        'commerce-api',
        { email: 'a@b.c', password: 'pw' },
        { STOREPORT_COMMERCE_API_BASE_URL: 'https://x', STOREPORT_COMMERCE_API_KEY: 'k' },
      ).options,
    ).toEqual({ baseUrl: 'https://x', credentials: { email: 'a@b.c', password: 'pw' } });
    expect(() => resolveCredentials('commerce-api', { 'base-url': 'https://x' }, {})).toThrow(
      /either an API key \(--api-key or STOREPORT_COMMERCE_API_KEY\) or a login/,
    );
  });

  it('refuses flags that would go to several platforms with --platform all', () => {
    expect(() => resolveCredentials('commercehq', { 'api-key': 'k' }, env, { several: true })).toThrow(
      UsageError,
    );
  });

  it('never puts a secret into the authentication message', () => {
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env, cwd: '/' };
    const ctx = new RunContext(io, new Scrubber(), []);
    ctx.sources(['commercehq'], null, {});
    const error = new AuthenticationError('Unauthorized: bad key key-from-env-123', {
      platform: 'commercehq',
      status: 401,
    });
    const { message, exitCode } = describeError(error, ctx);
    expect(exitCode).toBe(1);
    expect(message).toBe(
      'commercehq rejected the credentials (401). Check STOREPORT_COMMERCEHQ_API_KEY / --api-key, STOREPORT_COMMERCEHQ_API_PASSWORD / --api-password and STOREPORT_COMMERCEHQ_STORE / --store.',
    );
    const lines: string[] = [];
    const ctx2 = new RunContext(
      { ...io, stderr: { write: (t: string) => lines.push(t) > 0 } },
      new Scrubber(),
      [],
    );
    ctx2.sources(['commercehq'], null, {});
    ctx2.say(`leak? ${error.message} ${toBase64('key-from-env-123:pw-from-env-456')}`);
    expect(lines.join('')).not.toMatch(/key-from-env-123|pw-from-env-456/);
    expect(lines.join('')).not.toContain(toBase64('key-from-env-123:pw-from-env-456'));
  });
});
