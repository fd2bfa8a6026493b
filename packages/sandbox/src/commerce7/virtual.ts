import { createRng } from '../rng';
import { type Catalog, Commerce7Generator, GENERATED_EPOCH } from './generate';
import type { C7Customer } from './wire-types';

/**
 * `count` customers that exist only as positions 1..count: the record at a position is generated
 * when a page asks for it, from the seed and the position alone, so the same position always
 * gives the same customer and nothing is kept. Creation times ascend one minute apart.
 */
export class VirtualCustomers {
  readonly count: number;

  constructor(
    private readonly seed: number,
    private readonly catalog: Catalog,
    count: number,
  ) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new Error(`commerce7 sandbox: virtualCustomers must be a non-negative integer, got ${count}`);
    }
    this.count = count;
  }

  /** The customer at a position (1-based). */
  at(seq: number): C7Customer {
    const rng = createRng(mix(this.seed, seq));
    return new Commerce7Generator(rng, this.catalog).customer(GENERATED_EPOCH + seq * 60_000, seq).customer;
  }

  /** Rows after `seq`, generated one at a time as the reader asks. */
  *rowsAfter(seq: number): IterableIterator<{ seq: number; record: C7Customer }> {
    for (let i = Math.max(0, Math.floor(seq)) + 1; i <= this.count; i += 1)
      yield { seq: i, record: this.at(i) };
  }
}

/** A 32-bit seed from (seed, position), so neighbouring positions get unrelated sequences. */
function mix(seed: number, seq: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(seq, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
