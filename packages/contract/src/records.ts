import { InvalidRecordError, type ListParams, type Resource, type ResourceName } from '@storeport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, type Harness, listableResources, openHarness, skipWith } from './harness';
import type { ContractOptions } from './types';

/** Deeper than any reader may go (core refuses records nested past 64 levels). */
function deeplyNested(levels: number): unknown {
  let v: unknown = { end: true };
  for (let i = 0; i < levels; i++) v = { d: v };
  return v;
}

/**
 * One malformed record in the middle of a page is reported with its id, and everything beside
 * it still arrives: `list()` puts it in `page.invalid`, `iterate()` throws an InvalidRecordError
 * whose `resumeCursor` goes on right after it, or skips it, or hands it to a callback.
 */
export function registerRecords<O extends object>(options: ContractOptions<O>): void {
  describe('one bad record is reported, not fatal', () => {
    let h: Harness;
    let resource: ResourceName;
    let ids: string[];
    let bad: string;
    beforeAll(async () => {
      h = await openHarness(options);
    });
    afterAll(() => h?.close());
    /** The resource under test, as records with ids (whichever resource it is). */
    const records = () =>
      h.adapter[resource] as unknown as Resource<{ id: string }, ListParams, unknown, unknown>;

    /** Corrupts the record in the middle of the first page of 5 (by the adapter's own order). */
    async function corruptMiddle(ctx: Parameters<typeof skipWith>[0]): Promise<() => void> {
      const listable = listableResources(h.adapter);
      if (listable.length === 0) skipWith(ctx, `${options.name} can list nothing`);
      resource = listable.includes('orders') ? 'orders' : listable[0]!;
      ids = (await collect(records().iterate({ limit: 5 }))).map((r) => r.id);
      bad = ids[2]!;
      const original = h.sandbox.store.getRaw(resource, bad)!;
      h.sandbox.store.putRaw(resource, bad, { ...original, storeportJunk: deeplyNested(200) });
      return () => h.sandbox.store.putRaw(resource, bad, original);
    }

    it('list() returns the good records of the page and the bad one in page.invalid, with its id', async (ctx) => {
      const restore = await corruptMiddle(ctx);
      try {
        const page = await records().list({ limit: 5 });
        expect(page.items.map((r) => r.id)).toEqual(ids.slice(0, 5).filter((id) => id !== bad));
        expect(page.invalid).toHaveLength(1);
        expect(page.invalid![0]).toMatchObject({ index: 2, id: bad });
        expect(page.invalid![0]!.issues.length).toBeGreaterThan(0);
        expect(page.nextCursor).not.toBeNull();
      } finally {
        restore();
      }
    });

    it('iterate() throws InvalidRecordError after the records before it; resuming from its cursor loses and repeats nothing', async (ctx) => {
      const restore = await corruptMiddle(ctx);
      try {
        const seen: string[] = [];
        let error: unknown;
        try {
          for await (const r of records().iterate({ limit: 5 })) seen.push(r.id);
        } catch (err) {
          error = err;
        }
        expect(InvalidRecordError.isInstance(error), String(error)).toBe(true);
        const e = error as InvalidRecordError;
        expect(e).toMatchObject({ recordId: bad, resource });
        expect(seen).toEqual(ids.slice(0, 2));
        for await (const r of records().iterate({ cursor: e.resumeCursor })) seen.push(r.id);
        expect(seen).toEqual(ids.filter((id) => id !== bad));
      } finally {
        restore();
      }
    });

    it("iterate({ onInvalidRecord: 'skip' }) and a callback go on past it, each record once", async (ctx) => {
      const restore = await corruptMiddle(ctx);
      try {
        const skipped = (await collect(records().iterate({ limit: 5, onInvalidRecord: 'skip' }))).map(
          (r) => r.id,
        );
        expect(skipped).toEqual(ids.filter((id) => id !== bad));
        const reported: Array<string | null> = [];
        const all = await collect(
          records().iterate({ limit: 5, onInvalidRecord: (r) => void reported.push(r.id) }),
        );
        expect(all).toHaveLength(ids.length - 1);
        expect(reported).toEqual([bad]);
      } finally {
        restore();
      }
    });
  });
}
