/**
 * Test support: loopback https servers with a certificate made at test time (openssl), and a
 * `fetch` that trusts it. Shared by core's and each adapter's redirect tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export interface Tls {
  key: string;
  cert: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost, or the reason there is none. */
export function makeCertificate(): Tls | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'storeport-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } catch (err) {
    return { skip: `openssl could not make a test certificate (${(err as Error).message})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Served {
  /** `https://127.0.0.1:<port>` (or http for a plain server). */
  origin: string;
  hits: Hit[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: Hit) => void;

/** A loopback server (https with `tls`, else plain http) that records every request it gets. */
export async function serve(tls: Tls | undefined, handler: Handler): Promise<Served> {
  const hits: Hit[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      hits.push(hit);
      handler(req, res, hit);
    });
  };
  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert }, listener)
    : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A `fetch` over node:https that trusts `ca` and, like `fetch(..., { redirect: 'manual' })` in
 * Node, hands a 3xx back as it is. It refuses to run unless the caller asked for manual
 * redirects, so a test through it also proves the transport never lets fetch follow one.
 */
export function fetchTrusting(ca: string): typeof globalThis.fetch {
  return ((input: string | URL | Request, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      if (init.redirect !== 'manual') {
        reject(new Error(`test fetch: expected redirect: 'manual', got ${String(init.redirect)}`));
        return;
      }
      const url = new URL(String(input));
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => {
        headers[k] = v;
      });
      const lib = url.protocol === 'https:' ? https : http;
      const req = lib.request(
        url,
        { method: init.method ?? 'GET', headers, ca, ...(init.signal ? { signal: init.signal } : {}) },
        (res) => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (v === undefined) continue;
            for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
          }
          const status = res.statusCode ?? 500;
          const empty = status === 204 || status === 304 || init.method === 'HEAD';
          if (empty) res.resume();
          resolve(
            new Response(empty ? null : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>), {
              status,
              statusText: res.statusMessage ?? '',
              headers: out,
            }),
          );
        },
      );
      req.on('error', reject);
      if (typeof init.body === 'string') req.write(init.body);
      req.end();
    })) as typeof globalThis.fetch;
}
