/**
 * Test support: the redirect checks every adapter must pass, against real loopback https
 * servers. The platform answers every request with a redirect to another origin (another port,
 * or plain http); the other origin must receive nothing at all.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CommerceAdapter } from '../../src/adapter';
import { RedirectError } from '../../src/errors';
import { fetchTrusting, makeCertificate, type Served, serve } from './tls';

export interface RedirectSubject {
  name: string;
  /** An adapter on `baseUrl` (no retries, no limiter) that sends through `fetch`. */
  create(baseUrl: string, fetch: typeof globalThis.fetch): CommerceAdapter;
  /** Every credential the adapter was given (none may reach the other origin or the error). */
  secrets: readonly string[];
  /** What the platform saw first: e.g. `POST /v1/auth/login` for a password session. */
  firstRequest: string;
}

export function redirectSuite(subject: RedirectSubject): void {
  const made = makeCertificate();
  if ('skip' in made) {
    console.warn(`${subject.name}: skipping the https redirect tests: ${made.skip}`);
    describe.skip(`${subject.name}: redirects`, () => {
      it('needs openssl', () => undefined);
    });
    return;
  }
  const tls = made;
  const open: Served[] = [];
  const adapters: CommerceAdapter[] = [];
  afterEach(async () => {
    await Promise.all(adapters.splice(0).map((a) => a.close().catch(() => undefined)));
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  describe(`${subject.name}: redirects never carry credentials off the platform's origin`, () => {
    for (const status of [301, 302, 307, 308]) {
      for (const to of ['another https origin', 'plain http'] as const) {
        it(`${status} to ${to}: RedirectError, and the other server gets no request`, async () => {
          const other = await serve(to === 'plain http' ? undefined : tls, (_req, res) => res.end('{}'));
          open.push(other);
          const platform = await serve(tls, (_req, res) => {
            res.writeHead(status, { location: `${other.origin}/v1/customers?x=1` });
            res.end();
          });
          open.push(platform);
          const adapter = subject.create(`${platform.origin}/v1`, fetchTrusting(tls.cert));
          adapters.push(adapter);
          let err: unknown;
          try {
            await adapter.customers.list({ limit: 5 });
          } catch (e) {
            err = e;
          }
          expect(RedirectError.isInstance(err)).toBe(true);
          expect((err as RedirectError).code).toBe('redirect_refused');
          expect(other.hits).toHaveLength(0);
          expect(platform.hits).toHaveLength(1);
          const first = platform.hits[0]!;
          expect(`${first.method} ${first.url.split('?')[0]}`).toBe(subject.firstRequest);
          const shown = `${(err as Error).message}${JSON.stringify(err)}${inspect(err)}`;
          for (const s of subject.secrets) expect(shown).not.toContain(s);
        });
      }
    }
  });
}
