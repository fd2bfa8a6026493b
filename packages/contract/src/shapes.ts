import {
  CustomerSchema,
  OrderSchema,
  ProductSchema,
  type ResourceName,
  ResponseShapeError,
} from '@storeport/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, type Harness, openHarness, RESOURCES, requireOperation } from './harness';
import type { ContractOptions } from './types';

const SCHEMAS = { customers: CustomerSchema, orders: OrderSchema, products: ProductSchema } as const;

/** A value of a different JSON type than `v`, so the field is certainly wrong if the adapter reads it. */
function wrongTypeFor(v: unknown): fc.Arbitrary<unknown> {
  const all: Array<fc.Arbitrary<unknown>> = [];
  if (typeof v !== 'string') all.push(fc.constantFrom('', 'not-a-number', '12.3.4', '2020-99-99'));
  if (typeof v !== 'number') all.push(fc.constantFrom(-1, 1.5, 1e21));
  if (typeof v !== 'object' || v === null || Array.isArray(v)) all.push(fc.constant({ unexpected: true }));
  if (!Array.isArray(v)) all.push(fc.constant([1, 'two']));
  if (typeof v !== 'boolean') all.push(fc.boolean());
  return fc.oneof(...all);
}

/**
 * Serves records with one field replaced by a value of the wrong type. The adapter must either
 * map the record correctly (it does not need that field) or raise a ResponseShapeError that names
 * it — never a TypeError, never a half-mapped record.
 */
export function registerShapes<O extends object>(options: ContractOptions<O>): void {
  describe('malformed records from the platform', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await openHarness(options);
    });
    afterAll(() => h?.close());

    for (const resource of RESOURCES) {
      it(`a wrong-typed field in a ${resource} record is a ResponseShapeError naming it, or harmless`, async (ctx) => {
        requireOperation(ctx, h.adapter, options.name, resource, 'get');
        const ids = h.sandbox.store.ids(resource).slice(0, 3);
        const originals = new Map(ids.map((id) => [id, h.sandbox.store.getRaw(resource, id)!]));
        const keys = [...new Set(ids.flatMap((id) => Object.keys(originals.get(id)!)))];
        try {
          await fc.assert(
            fc.asyncProperty(
              fc
                .constantFrom(...ids)
                .chain((id) =>
                  fc
                    .constantFrom(...keys)
                    .chain((key) => wrongTypeFor(originals.get(id)![key]).map((bad) => ({ id, key, bad }))),
                ),
              async ({ id, key, bad }) => {
                const original = originals.get(id)!;
                h.sandbox.store.putRaw(resource, id, { ...original, [key]: bad });
                try {
                  const outcome = await h.adapter[resource].get(id).then(
                    (record) => ({ record }),
                    (err: unknown) => ({ err }),
                  );
                  if ('record' in outcome) {
                    const parsed = SCHEMAS[resource].safeParse(outcome.record);
                    expect(parsed.success, `record mapped from a bad "${key}" does not fit the schema`).toBe(
                      true,
                    );
                    return;
                  }
                  const { err } = outcome;
                  expect(ResponseShapeError.isInstance(err), `bad "${key}" gave ${String(err)}`).toBe(true);
                  expectNoSecrets(err, h.sandbox.options);
                  const field = (err as ResponseShapeError).field;
                  expect(
                    field === key || field.startsWith(`${key}.`) || field.startsWith(`${key}[`),
                    `field "${field}" for key "${key}"`,
                  ).toBe(true);
                } finally {
                  h.sandbox.store.putRaw(resource, id, original);
                }
              },
            ),
            { numRuns: 40, seed: 42 },
          );
        } finally {
          for (const [id, raw] of originals) h.sandbox.store.putRaw(resource, id, raw);
        }
      });

      it(`a ${resource} record whose id is missing is a ResponseShapeError naming the id field`, async (ctx) => {
        requireOperation(ctx, h.adapter, options.name, resource, 'get');
        const id = h.sandbox.store.ids(resource)[0]!;
        const original = h.sandbox.store.getRaw(resource, id)!;
        const idField = h.sandbox.store.idField(resource);
        const { [idField]: _drop, ...rest } = original;
        h.sandbox.store.putRaw(resource, id, rest);
        try {
          const err = await h.adapter[resource].get(id).then(
            () => null,
            (e: unknown) => e,
          );
          expect(ResponseShapeError.isInstance(err), String(err)).toBe(true);
          expect((err as ResponseShapeError).field).toBe(idField);
          expectNoSecrets(err, h.sandbox.options);
        } finally {
          h.sandbox.store.putRaw(resource, id, original);
        }
      });
    }
  });
}

export type { ResourceName };
