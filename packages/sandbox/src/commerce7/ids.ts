import type { Rng } from '../rng';

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Eight hex digits from one draw of the generator. */
function hex32(rng: Rng): string {
  const n = Math.floor(rng.next() * 0x1_0000_0000);
  return BYTE_HEX[n >>> 24]! + BYTE_HEX[(n >>> 16) & 255]! + BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;
}

/** A random-looking (version 4 layout) UUID drawn from the seeded generator, so ids are reproducible. */
export function uuidFrom(rng: Rng): string {
  const a = hex32(rng);
  const b = Math.floor(rng.next() * 0x1_0000_0000);
  const c = Math.floor(rng.next() * 0x1_0000_0000);
  const d = hex32(rng);
  return `${a}-${BYTE_HEX[b >>> 24]}${BYTE_HEX[(b >>> 16) & 255]}-4${BYTE_HEX[(b >>> 8) & 15]!.slice(1)}${BYTE_HEX[b & 255]}-${BYTE_HEX[0x80 | ((c >>> 24) & 0x3f)]}${BYTE_HEX[(c >>> 16) & 255]}-${BYTE_HEX[(c >>> 8) & 255]}${BYTE_HEX[c & 255]}${d}`;
}

/**
 * Commerce7's cursors look like time-based (version 1) UUIDs, e.g.
 * `584a97d0-3276-11ea-a64c-062a616166d8` (developer docs, "Cursor"). Ours have the same layout and
 * carry the position themselves (the sequence number of the last record served, which resource,
 * and a node id unique to this sandbox), so they survive being stored and reused later, as real
 * clients do (NOTES-research §1.1: lifetime UNCONFIRMED; we never expire them).
 */
export function encodeCursor(lastSeq: number, resourceTag: number, node: string): string {
  const low = (lastSeq >>> 0).toString(16).padStart(8, '0');
  const tag = (resourceTag & 0xffff).toString(16).padStart(4, '0');
  return `${low}-${tag}-11ea-a64c-${node}`;
}

const CURSOR = /^([0-9a-f]{8})-([0-9a-f]{4})-11ea-a64c-([0-9a-f]{12})$/;

/** The position a cursor carries, or undefined when it is not one this sandbox issued for `resourceTag`. */
export function decodeCursor(cursor: string, resourceTag: number, node: string): number | undefined {
  const m = CURSOR.exec(cursor);
  if (!m || m[3] !== node || Number.parseInt(m[2]!, 16) !== resourceTag) return undefined;
  return Number.parseInt(m[1]!, 16);
}

/** The 12-hex-digit node part of this sandbox's cursors, fixed by the seed. */
export function cursorNode(seed: number): string {
  const h = Math.imul(seed >>> 0, 0x9e3779b1) >>> 0;
  return `062a${h.toString(16).padStart(8, '0')}`;
}
