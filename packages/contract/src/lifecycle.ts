/**
 * Calls that must be refused before anything reaches the platform: a record id that cannot be
 * one (empty, whitespace, a lone surrogate, not a string) and any call on a closed adapter.
 * Requests are counted at the sandbox, so a refusal that still sent something fails here.
 */
import { AdapterClosedError, CommerceError, type ResourceName, ValidationError } from '@storeport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, collect, type Harness, openHarness, RESOURCES, skipWith } from './harness';
import type { ContractOptions } from './types';

/** Ids no platform can have, each with what it is (shown when it is not refused). */
const BAD_IDS: ReadonlyArray<[string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['the empty string', ''],
  ['only whitespace', ' \t\n'],
  ['a lone surrogate', '\ud800'],
  ['a lone surrogate inside an id', `12\udc0034`],
  ['an object', { id: '1' }],
  ['a boolean', true],
];

type Call = (adapter: Record<string, Record<string, (...args: unknown[]) => unknown>>) => unknown;

/** Every id-taking method, with arguments that would be valid but for the id. */
function idCalls(resource: ResourceName, id: unknown): Array<[op: string, call: Call]> {
  const r = (a: Parameters<Call>[0]) => a[resource]!;
  const calls: Array<[string, Call]> = [
    ['get', (a) => r(a).get!(id)],
    ['update', (a) => r(a).update!(id, resource === 'orders' ? { note: 'contract' } : {})],
    ['delete', (a) => r(a).delete!(id)],
  ];
  if (resource === 'orders') {
    calls.push(
      ['updateStatus', (a) => r(a).updateStatus!(id, 'cancelled')],
      ['fulfill', (a) => r(a).fulfill!(id, {})],
      ['refund', (a) => r(a).refund!(id, { amount: { amount: 100, currency: 'USD' } })],
    );
  }
  return calls;
}

/** What a call did: its error, or that it returned. */
async function outcome(call: () => unknown): Promise<unknown> {
  try {
    await call();
    return { resolved: true };
  } catch (err) {
    return err;
  }
}

const describeOutcome = (e: unknown) =>
  e instanceof Error ? `${e.name}: ${e.message.slice(0, 160)}` : JSON.stringify(e)?.slice(0, 160);

export function registerLifecycle<O extends object>(options: ContractOptions<O>): void {
  describe('bad ids and closed adapters', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await openHarness(options);
    });
    afterAll(() => h?.close());

    for (const resource of RESOURCES) {
      it(`every id-taking ${resource} method refuses a bad id with ValidationError, sending nothing`, async (ctx) => {
        const adapter = h.adapter as unknown as Parameters<Call>[0];
        const ops = idCalls(resource, undefined)
          .map(([op]) => op)
          .filter((op) => can(h.adapter, resource, op));
        if (ops.length === 0)
          skipWith(ctx, `${options.name} cannot get, update or delete ${resource} (not in its capabilities)`);
        const wrong: string[] = [];
        h.sandbox.resetStats();
        for (const [what, id] of BAD_IDS) {
          for (const [op, call] of idCalls(resource, id)) {
            if (!ops.includes(op)) continue;
            const before = h.sandbox.stats.requests;
            const err = await outcome(() => call(adapter));
            const sent = h.sandbox.stats.requests - before;
            if (!ValidationError.isInstance(err)) wrong.push(`${op}(${what}): ${describeOutcome(err)}`);
            else if (sent > 0) wrong.push(`${op}(${what}): ValidationError, but ${sent} request(s) sent`);
          }
        }
        expect(wrong, 'calls with a bad id not refused before any request').toEqual([]);
        expect(h.sandbox.stats.requests).toBe(0);
      });
    }

    it('after close() every call rejects with AdapterClosedError and sends nothing; close() is idempotent', async () => {
      const adapter = h.another();
      const raw = adapter as unknown as Parameters<Call>[0];
      const ids = Object.fromEntries(RESOURCES.map((r) => [r, h.sandbox.store.ids(r)[0]])) as Record<
        ResourceName,
        string
      >;
      await adapter.close();
      // Closing may itself talk to the platform (a logout); only what comes after counts.
      h.sandbox.resetStats();
      const calls: Array<[string, () => unknown]> = [
        ['request', () => adapter.request({ method: 'GET', path: '/' })],
      ];
      for (const resource of RESOURCES) {
        const supported = (op: string) => can(adapter, resource, op);
        if (supported('list')) {
          calls.push([`${resource}.list`, () => adapter[resource].list({ limit: 1 })]);
          calls.push([
            `${resource}.iterate`,
            () => collect<unknown>(adapter[resource].iterate({ limit: 1 })),
          ]);
        }
        if (supported('create')) calls.push([`${resource}.create`, () => raw[resource]!.create!({})]);
        for (const [op, call] of idCalls(resource, ids[resource])) {
          if (supported(op)) calls.push([`${resource}.${op}`, () => call(raw)]);
        }
      }
      const kinds = new Set<string>();
      const wrong: string[] = [];
      for (const [name, call] of calls) {
        const err = await outcome(call);
        if (!AdapterClosedError.isInstance(err)) wrong.push(`${name}: ${describeOutcome(err)}`);
        else kinds.add(`${err.name}/${err.code}`);
      }
      expect(wrong, 'calls on a closed adapter not refused with AdapterClosedError').toEqual([]);
      expect([...kinds]).toEqual(['AdapterClosedError/adapter_closed']);
      expect(h.sandbox.stats.requests, 'requests the sandbox saw after close()').toBe(0);
      await expect(adapter.close()).resolves.toBeUndefined();
      expect(CommerceError.isInstance(await outcome(() => adapter.customers.list()))).toBe(true);
      expect(h.sandbox.stats.requests).toBe(0);
    });
  });
}
