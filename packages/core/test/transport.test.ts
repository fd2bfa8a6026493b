import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AbortError,
  AuthenticationError,
  CommerceError,
  ConfigurationError,
  ConflictError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../src/errors';
import type { ErrorBodyParser } from '../src/transport/error-from-response';
import {
  type AuthProvider,
  checkBaseUrl,
  raceAbort,
  Transport,
  type TransportOptions,
} from '../src/transport/http-client';
import { encodePath, encodeSegment } from '../src/transport/path';
import { hashKey, type LimiterLike, spacingFor } from '../src/transport/rate-limit';
import {
  REDACTED,
  redactHeaders,
  redactString,
  redactValue,
  secretForms,
  toBase64,
} from '../src/transport/redact';
import { backoffDelay, parseRetryAfter, resolveRetry } from '../src/transport/retry';

// nock patches the globals on import; only the "on the wire" block below runs with it on, so the
// real-server tests see plain fetch (real resets, real timeouts, real aborts).
nock.restore();

// ---------------------------------------------------------------------------------------------
// A real HTTP server on 127.0.0.1:0 per test.

interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** performance.now() when the request arrived. */
  at: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, hit: Hit, n: number) => void;

interface Served {
  url: string;
  hits: Hit[];
}

const servers: Server[] = [];

async function serve(handler: Handler): Promise<Served> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit: Hit = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at,
      };
      hits.push(hit);
      handler(req, res, hit, hits.length);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/**
 * A server that answers nobody until `n` requests are in, then everyone: requests that are really
 * sent at once complete; a limiter holding one back would keep them all waiting (the test times out).
 */
async function serveBarrier(n: number): Promise<Served> {
  const waiting: ServerResponse[] = [];
  return serve((_req, res) => {
    waiting.push(res);
    if (waiting.length === n) for (const r of waiting.splice(0)) json(r, 200, {});
  });
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

const USER = 'app-id-42';
const SECRET = 'sEcr3t+/p@ss=word!';
const BASIC = `Basic ${toBase64(`${USER}:${SECRET}`)}`;
const basicAuth: AuthProvider = {
  headers: () => ({ authorization: BASIC }),
  secrets: () => secretForms(USER, SECRET),
};

let keySeq = 0;
const uniqueKey = () => `test:${process.pid}:${Date.now()}:${keySeq++}`;

/** A transport with fast backoff, for tests. */
function transport(baseUrl: string, options: Partial<TransportOptions> = {}): Transport {
  return new Transport({
    platform: 'test',
    baseUrl,
    timeoutMs: 3000,
    ...options,
    retry: options.retry === false ? false : { baseDelayMs: 5, maxDelayMs: 20, ...options.retry },
  });
}

async function rejection(promise: Promise<unknown>): Promise<CommerceError> {
  try {
    await promise;
  } catch (err) {
    return err as CommerceError;
  }
  return expect.fail('expected a rejection');
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Commerce HQ-style error body: `{ message, errors: { field: [messages] } }`. */
const parseErrorBody: ErrorBodyParser = (body) => {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { message?: unknown; code?: unknown; errors?: Record<string, string[]> };
  return {
    ...(typeof b.message === 'string' ? { message: b.message } : {}),
    ...(typeof b.code === 'string' ? { code: b.code } : {}),
    ...(b.errors
      ? {
          issues: Object.entries(b.errors).flatMap(([field, messages]) =>
            messages.map((message) => ({ field, message })),
          ),
        }
      : {}),
  };
};

const ListSchema = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });

// ---------------------------------------------------------------------------------------------

describe('base URL', () => {
  it('accepts https anywhere and http on loopback only, without a trailing slash', () => {
    expect(checkBaseUrl('t', 'https://api.example.com/v1/')).toBe('https://api.example.com/v1');
    expect(checkBaseUrl('t', 'https://api.example.com')).toBe('https://api.example.com');
    expect(checkBaseUrl('t', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(checkBaseUrl('t', 'http://127.1.2.3/api')).toBe('http://127.1.2.3/api');
    expect(checkBaseUrl('t', 'http://localhost:3000/')).toBe('http://localhost:3000');
    expect(checkBaseUrl('t', 'http://[::1]:3000')).toBe('http://[::1]:3000');
  });

  it.each([
    ['http://api.example.com', 'insecure_base_url'],
    ['http://10.0.0.1', 'insecure_base_url'],
    ['http://127.0.0.1.example.com', 'insecure_base_url'],
    ['http://localhost.example.com', 'insecure_base_url'],
    ['ftp://127.0.0.1', 'insecure_base_url'],
    ['not a url', 'bad_base_url'],
    ['', 'bad_base_url'],
  ])('refuses %s (%s)', (url, code) => {
    let err: unknown;
    try {
      checkBaseUrl('commerce7', url);
    } catch (e) {
      err = e;
    }
    expect(ConfigurationError.isInstance(err)).toBe(true);
    expect((err as ConfigurationError).code).toBe(code);
    expect((err as ConfigurationError).platform).toBe('commerce7');
    expect(() => new Transport({ platform: 'commerce7', baseUrl: url })).toThrow(ConfigurationError);
  });

  it('refuses credentials in the URL and does not repeat them', () => {
    for (const url of [`https://${USER}:hunter2secret@api.example.com`, 'https://token@api.example.com']) {
      let err: unknown;
      try {
        new Transport({ platform: 't', baseUrl: url });
      } catch (e) {
        err = e;
      }
      expect(ConfigurationError.isInstance(err)).toBe(true);
      expect((err as Error).message).not.toContain('hunter2secret');
    }
  });

  it('joins the base path and the request path', async () => {
    const srv = await serve((_req, res) => json(res, 200, {}));
    const t = transport(`${srv.url}/api/v1/`);
    await t.request({ method: 'GET', path: '/orders' });
    await t.request({ method: 'GET', path: 'orders/1' });
    expect(srv.hits.map((h) => h.url)).toEqual(['/api/v1/orders', '/api/v1/orders/1']);
  });
});

describe('paths', () => {
  it('encodePath keeps every value one segment', () => {
    expect(encodePath`/customers/${'../admin'}`).toBe('/customers/..%2Fadmin');
    expect(encodePath`/customers/${'a b/c?d#e%'}/addresses/${7}`).toBe(
      '/customers/a%20b%2Fc%3Fd%23e%25/addresses/7',
    );
    expect(encodePath`/products`).toBe('/products');
    expect(encodeSegment('...')).toBe('...');
    expect(encodeSegment('%2e%2e')).toBe('%252e%252e');
  });

  it.each(['.', '..', ''])('rejects %j as an id', (id) => {
    let err: unknown;
    try {
      encodePath`/customers/${id}`;
    } catch (e) {
      err = e;
    }
    expect(ValidationError.isInstance(err)).toBe(true);
    expect((err as ValidationError).code).toBe('invalid_id');
    expect((err as ValidationError).issues[0]?.field).toBe('id');
  });

  it('a traversal id reaches the server as one segment', async () => {
    const srv = await serve((_req, res) => json(res, 404, { message: 'no such customer' }));
    const t = transport(`${srv.url}/api`);
    const err = await rejection(t.request({ method: 'GET', path: encodePath`/customers/${'../admin'}` }));
    expect(NotFoundError.isInstance(err)).toBe(true);
    expect(srv.hits[0]?.url).toBe('/api/customers/..%2Fadmin');
  });
});

// ---------------------------------------------------------------------------------------------

describe('on the wire (nock)', () => {
  const BASE = 'https://shop.example.test/api/v1';

  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });

  it('sends auth, default and per-request headers, and accepts JSON', async () => {
    const scope = nock('https://shop.example.test')
      .get('/api/v1/customers')
      .matchHeader('authorization', BASIC)
      .matchHeader('tenant', 'acme')
      .matchHeader('accept', 'application/json')
      .matchHeader('x-extra', '1')
      .reply(200, { items: [{ id: 1, name: 'Ada' }] });
    const t = transport(BASE, { auth: basicAuth, headers: { tenant: 'acme' } });
    const res = await t.request(
      { method: 'GET', path: '/customers', headers: { 'x-extra': '1' } },
      ListSchema,
    );
    expect(res.status).toBe(200);
    expect(res.body.items[0]?.name).toBe('Ada');
    expect(scope.isDone()).toBe(true);
  });

  it('the auth provider wins over a per-request header, and anonymous requests carry none', async () => {
    const seen: Array<string | null> = [];
    // nock 15 hands reply functions the fetch Request.
    const scope = nock('https://shop.example.test')
      .get('/api/v1/a')
      .times(2)
      .reply((request: Request) => {
        seen.push(request.headers.get('authorization'));
        return [200, {}];
      });
    const t = transport(BASE, { auth: basicAuth });
    await t.request({ method: 'GET', path: '/a', headers: { authorization: 'Bearer forged' } });
    await t.request({ method: 'GET', path: '/a', anonymous: true });
    expect(seen).toEqual([BASIC, null]);
    expect(scope.isDone()).toBe(true);
  });

  it('asks an async auth provider for headers on every attempt', async () => {
    let n = 0;
    const auth: AuthProvider = {
      headers: async () => ({ authorization: `Bearer token-${++n}` }),
      secrets: () => [],
    };
    const scope = nock('https://shop.example.test')
      .get('/api/v1/x')
      .matchHeader('authorization', 'Bearer token-1')
      .reply(503)
      .get('/api/v1/x')
      .matchHeader('authorization', 'Bearer token-2')
      .reply(200, { ok: true });
    const res = await transport(BASE, { auth }).request({ method: 'GET', path: '/x' });
    expect(res.body).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });

  it('encodes the query: arrays repeat, undefined and null are skipped', async () => {
    let uri = '';
    const scope = nock('https://shop.example.test')
      .get(() => true)
      .reply((request: Request) => {
        const url = new URL(request.url);
        uri = url.pathname + url.search;
        return [200, {}];
      });
    await transport(BASE).request({
      method: 'GET',
      path: '/orders',
      query: {
        status: ['paid', 'shipped'],
        page: 2,
        paid: true,
        skip: undefined,
        none: null,
        q: 'a b&c=d/é',
        empty: [],
      },
    });
    expect(uri).toBe('/api/v1/orders?status=paid&status=shipped&page=2&paid=true&q=a+b%26c%3Dd%2F%C3%A9');
    expect(scope.isDone()).toBe(true);
  });

  it('sends a JSON body with its content type; a GET has neither', async () => {
    const input = { title: 'Pinot Noir 2023', price: { amount: 4200, currency: 'USD' }, tags: ['red'] };
    let getHeaders = new Headers();
    let getBody: string | undefined;
    const scope = nock('https://shop.example.test')
      .post('/api/v1/products', input)
      .matchHeader('content-type', /^application\/json/)
      .reply(201, { id: 9 })
      .get('/api/v1/products/9')
      .reply(async (request: Request) => {
        getHeaders = request.headers;
        getBody = await request.text();
        return [200, { id: 9 }];
      });
    const t = transport(BASE);
    const created = await t.request({ method: 'POST', path: '/products', body: input });
    expect(created).toMatchObject({ status: 201, body: { id: 9 } });
    const got = await t.request({ method: 'GET', path: encodePath`/products/${9}` });
    expect(got.body).toEqual({ id: 9 });
    expect(getBody).toBe('');
    expect(getHeaders.has('content-type')).toBe(false);
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry a POST on 503 but does on 429; PUT and DELETE are retried', async () => {
    const scope = nock('https://shop.example.test')
      .post('/api/v1/orders')
      .reply(503, { message: 'down' })
      .post('/api/v1/orders')
      .reply(429, { message: 'slow down' }, { 'retry-after': '0' })
      .post('/api/v1/orders')
      .reply(201, { id: 1 })
      .put('/api/v1/orders/1')
      .reply(502)
      .put('/api/v1/orders/1')
      .reply(200, {})
      .delete('/api/v1/orders/1')
      .reply(504)
      .delete('/api/v1/orders/1')
      .reply(204);
    const t = transport(BASE);
    expect(
      ServerError.isInstance(await rejection(t.request({ method: 'POST', path: '/orders', body: {} }))),
    ).toBe(true);
    expect((await t.request({ method: 'POST', path: '/orders', body: {} })).status).toBe(201);
    expect((await t.request({ method: 'PUT', path: '/orders/1', body: {} })).status).toBe(200);
    const deleted = await t.request({ method: 'DELETE', path: '/orders/1' });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(t.metrics.retries).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------

describe('responses', () => {
  it('validates the body with the schema and returns it typed, headers redacted', async () => {
    const srv = await serve((_req, res) =>
      json(
        res,
        200,
        { items: [{ id: 1, name: 'Ada', extra: true }] },
        { 'set-cookie': 'session=abc', 'x-n': '1' },
      ),
    );
    const res = await transport(srv.url).request({ method: 'GET', path: '/c' }, ListSchema);
    expect(res.body).toEqual({ items: [{ id: 1, name: 'Ada' }] });
    expect(res.headers['x-n']).toBe('1');
    expect(res.headers['set-cookie']).toBe(REDACTED);
  });

  it('a body that does not fit the schema is a ResponseShapeError naming the field (not retried)', async () => {
    const srv = await serve((_req, res) =>
      json(res, 200, {
        items: [
          { id: 1, name: 'Ada' },
          { id: '2', name: 'B' },
        ],
      }),
    );
    const t = transport(srv.url);
    const err = await rejection(
      t.request({ method: 'GET', path: '/customers', what: 'customer page' }, ListSchema),
    );
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    const shape = err as ResponseShapeError;
    expect(shape.field).toBe('items.1.id');
    expect(shape.status).toBe(200);
    expect(shape.platform).toBe('test');
    expect(shape.message).toContain('customer page');
    expect(shape.message).toContain('items.1.id');
    expect(srv.hits).toHaveLength(1);

    const noWhat = await rejection(t.request({ method: 'GET', path: '/customers' }, ListSchema));
    expect(noWhat.message).toContain('GET /customers');
  });

  it('an empty 2xx body is undefined (and fails a schema that wants an object)', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const t = transport(srv.url);
    expect((await t.request({ method: 'DELETE', path: '/x' })).body).toBeUndefined();
    const err = await rejection(t.request({ method: 'DELETE', path: '/x' }, ListSchema));
    expect((err as ResponseShapeError).field).toBe('(root)');
  });

  it('malformed JSON on a 200 is invalid_json, retried for GET until the server recovers', async () => {
    const srv = await serve((_req, res, _hit, n) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(n === 1 ? '{"items": [' : JSON.stringify({ items: [] }));
    });
    const t = transport(srv.url);
    const res = await t.request({ method: 'GET', path: '/c' }, ListSchema);
    expect(res.body).toEqual({ items: [] });
    expect(srv.hits).toHaveLength(2);
    expect(t.metrics.retries).toBe(1);
  });

  it('malformed JSON on a 200 is not retried for POST', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy error</html>');
    });
    const err = await rejection(transport(srv.url).request({ method: 'POST', path: '/orders', body: {} }));
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    expect(err.code).toBe('invalid_json');
    expect((err as ResponseShapeError).field).toBe('(body)');
    expect(err.status).toBe(200);
    expect(err.message).toContain('24 bytes');
    expect(srv.hits).toHaveLength(1);
  });

  it('malformed JSON on every attempt gives up with the invalid_json error', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200);
      res.end('nope');
    });
    const err = await rejection(
      transport(srv.url, { retry: { retries: 2 } }).request({ method: 'GET', path: '/' }),
    );
    expect(err.code).toBe('invalid_json');
    expect(srv.hits).toHaveLength(3);
  });
});

describe('HTTP errors', () => {
  const cases: Array<[number, typeof CommerceError, boolean]> = [
    [400, ValidationError, false],
    [401, AuthenticationError, false],
    [403, PermissionError, false],
    [404, NotFoundError, false],
    [409, ConflictError, false],
    [422, ValidationError, false],
    [429, RateLimitError, true],
    [500, ServerError, false],
    [503, ServerError, true],
  ];

  it.each(cases)('%i → %O', async (status, cls, retryable) => {
    const srv = await serve((_req, res) =>
      json(
        res,
        status,
        { message: `failure ${status}`, code: `E${status}`, errors: { email: ['is taken', 'is odd'] } },
        { 'x-request-id': `req-${status}` },
      ),
    );
    const t = transport(srv.url, { parseErrorBody, retry: false });
    const err = await rejection(t.request({ method: 'GET', path: '/customers/1' }));
    expect(cls.isInstance(err)).toBe(true);
    expect(err.name).toBe(cls.kind);
    expect(err.status).toBe(status);
    expect(err.requestId).toBe(`req-${status}`);
    expect(err.code).toBe(`E${status}`);
    expect(err.platform).toBe('test');
    expect(err.retryable).toBe(retryable);
    expect(err.message).toBe(`test: GET /customers/1 failed with ${status}: failure ${status}`);
    expect(err.body).toEqual({
      message: `failure ${status}`,
      code: `E${status}`,
      errors: { email: ['is taken', 'is odd'] },
    });
    expect(err.headers?.['x-request-id']).toBe(`req-${status}`);
    if (ValidationError.isInstance(err)) {
      expect(err.issues).toEqual([
        { field: 'email', message: 'is taken' },
        { field: 'email', message: 'is odd' },
      ]);
    }
    expect(srv.hits).toHaveLength(1);
  });

  it('without a parser, the status text is the message and a non-JSON body is kept as text', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html', 'request-id': 'alt-id' });
      res.end('<h1>upstream down</h1>');
    });
    const err = await rejection(transport(srv.url, { retry: false }).request({ method: 'GET', path: '/x' }));
    expect(ServerError.isInstance(err)).toBe(true);
    expect(err.message).toBe('test: GET /x failed with 502: Bad Gateway');
    expect(err.body).toBe('<h1>upstream down</h1>');
    expect(err.requestId).toBe('alt-id');
    expect(err.retryable).toBe(true);
  });

  it('a parser that throws does not change the error class', async () => {
    const srv = await serve((_req, res) => json(res, 404, null));
    const t = transport(srv.url, {
      parseErrorBody: (body) => ({ message: (body as { message: string }).message }),
    });
    const err = await rejection(t.request({ method: 'GET', path: '/x' }));
    expect(NotFoundError.isInstance(err)).toBe(true);
    expect(srv.hits).toHaveLength(1);
  });

  it('uses the configured request-id headers and an unknown 4xx is a plain CommerceError', async () => {
    const srv = await serve((_req, res) =>
      json(res, 418, {}, { 'x-trace': 'trace-1', 'x-request-id': 'other' }),
    );
    const err = await rejection(
      transport(srv.url, { requestIdHeaders: ['x-trace'] }).request({ method: 'GET', path: '/x' }),
    );
    expect(err.constructor).toBe(CommerceError);
    expect(err.requestId).toBe('trace-1');
    expect(err.status).toBe(418);
  });

  it('429 carries retryAfterMs', async () => {
    const srv = await serve((_req, res) => json(res, 429, {}, { 'retry-after': '7' }));
    const err = await rejection(transport(srv.url, { retry: false }).request({ method: 'GET', path: '/x' }));
    expect((err as RateLimitError).retryAfterMs).toBe(7000);
  });
});

// ---------------------------------------------------------------------------------------------

describe('retries', () => {
  it('503 then 200 for GET: one retry', async () => {
    const srv = await serve((_req, res, _hit, n) =>
      n === 1 ? json(res, 503, {}) : json(res, 200, { ok: 1 }),
    );
    const t = transport(srv.url);
    const res = await t.request({ method: 'GET', path: '/x' });
    expect(res.body).toEqual({ ok: 1 });
    expect(t.metrics.retries).toBe(1);
    expect(t.metrics.requests).toBe(2);
    expect(t.metrics.responses).toEqual({ '5xx': 1, '2xx': 1 });
  });

  it('POST is not retried on 503 or 502 or 504, PATCH neither', async () => {
    for (const [method, status] of [
      ['POST', 503],
      ['POST', 502],
      ['POST', 504],
      ['PATCH', 503],
    ] as const) {
      const srv = await serve((_req, res) => json(res, status, {}));
      const t = transport(srv.url);
      const err = await rejection(t.request({ method, path: '/x', body: {} }));
      expect(err.status).toBe(status);
      expect(srv.hits).toHaveLength(1);
      expect(t.metrics.retries).toBe(0);
    }
  });

  it('POST is retried on 429 (the platform did not process it)', async () => {
    const srv = await serve((_req, res, _hit, n) =>
      n === 1 ? json(res, 429, {}) : json(res, 201, { id: 1 }),
    );
    const t = transport(srv.url);
    expect((await t.request({ method: 'POST', path: '/x', body: { a: 1 } })).status).toBe(201);
    expect(srv.hits.map((h) => h.body)).toEqual(['{"a":1}', '{"a":1}']);
    expect(t.metrics.rateLimited).toBe(1);
  });

  it('idempotent: true opts a POST in', async () => {
    const srv = await serve((_req, res, _hit, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, {})));
    const t = transport(srv.url);
    expect((await t.request({ method: 'POST', path: '/search', body: {}, idempotent: true })).status).toBe(
      200,
    );
    expect(srv.hits).toHaveLength(2);
  });

  it('idempotent: false opts a GET out', async () => {
    const srv = await serve((_req, res) => json(res, 503, {}));
    await rejection(transport(srv.url).request({ method: 'GET', path: '/x', idempotent: false }));
    expect(srv.hits).toHaveLength(1);
  });

  it('gives up after `retries` with the last error', async () => {
    const srv = await serve((_req, res, _hit, n) => json(res, 503, { n }, { 'x-request-id': `req-${n}` }));
    const t = transport(srv.url, { retry: { retries: 2 } });
    const err = await rejection(t.request({ method: 'GET', path: '/x' }));
    expect(ServerError.isInstance(err)).toBe(true);
    expect(err.requestId).toBe('req-3');
    expect(err.body).toEqual({ n: 3 });
    expect(srv.hits).toHaveLength(3);
    expect(t.metrics.retries).toBe(2);
  });

  it('retry: false sends once', async () => {
    const srv = await serve((_req, res) => json(res, 503, {}));
    await rejection(transport(srv.url, { retry: false }).request({ method: 'GET', path: '/x' }));
    expect(srv.hits).toHaveLength(1);
  });

  it('500 is not retried by default, but `statuses` decides', async () => {
    const handler: Handler = (_req, res, _hit, n) => (n === 1 ? json(res, 500, {}) : json(res, 200, {}));
    const srv = await serve(handler);
    const err = await rejection(transport(srv.url).request({ method: 'GET', path: '/x' }));
    expect(err.status).toBe(500);
    expect(srv.hits).toHaveLength(1);
    const srv1 = await serve(handler);
    const t = transport(srv1.url, { retry: { statuses: [500] } });
    expect((await t.request({ method: 'GET', path: '/x' })).status).toBe(200);
    expect(srv1.hits).toHaveLength(2);
    // …and a status left out of `statuses` is not retried.
    const srv2 = await serve((_req, res) => json(res, 503, {}));
    await rejection(
      transport(srv2.url, { retry: { statuses: [500] } }).request({ method: 'GET', path: '/x' }),
    );
    expect(srv2.hits).toHaveLength(1);
  });

  it('backs off between attempts (full jitter, capped)', async () => {
    const srv = await serve((_req, res, _hit, n) => (n < 4 ? json(res, 503, {}) : json(res, 200, {})));
    const t = transport(srv.url, { retry: { baseDelayMs: 40, maxDelayMs: 40 } });
    await t.request({ method: 'GET', path: '/x' });
    expect(srv.hits).toHaveLength(4);
    expect(t.metrics.retries).toBe(3);
    // The wait itself, with the random draw pinned: full jitter up to base·2^n, never past the cap.
    const retry = resolveRetry({ baseDelayMs: 40, maxDelayMs: 100 });
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, retry, () => 1))).toEqual([40, 80, 100, 100]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, retry, () => 0))).toEqual([0, 0, 0, 0]);
    expect(backoffDelay(1, retry, () => 0.5)).toBe(40);
  });

  it('honours Retry-After in seconds', async () => {
    const srv = await serve((_req, res, _hit, n) =>
      n === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, {}),
    );
    await transport(srv.url).request({ method: 'GET', path: '/x' });
    // Timers never fire early, so the lower bound holds however busy the machine is.
    const waited = srv.hits[1]!.at - srv.hits[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date, on a 503 too', async () => {
    const srv = await serve((_req, res, _hit, n) =>
      n === 1
        ? json(res, 503, {}, { 'retry-after': new Date(Date.now() + 1500).toUTCString() })
        : json(res, 200, {}),
    );
    await transport(srv.url).request({ method: 'GET', path: '/x' });
    // An HTTP date has whole seconds: the wait is between 0.5 s and 1.5 s.
    const waited = srv.hits[1]!.at - srv.hits[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(400);
    expect(waited).toBeLessThan(1700);
  });

  it('a Retry-After above maxRetryAfterMs fails at once with the RateLimitError', async () => {
    const srv = await serve((_req, res) => json(res, 429, {}, { 'retry-after': '5' }));
    for (const method of ['GET', 'POST'] as const) {
      const t = transport(srv.url, { retry: { maxRetryAfterMs: 1000 } });
      const err = await rejection(
        t.request({ method, path: '/x', ...(method === 'POST' ? { body: {} } : {}) }),
      );
      expect(RateLimitError.isInstance(err)).toBe(true);
      expect((err as RateLimitError).retryAfterMs).toBe(5000);
      expect(t.metrics.retries).toBe(0);
    }
    expect(srv.hits).toHaveLength(2);
  });

  it('parseRetryAfter reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('re-authentication', () => {
  it('401 + onUnauthorized → true resends once with the new headers', async () => {
    let token = 'old-token-1234';
    let renewals = 0;
    const auth: AuthProvider = {
      headers: () => ({ authorization: `Bearer ${token}` }),
      onUnauthorized: async () => {
        renewals += 1;
        token = 'new-token-5678';
        return true;
      },
      secrets: () => [token],
    };
    const srv = await serve((req, res) =>
      req.headers.authorization === 'Bearer new-token-5678' ? json(res, 200, { ok: 1 }) : json(res, 401, {}),
    );
    const t = transport(srv.url, { auth });
    expect((await t.request({ method: 'POST', path: '/x', body: {} })).body).toEqual({ ok: 1 });
    expect(srv.hits.map((h) => h.headers.authorization)).toEqual([
      'Bearer old-token-1234',
      'Bearer new-token-5678',
    ]);
    expect(renewals).toBe(1);
    expect(t.metrics.retries).toBe(0);
  });

  it('onUnauthorized is told the auth headers the refused attempt carried', async () => {
    let token = 'token-1';
    const told: unknown[] = [];
    const auth: AuthProvider = {
      headers: () => ({ authorization: `Bearer ${token}` }),
      onUnauthorized: async (_signal, sent) => {
        told.push(sent);
        token = 'token-2';
        return true;
      },
      secrets: () => [],
    };
    const srv = await serve((_req, res) => json(res, 401, {}));
    await rejection(transport(srv.url, { auth }).request({ method: 'GET', path: '/x' }));
    expect(told).toEqual([{ authorization: 'Bearer token-1' }]);
  });

  it('raceAbort: the promise, unless the signal aborts first or already has; the promise goes on', async () => {
    let settle: (v: string) => void = () => {};
    const shared = new Promise<string>((r) => {
      settle = r;
    });
    const controller = new AbortController();
    const waiting = raceAbort(shared, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(raceAbort(shared, controller.signal)).rejects.toThrow('stop');
    settle('done');
    await expect(raceAbort(shared, new AbortController().signal)).resolves.toBe('done');
    await expect(raceAbort(shared, undefined)).resolves.toBe('done');
  });

  it('onUnauthorized → false is an AuthenticationError without a resend', async () => {
    const srv = await serve((_req, res) => json(res, 401, { message: 'expired' }));
    const auth: AuthProvider = { headers: () => ({}), onUnauthorized: async () => false, secrets: () => [] };
    const err = await rejection(transport(srv.url, { auth }).request({ method: 'GET', path: '/x' }));
    expect(AuthenticationError.isInstance(err)).toBe(true);
    expect(srv.hits).toHaveLength(1);
  });

  it('a second 401 after renewing is an AuthenticationError: renewal happens once per request', async () => {
    const srv = await serve((_req, res) => json(res, 401, {}));
    let renewals = 0;
    const auth: AuthProvider = {
      headers: () => ({}),
      onUnauthorized: async () => {
        renewals += 1;
        return true;
      },
      secrets: () => [],
    };
    const err = await rejection(transport(srv.url, { auth }).request({ method: 'GET', path: '/x' }));
    expect(AuthenticationError.isInstance(err)).toBe(true);
    expect(srv.hits).toHaveLength(2);
    expect(renewals).toBe(1);
  });

  it('anonymous requests never trigger a renewal; a failing renewal surfaces as a CommerceError', async () => {
    const srv = await serve((_req, res) => json(res, 401, {}));
    let renewals = 0;
    const auth: AuthProvider = {
      headers: () => ({}),
      onUnauthorized: async () => {
        renewals += 1;
        throw new AuthenticationError('login refused', { platform: 'test' });
      },
      secrets: () => [],
    };
    const t = transport(srv.url, { auth });
    await rejection(t.request({ method: 'POST', path: '/auth/login', anonymous: true }));
    expect(renewals).toBe(0);
    const err = await rejection(t.request({ method: 'GET', path: '/x' }));
    expect(err.message).toBe('login refused');
    expect(renewals).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe('timeouts and network errors', () => {
  it('a server that never answers is a TimeoutError after timeoutMs', async () => {
    const srv = await serve(() => {});
    const started = performance.now();
    const err = await rejection(
      transport(srv.url, { timeoutMs: 100, retry: false }).request({ method: 'GET', path: '/slow' }),
    );
    const elapsed = performance.now() - started;
    expect(TimeoutError.isInstance(err)).toBe(true);
    expect(err.retryable).toBe(true);
    expect(err.message).toBe('test: GET /slow timed out after 100 ms');
    expect(elapsed).toBeGreaterThanOrEqual(90);
  });

  it('a timeout is retried for GET (and succeeds when the server answers), not for POST', async () => {
    const srv = await serve((_req, res, _hit, n) => (n === 1 ? undefined : json(res, 200, { ok: 1 })));
    const t = transport(srv.url, { timeoutMs: 100 });
    expect((await t.request({ method: 'GET', path: '/x' })).body).toEqual({ ok: 1 });
    expect(t.metrics.retries).toBe(1);
    expect(t.metrics.responses).toEqual({ network: 1, '2xx': 1 });

    const hang = await serve(() => {});
    const p = transport(hang.url, { timeoutMs: 100 });
    expect(
      TimeoutError.isInstance(await rejection(p.request({ method: 'POST', path: '/x', body: {} }))),
    ).toBe(true);
    // Counted as sent, not as arrived: on a busy machine the one attempt may time out before the
    // server has read it.
    expect(p.metrics.requests).toBe(1);
    expect(p.metrics.retries).toBe(0);
    expect(hang.hits.length).toBeLessThanOrEqual(1);
  });

  it('a body that stalls after the headers also times out', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":');
    });
    const err = await rejection(
      transport(srv.url, { timeoutMs: 150, retry: false }).request({ method: 'GET', path: '/x' }),
    );
    expect(TimeoutError.isInstance(err)).toBe(true);
  });

  it('a connection reset is a NetworkError with the socket code, retried for GET', async () => {
    const srv = await serve((req, res, _hit, n) =>
      n === 1 ? req.socket.destroy() : json(res, 200, { ok: 1 }),
    );
    const t = transport(srv.url);
    expect((await t.request({ method: 'GET', path: '/x' })).body).toEqual({ ok: 1 });
    expect(t.metrics.retries).toBe(1);

    const reset = await serve((req) => req.socket.destroy());
    const once = transport(reset.url, { retry: { retries: 1 } });
    const err = await rejection(once.request({ method: 'GET', path: '/x' }));
    expect(NetworkError.isInstance(err)).toBe(true);
    expect(err.retryable).toBe(true);
    expect(err.code).toMatch(/^(ECONNRESET|UND_ERR_SOCKET|EPIPE)$/);
    expect(err.message).toBe(`test: GET /x failed: ${err.code}`);
    expect(reset.hits).toHaveLength(2);
    expect(once.metrics.responses).toEqual({ network: 2 });
  });

  it('a connection reset on POST is not retried', async () => {
    const srv = await serve((req) => req.socket.destroy());
    const err = await rejection(transport(srv.url).request({ method: 'POST', path: '/x', body: {} }));
    expect(NetworkError.isInstance(err)).toBe(true);
    expect(srv.hits).toHaveLength(1);
  });

  it('a refused connection is a NetworkError', async () => {
    const srv = await serve(() => {});
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const err = await rejection(transport(srv.url, { retry: false }).request({ method: 'GET', path: '/x' }));
    expect(NetworkError.isInstance(err)).toBe(true);
    expect(err.code).toBe('ECONNREFUSED');
  });

  it('a user-supplied fetch is used', async () => {
    const srv = await serve((_req, res) => json(res, 200, {}));
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return globalThis.fetch(input, init);
    };
    await transport(srv.url, { fetch }).request({ method: 'GET', path: '/via-custom', query: { a: 1 } });
    expect(seen).toEqual([`${srv.url}/via-custom?a=1`]);
  });
});

describe('AbortSignal', () => {
  function expectAbort(err: CommerceError, reason?: unknown): void {
    expect(AbortError.isInstance(err)).toBe(true);
    expect(err.retryable).toBe(false);
    if (reason !== undefined) expect(err.cause).toBe(reason);
  }

  it('aborts an in-flight request promptly, without retrying', async () => {
    const srv = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await rejection(
      transport(srv.url).request({ method: 'GET', path: '/x', signal: controller.signal }),
    );
    expectAbort(err, controller.signal.reason);
    await tick(30);
    expect(srv.hits).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const srv = await serve((_req, res) => json(res, 200, {}));
    const signal = AbortSignal.abort();
    expectAbort(await rejection(transport(srv.url).request({ method: 'GET', path: '/x', signal })));
    const limited = transport(srv.url, { limiter: { schedule: (fn) => Promise.resolve(fn()) } });
    expectAbort(await rejection(limited.request({ method: 'GET', path: '/x', signal })));
    expect(srv.hits).toHaveLength(0);
  });

  it('aborts a request waiting in the limiter, and it never goes out', async () => {
    const srv = await serve((_req, res) => json(res, 200, {}));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const limiter: LimiterLike = { schedule: (fn) => gate.then(fn) };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await rejection(
      transport(srv.url, { limiter }).request({ method: 'GET', path: '/x', signal: controller.signal }),
    );
    expectAbort(err);
    open();
    await tick(30);
    expect(srv.hits).toHaveLength(0);
  });

  it('aborts a request queued in a real bottleneck limiter', async () => {
    const srv = await serve((_req, res) => json(res, 200, {}));
    const t = transport(srv.url, { rateLimit: { key: uniqueKey(), limit: 1, windowMs: 3000 } });
    await t.request({ method: 'GET', path: '/first' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expectAbort(await rejection(t.request({ method: 'GET', path: '/second', signal: controller.signal })));
    expect(srv.hits.map((h) => h.url)).toEqual(['/first']);
  });

  it('aborts a backoff sleep (a long Retry-After) promptly', async () => {
    const srv = await serve((_req, res) => json(res, 503, {}, { 'retry-after': '30' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    const err = await rejection(
      transport(srv.url).request({ method: 'GET', path: '/x', signal: controller.signal }),
    );
    expectAbort(err, controller.signal.reason);
    expect(srv.hits).toHaveLength(1);
  });

  it('aborts a backoff sleep after a network error', async () => {
    const srv = await serve((req) => req.socket.destroy());
    const controller = new AbortController();
    const t = transport(srv.url, { retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 } });
    // Full jitter over [0, 10 s]: whichever sleep the abort lands in, it ends it at once.
    setTimeout(() => controller.abort(), 150);
    const err = await rejection(t.request({ method: 'GET', path: '/x', signal: controller.signal }));
    expectAbort(err);
  });
});

// ---------------------------------------------------------------------------------------------

describe('redaction', () => {
  const forms = [SECRET, toBase64(`${USER}:${SECRET}`), encodeURIComponent(SECRET)];

  function expectClean(err: CommerceError): void {
    const places = {
      string: String(err),
      message: err.message,
      json: JSON.stringify(err),
      body: JSON.stringify(err.body) ?? '',
      headers: JSON.stringify(err.headers) ?? '',
      stack: err.stack ?? '',
      issues: JSON.stringify((err as ValidationError).issues ?? []),
    };
    for (const [where, text] of Object.entries(places)) {
      for (const form of forms) expect(text, `${where} leaks ${form}`).not.toContain(form);
    }
  }

  it('an error body and headers echoing the secret and the Basic header never show it', async () => {
    const srv = await serve((req, res) =>
      json(
        res,
        422,
        {
          message: `invalid credentials ${SECRET} (${req.headers.authorization})`,
          echo: { authorization: req.headers.authorization, headers: req.headers },
          token: 'opaque-token-value',
          list: [SECRET, { nested: `x${encodeURIComponent(SECRET)}y` }],
          errors: { password: [`"${SECRET}" is wrong`] },
        },
        {
          'set-cookie': `session=${SECRET}`,
          'x-debug-auth': String(req.headers.authorization),
          'x-request-id': 'req-red',
        },
      ),
    );
    const t = transport(srv.url, { auth: basicAuth, parseErrorBody });
    const err = await rejection(t.request({ method: 'POST', path: '/login', body: { password: SECRET } }));
    expect(ValidationError.isInstance(err)).toBe(true);
    expectClean(err);
    expect(err.headers?.['set-cookie']).toBe(REDACTED);
    expect(err.headers?.['x-debug-auth']).toBe(`Basic ${REDACTED}`);
    expect(err.headers?.['x-request-id']).toBe('req-red');
    expect(err.message).toContain(REDACTED);
    const body = err.body as Record<string, unknown>;
    expect(body.token).toBe(REDACTED);
    expect((body.echo as Record<string, unknown>).authorization).toBe(REDACTED);
    expect((err as ValidationError).issues[0]?.message).toBe(`"${REDACTED}" is wrong`);
  });

  it('a secret in the path never reaches a message, whatever the failure', async () => {
    const hang = await serve(() => {});
    const t = transport(hang.url, { auth: basicAuth, timeoutMs: 80, retry: false });
    const path = `/keys/${encodeURIComponent(SECRET)}`;
    expectClean(await rejection(t.request({ method: 'GET', path })));
    const shape = await serve((_req, res) => {
      res.writeHead(200);
      res.end('not json');
    });
    const s = transport(shape.url, { auth: basicAuth, retry: false });
    expectClean(await rejection(s.request({ method: 'POST', path })));
    expectClean(await rejection(s.request({ method: 'GET', path: `/keys/${SECRET}` }, ListSchema)));
    const reset = await serve((req) => req.socket.destroy());
    expectClean(
      await rejection(
        transport(reset.url, { auth: basicAuth, retry: false }).request({ method: 'GET', path }),
      ),
    );
    expectClean(await rejection(t.request({ method: 'GET', path, signal: AbortSignal.abort() })));
  });

  it('redactHeaders replaces credential-bearing headers, whatever their case', () => {
    const headers = new Headers({
      Authorization: 'Basic abc',
      'Proxy-Authorization': 'x',
      Cookie: 'a=b',
      'X-Api-Key': 'k',
      'X-Auth-Token': 't',
      'X-Session-Id': 's',
      'X-Client-Secret': 's',
      'Content-Type': 'application/json',
      'X-Request-Id': 'r1',
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: REDACTED,
      'proxy-authorization': REDACTED,
      cookie: REDACTED,
      'x-api-key': REDACTED,
      'x-auth-token': REDACTED,
      'x-session-id': REDACTED,
      'x-client-secret': REDACTED,
      'content-type': 'application/json',
      'x-request-id': 'r1',
    });
    expect(redactHeaders({ 'Set-Cookie': 'x', Tenant: 'acme' })).toEqual({
      'set-cookie': REDACTED,
      tenant: 'acme',
    });
    expect(redactHeaders(undefined)).toEqual({});
  });

  it('redactHeaders reads a Headers-like object from another fetch implementation', () => {
    const foreign = {
      *entries(): IterableIterator<[string, string]> {
        yield ['authorization', 'Bearer x'];
        yield ['x-n', '1'];
      },
    };
    expect(redactHeaders(foreign as unknown as Headers)).toEqual({ authorization: REDACTED, 'x-n': '1' });
  });

  it('redactValue removes secret-looking keys and known secrets, deeply, without mutating', () => {
    const input = {
      password: 'p',
      clientSecret: 's',
      access_token: 't',
      api_key: 'k',
      apiKey: 'k',
      'x-api-key': 'k',
      Authorization: 'a',
      credentials: 'c',
      tokenCount: 3,
      note: `has ${SECRET} inside`,
      list: [`${SECRET}`, 1, null, { password: 'nested' }],
      ok: 'fine',
    };
    const copy = structuredClone(input);
    expect(redactValue(input, [SECRET])).toEqual({
      password: REDACTED,
      clientSecret: REDACTED,
      access_token: REDACTED,
      api_key: REDACTED,
      apiKey: REDACTED,
      'x-api-key': REDACTED,
      Authorization: REDACTED,
      credentials: REDACTED,
      tokenCount: 3,
      note: `has ${REDACTED} inside`,
      list: [REDACTED, 1, null, { password: REDACTED }],
      ok: 'fine',
    });
    expect(input).toEqual(copy);
    expect(redactValue(`x${SECRET}`, [SECRET])).toBe(`x${REDACTED}`);
    expect(redactValue(42, [SECRET])).toBe(42);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 30; i++) deep = { d: deep };
    expect(JSON.stringify(redactValue(deep, []))).toContain(REDACTED);
  });

  it('redactString removes every occurrence, ignoring secrets under 4 characters', () => {
    expect(redactString('a-secret and a-secret', ['a-secret'])).toBe(`${REDACTED} and ${REDACTED}`);
    expect(redactString('abc abc', ['abc'])).toBe('abc abc');
    expect(redactString('nothing', [])).toBe('nothing');
  });

  it('secretForms lists the raw, Basic and URL-encoded forms', () => {
    const list = secretForms('user', 'pa:ss/w+rd');
    expect(list).toContain('user');
    expect(list).toContain('pa:ss/w+rd');
    expect(list).toContain(toBase64('user:pa:ss/w+rd'));
    expect(list).toContain(encodeURIComponent('pa:ss/w+rd'));
    expect(new Set(list).size).toBe(list.length);
    const single = secretForms('only-a-token', undefined, '');
    expect(single).toEqual(['only-a-token']);
    expect(secretForms()).toEqual([]);
  });

  it('toBase64 encodes UTF-8 like Buffer does', () => {
    for (const text of ['user:pass', 'é:ü€', ''])
      expect(toBase64(text)).toBe(Buffer.from(text).toString('base64'));
  });
});

// ---------------------------------------------------------------------------------------------

describe('rate limiting', () => {
  it('spacingFor spreads the limit over the window with a 1% + 50 ms margin, to 0.1 ms', () => {
    expect(spacingFor({ limit: 100, windowMs: 60_000 })).toBe(606.5);
    expect(spacingFor({ limit: 1000, windowMs: 60_000 })).toBe(60.7);
    expect(spacingFor({ limit: 2, windowMs: 1000 })).toBe(530);
    expect(spacingFor({ limit: 10, windowMs: 200 })).toBe(25.2);
    expect(spacingFor({ limit: 100, windowMs: 2000 })).toBe(20.7);
  });

  it('hashKey is stable, short and does not contain the key', () => {
    expect(hashKey(`tenant:${SECRET}`)).toBe(hashKey(`tenant:${SECRET}`));
    expect(hashKey(`tenant:${SECRET}`)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashKey('a')).not.toBe(hashKey('b'));
  });

  // How many requests a window holds is checked on a fake clock in rate-limit-clock.test.ts: on a
  // busy machine, real arrival times bunch up and say more about the scheduler than the limiter.
  /** A fetch that notes when each request was sent: arrival times at the server bunch up under load. */
  function timedFetch(): { fetch: typeof globalThis.fetch; sent: number[] } {
    const sent: number[] = [];
    return {
      sent,
      fetch: (input, init) => {
        sent.push(performance.now());
        return globalThis.fetch(input, init);
      },
    };
  }

  it('limit 10 per 200 ms: 20 requests are sent over at least 19 spacings', async () => {
    const srv = await serve((_req, res) => json(res, 200, {}));
    const timed = timedFetch();
    const t = transport(srv.url, {
      fetch: timed.fetch,
      rateLimit: { key: uniqueKey(), limit: 10, windowMs: 200 },
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.request({ method: 'GET', path: `/r/${i}` })));
    expect(srv.hits).toHaveLength(20);
    // Timers fire late, never early (but for whole-millisecond rounding), so this lower bound
    // holds however loaded the machine is.
    expect(Math.max(...timed.sent) - Math.min(...timed.sent)).toBeGreaterThan(19 * 25.2 - 20);
  });

  it('two transports with the same key share one limiter', async () => {
    const srv = await serve((_req, res) => json(res, 200, {}));
    const key = uniqueKey();
    const timed = timedFetch();
    const a = transport(srv.url, { fetch: timed.fetch, rateLimit: { key, limit: 10, windowMs: 200 } });
    const b = transport(srv.url, { fetch: timed.fetch, rateLimit: { key, limit: 10, windowMs: 200 } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).request({ method: 'GET', path: `/r/${i}` })),
    );
    // Two separate limiters would finish in about 9 spacings; one shared takes at least 19.
    expect(Math.max(...timed.sent) - Math.min(...timed.sent)).toBeGreaterThan(19 * 25.2 - 20);
  });

  it('different keys do not share', async () => {
    // A barrier: neither is answered until both are in, so a shared budget (one request a minute)
    // would hold the second back and the test would time out.
    const srv = await serveBarrier(2);
    const a = transport(srv.url, { rateLimit: { key: uniqueKey(), limit: 1, windowMs: 60_000 } });
    const b = transport(srv.url, { rateLimit: { key: uniqueKey(), limit: 1, windowMs: 60_000 } });
    await Promise.all([a.request({ method: 'GET', path: '/a' }), b.request({ method: 'GET', path: '/b' })]);
    expect(srv.hits).toHaveLength(2);
  });

  it('limiter: false disables it', async () => {
    const srv = await serveBarrier(10);
    const t = transport(srv.url, {
      limiter: false,
      rateLimit: { key: uniqueKey(), limit: 1, windowMs: 60_000 },
    });
    await Promise.all(Array.from({ length: 10 }, () => t.request({ method: 'GET', path: '/x' })));
    expect(srv.hits).toHaveLength(10);
  });

  it('a user-supplied { schedule } limiter is used for every attempt; unlimited bypasses it', async () => {
    const srv = await serve((_req, res, _hit, n) => (n === 2 ? json(res, 503, {}) : json(res, 200, {})));
    let scheduled = 0;
    const limiter: LimiterLike = {
      schedule: (fn) => {
        scheduled += 1;
        return Promise.resolve(fn());
      },
    };
    const t = transport(srv.url, { limiter, rateLimit: { key: uniqueKey(), limit: 1, windowMs: 60_000 } });
    await t.request({ method: 'GET', path: '/1' });
    await t.request({ method: 'GET', path: '/2' }); // 503 then 200: two attempts, two schedules
    expect(scheduled).toBe(3);
    await t.request({ method: 'GET', path: '/3', unlimited: true });
    expect(scheduled).toBe(3);
    let other = 0;
    await t.request({
      method: 'GET',
      path: '/4',
      limiter: {
        schedule: (fn) => {
          other += 1;
          return Promise.resolve(fn());
        },
      },
    });
    expect(other).toBe(1);
    expect(scheduled).toBe(3);
    expect(srv.hits).toHaveLength(5);
  });

  it('unlimited: true bypasses the default limiter', async () => {
    const srv = await serveBarrier(5);
    const t = transport(srv.url, { rateLimit: { key: uniqueKey(), limit: 1, windowMs: 60_000 } });
    await Promise.all(
      Array.from({ length: 5 }, () => t.request({ method: 'GET', path: '/free', unlimited: true })),
    );
    expect(srv.hits).toHaveLength(5);
  });
});

describe('metrics', () => {
  it('counts requests, retries, 429s and responses by class', async () => {
    const srv = await serve((req, res) => {
      if (req.url === '/ok') return json(res, 200, {});
      if (req.url === '/missing') return json(res, 404, {});
      if (req.url === '/flaky') return json(res, 429, {}, { 'retry-after': '0' });
      if (req.url === '/reset') return req.socket.destroy();
      return json(res, 503, {});
    });
    const t = transport(srv.url, { retry: { retries: 1 } });
    expect(t.metrics).toEqual({ requests: 0, retries: 0, rateLimited: 0, responses: {} });
    await t.request({ method: 'GET', path: '/ok' });
    await rejection(t.request({ method: 'GET', path: '/missing' }));
    await rejection(t.request({ method: 'GET', path: '/flaky' }));
    await rejection(t.request({ method: 'GET', path: '/down' }));
    await rejection(t.request({ method: 'GET', path: '/reset' }));
    expect(t.metrics).toEqual({
      requests: 8,
      retries: 3,
      rateLimited: 2,
      responses: { '2xx': 1, '4xx': 3, '5xx': 2, network: 2 },
    });
  });
});
