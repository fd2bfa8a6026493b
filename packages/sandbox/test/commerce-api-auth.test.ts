import { afterEach, describe, expect, it } from 'vitest';
import type { WireTokens } from '../src/commerce-api';
import {
  type ApiSandbox,
  call,
  login,
  shapeProblems,
  startCommerceApi,
} from './__fixtures__/commerce-api/client';
import examples from './__fixtures__/commerce-api/seed-examples.json';

let sb: ApiSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function decode(jwt: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [h, p] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h!, 'base64url').toString()) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>,
  };
}

/** Every documented endpoint plus the modelled customer ones, with a real id where one is needed. */
function endpoints(s: ApiSandbox): [string, string][] {
  const product = s.store.ids('products')[0]!;
  const order = s.store.ids('orders')[0]!;
  const customer = s.store.ids('customers')[0]!;
  return [
    ['GET', '/products'],
    ['POST', '/products'],
    ['GET', `/products/${product}`],
    ['PATCH', `/products/${product}`],
    ['DELETE', `/products/${product}`],
    ['GET', '/orders'],
    ['POST', '/orders'],
    ['GET', `/orders/${order}`],
    ['PATCH', `/orders/${order}/status`],
    ['GET', '/customers'],
    ['POST', '/customers'],
    ['GET', `/customers/${customer}`],
    ['PATCH', `/customers/${customer}`],
    ['DELETE', `/customers/${customer}`],
    ['DELETE', '/auth/logout'],
  ];
}

describe('commerce-api sandbox: login', () => {
  it('answers the seed example login with a decodable HS256 JWT and a refresh token', async () => {
    sb = await startCommerceApi();
    expect(sb.options.credentials).toEqual(examples.login);
    expect(sb.baseUrl).toBe(`${sb.origin}/v2`);
    const reply = await call<WireTokens>(sb, 'POST', '/auth/login', { body: examples.login });
    expect(reply.status).toBe(200);
    expect(shapeProblems('tokens', reply.body)).toEqual([]);
    expect(reply.body.tokenType).toBe('Bearer');
    expect(reply.body.expiresIn).toBe(3600);
    expect(reply.body.refreshToken).toMatch(/^rt_/);
    const { header, claims } = decode(reply.body.accessToken);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(claims.email).toBe('jane@example.com');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(5);
    expect(sb.store.auth.counters.logins).toBe(1);
  });

  it('takes its token lifetime from platformOptions.tokenLifetimeSec', async () => {
    sb = await startCommerceApi({ platformOptions: { tokenLifetimeSec: 120 } });
    const tokens = await login(sb);
    expect(tokens.expiresIn).toBe(120);
    const { claims } = decode(tokens.accessToken);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
  });

  it('refuses a wrong password or unknown email with 401 and the {code,message,details} body', async () => {
    sb = await startCommerceApi();
    for (const body of [
      { email: 'jane@example.com', password: 'wrong' },
      { email: 'nobody@example.com', password: 's3cr3t!' },
    ]) {
      const reply = await call(sb, 'POST', '/auth/login', { body });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'Invalid email or password',
        details: null,
      });
    }
    expect(sb.store.auth.counters).toMatchObject({ logins: 0, failedLogins: 2 });
  });

  it('answers 400 with field details for a missing or ill-typed login field, and for invalid JSON', async () => {
    sb = await startCommerceApi();
    const missing = await call(sb, 'POST', '/auth/login', { body: { remember: 'yes' } });
    expect(missing.status).toBe(400);
    expect(shapeProblems('error', missing.body)).toEqual([]);
    expect(missing.body).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [
        { field: 'email', code: 'required' },
        { field: 'password', code: 'required' },
        { field: 'remember', code: 'invalid_type' },
      ],
    });
    const notEmail = await call(sb, 'POST', '/auth/login', { body: { email: 'jane', password: 'x' } });
    expect(notEmail.body).toMatchObject({ details: [{ field: 'email', code: 'invalid_format' }] });
    const broken = await call(sb, 'POST', '/auth/login', { rawBody: '{"email": ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({
      code: 'INVALID_JSON',
      message: 'Request body is not valid JSON',
      details: null,
    });
  });

  it('gives remember: true the long refresh lifetime (30 days by default) and others the short one', async () => {
    sb = await startCommerceApi({ platformOptions: { refreshTokenLifetimeSec: 1, rememberLifetimeSec: 60 } });
    const short = await login(sb);
    const long = await login(sb, { remember: true });
    await sleep(1_100);
    expect(
      (await call(sb, 'POST', '/auth/refresh', { body: { refreshToken: short.refreshToken } })).status,
    ).toBe(401);
    expect(
      (await call(sb, 'POST', '/auth/refresh', { body: { refreshToken: long.refreshToken } })).status,
    ).toBe(200);
  });
});

describe('commerce-api sandbox: credentials on every request', () => {
  it('rejects every endpoint without credentials, with a wrong or tampered token, and with a wrong API key', async () => {
    sb = await startCommerceApi();
    const tokens = await login(sb);
    const [h, p, s] = tokens.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, scope: 'admin' })).toString('base64url')}.${s}`;
    const attempts: { label: string; headers: Record<string, string>; code: string }[] = [
      { label: 'none', headers: {}, code: 'UNAUTHORIZED' },
      { label: 'garbage bearer', headers: { authorization: 'Bearer not-a-jwt' }, code: 'INVALID_TOKEN' },
      { label: 'forged claims', headers: { authorization: `Bearer ${forged}` }, code: 'INVALID_TOKEN' },
      { label: 'basic scheme', headers: { authorization: 'Basic amFuZTpzM2NyM3Qh' }, code: 'INVALID_TOKEN' },
      { label: 'wrong api key', headers: { 'x-api-key': 'nope' }, code: 'INVALID_API_KEY' },
    ];
    for (const [method, path] of endpoints(sb)) {
      for (const attempt of attempts) {
        const reply = await call(sb, method, path, {
          headers: attempt.headers,
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
        });
        expect(reply.status, `${method} ${path} with ${attempt.label}`).toBe(401);
        expect(reply.body).toMatchObject({ code: attempt.code, details: null });
        expect(typeof (reply.body as { message: unknown }).message).toBe('string');
        expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer realm="commerce-api"/);
      }
    }
    // Nothing was read or written by a rejected request.
    expect(sb.store.count('products')).toBe(40);
    expect(sb.store.count('customers')).toBe(60);
    expect(sb.store.auth.counters.rejected).toBe(endpoints(sb).length * attempts.length);
  });

  it('serves the same data to a bearer token and to the X-API-Key header', async () => {
    sb = await startCommerceApi();
    const tokens = await login(sb);
    const viaToken = await call(sb, 'GET', '/products', { token: tokens.accessToken });
    const viaKey = await call(sb, 'GET', '/products', { apiKey: 'cak_sandbox_full_access' });
    expect(viaToken.status).toBe(200);
    expect(viaKey.body).toEqual(viaToken.body);
  });

  it('gives adapter options with an API key when platformOptions.credentials is apiKey', async () => {
    sb = await startCommerceApi({ platformOptions: { credentials: 'apiKey', apiKey: 'cak_custom' } });
    expect(sb.options).toEqual({ baseUrl: `${sb.origin}/v2`, credentials: { apiKey: 'cak_custom' } });
    expect((await call(sb, 'GET', '/orders', { apiKey: 'cak_custom' })).status).toBe(200);
    expect((await call(sb, 'GET', '/orders', { apiKey: 'cak_sandbox_full_access' })).status).toBe(401);
  });

  it('answers 403 to a read-only user or key on writes, and lets it read', async () => {
    sb = await startCommerceApi();
    const viewer = await login(sb, { email: 'viewer@example.com' });
    const id = sb.store.ids('products')[0]!;
    const before = sb.store.getRaw('products', id);
    for (const auth of [{ token: viewer.accessToken }, { apiKey: 'cak_sandbox_read_only' }]) {
      expect((await call(sb, 'GET', `/products/${id}`, auth)).status).toBe(200);
      const patch = await call(sb, 'PATCH', `/products/${id}`, { ...auth, body: { name: 'Hacked' } });
      expect(patch.status).toBe(403);
      expect(patch.body).toEqual({
        code: 'FORBIDDEN',
        message: 'Insufficient permissions: requires products:write',
        details: null,
      });
      expect((await call(sb, 'POST', '/orders', { ...auth, body: {} })).status).toBe(403);
      expect((await call(sb, 'DELETE', `/customers/${sb.store.ids('customers')[0]}`, auth)).status).toBe(403);
    }
    expect(sb.store.getRaw('products', id)).toEqual(before);
  });
});

describe('commerce-api sandbox: token expiry, refresh rotation, logout', () => {
  it('expires access tokens after tokenLifetimeSec with TOKEN_EXPIRED', async () => {
    sb = await startCommerceApi({ platformOptions: { tokenLifetimeSec: 1 } });
    const tokens = await login(sb);
    expect((await call(sb, 'GET', '/orders', { token: tokens.accessToken })).status).toBe(200);
    await sleep(1_050);
    const expired = await call(sb, 'GET', '/orders', { token: tokens.accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'TOKEN_EXPIRED', details: null });
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(sb.store.auth.counters.expiredTokenRejections).toBe(1);
  });

  it('rotates the refresh token: the new pair works, the spent token is refused and revokes the session', async () => {
    sb = await startCommerceApi();
    const first = await login(sb);
    const rotated = await call<WireTokens>(sb, 'POST', '/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(rotated.status).toBe(200);
    expect(shapeProblems('tokens', rotated.body)).toEqual([]);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.body.accessToken).not.toBe(first.accessToken);
    expect((await call(sb, 'GET', '/products', { token: rotated.body.accessToken })).status).toBe(200);
    expect(sb.store.auth.counters).toMatchObject({ logins: 1, refreshes: 1, refreshReuse: 0 });

    const reused = await call(sb, 'POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reused.status).toBe(401);
    expect(reused.body).toEqual({
      code: 'REFRESH_TOKEN_REUSED',
      message: 'Refresh token has already been used',
      details: null,
    });
    expect(sb.store.auth.counters.refreshReuse).toBe(1);
    // Reuse means the token leaked: the whole session is gone, the newest tokens included.
    expect((await call(sb, 'GET', '/products', { token: rotated.body.accessToken })).status).toBe(401);
    const after = await call(sb, 'POST', '/auth/refresh', {
      body: { refreshToken: rotated.body.refreshToken },
    });
    expect(after.body).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('refuses an unknown refresh token and a missing one', async () => {
    sb = await startCommerceApi();
    const unknown = await call(sb, 'POST', '/auth/refresh', { body: { refreshToken: 'rt_made_up' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({
      code: 'INVALID_REFRESH_TOKEN',
      message: 'Refresh token invalid or expired',
      details: null,
    });
    const missing = await call(sb, 'POST', '/auth/refresh', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ details: [{ field: 'refreshToken', code: 'required' }] });
    expect(sb.store.auth.counters.refreshReuse).toBe(0);
  });

  it('logs out: 204, then the access token and its refresh token are dead (not counted as reuse)', async () => {
    sb = await startCommerceApi();
    const tokens = await login(sb);
    const other = await login(sb);
    const out = await call(sb, 'DELETE', '/auth/logout', { token: tokens.accessToken });
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    expect((await call(sb, 'GET', '/orders', { token: tokens.accessToken })).body).toMatchObject({
      code: 'INVALID_TOKEN',
    });
    const refresh = await call(sb, 'POST', '/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
    expect(refresh.status).toBe(401);
    expect(sb.store.auth.counters).toMatchObject({ logouts: 1, refreshReuse: 0 });
    // Another session of the same user is untouched.
    expect((await call(sb, 'GET', '/orders', { token: other.accessToken })).status).toBe(200);
    // An API key has no session to end.
    expect((await call(sb, 'DELETE', '/auth/logout', { apiKey: 'cak_sandbox_full_access' })).status).toBe(
      401,
    );
    expect((await call(sb, 'POST', '/auth/logout', { token: other.accessToken })).status).toBe(405);
  });

  it('expire-token fault: every token issued so far expires; refreshing gets a working one', async () => {
    sb = await startCommerceApi();
    const a = await login(sb);
    const b = await login(sb);
    sb.faults.add({ kind: 'expire-token', match: { method: 'GET', path: '/v2/orders' } });
    const hit = await call(sb, 'GET', '/orders', { token: a.accessToken });
    expect(hit.status).toBe(401);
    expect(hit.body).toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect((await call(sb, 'GET', '/products', { token: b.accessToken })).status).toBe(401);
    const fresh = await call<WireTokens>(sb, 'POST', '/auth/refresh', {
      body: { refreshToken: a.refreshToken },
    });
    expect(fresh.status).toBe(200);
    expect((await call(sb, 'GET', '/orders', { token: fresh.body.accessToken })).status).toBe(200);
    expect(sb.store.auth.liveAccessTokens()).toBe(1);
  });
});
