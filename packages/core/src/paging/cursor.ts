/**
 * The opaque cursor codec (DESIGN.md "Pagination").
 *
 * A cursor is base64url (no padding) of the canonical JSON (keys sorted recursively, no
 * whitespace) of `{ c, f, n, p, r, s, v }`: version, platform, resource, page size, filters,
 * the platform's native paging state, and `c`, an FNV-1a 64-bit checksum (16 hex digits) of the
 * canonical JSON of the other six fields. Decoding insists on that exact form (canonical base64,
 * canonical JSON, matching checksum), so each payload has exactly one cursor string and any edit
 * is rejected rather than read as some other page.
 *
 * The checksum makes cursors tamper-evident, not tamper-proof: it catches truncation, copy/paste
 * damage and hand edits, but anyone can compute it. The native state is handed back to the
 * platform, which validates it again. Pure JS (btoa/atob, TextEncoder/TextDecoder): no Buffer,
 * no node:crypto, so it runs on edge runtimes.
 */
import { InvalidCursorError } from '../errors';

export const CURSOR_VERSION = 1;

/** Cursors longer than this are refused, on encode and on decode. */
const MAX_CURSOR_LENGTH = 4096;
/** Deeper JSON is refused (this also stops cyclic structures). */
const MAX_DEPTH = 32;

export interface CursorPayload<N = unknown> {
  /** The platform the cursor was made on, e.g. `'commercehq'`. */
  platform: string;
  /** The resource listed: `'customers' | 'orders' | 'products'` or any other string. */
  resource: string;
  /** Items per page the cursor was made with (a positive integer). */
  pageSize: number;
  /** The list filters the cursor was made with (JSON-serialisable; undefined-valued keys are dropped). */
  filters: Record<string, unknown>;
  /** The platform's own paging state: a page number, a native cursor string, … (JSON-serialisable). */
  native: N;
  /**
   * Records at the start of the page at `native` already handed out: a cursor that resumes inside
   * a page (right after a record that failed validation). Absent (or 0) for a whole page.
   */
  skip?: number;
}

export interface CursorExpectation {
  /** The platform the cursor is being used on. */
  platform: string;
  /** The resource being listed. */
  resource: string;
  /** When given, the cursor must have been made with these filters (undefined-valued keys ignored). */
  filters?: Record<string, unknown>;
}

/** Encode a payload as an opaque cursor string. Throws InvalidCursorError when it cannot be encoded. */
export function encodeCursor(payload: CursorPayload): string {
  const platform = typeof payload?.platform === 'string' ? payload.platform : 'core';
  const fail = (reason: string): InvalidCursorError =>
    new InvalidCursorError(`Cannot encode cursor: ${reason}`, { platform, code: 'invalid_cursor' });
  if (typeof payload !== 'object' || payload === null) throw fail('payload must be an object');
  const problem = fieldProblem(payload.platform, payload.resource, payload.pageSize, payload.filters);
  if (problem) throw fail(problem);
  if (payload.native === undefined) throw fail('native paging state is undefined (use null for none)');
  const skip = payload.skip ?? 0;
  if (!Number.isSafeInteger(skip) || skip < 0) throw fail('skip must be a non-negative integer');
  let body: string;
  try {
    body = canonicalBody(
      payload.platform,
      payload.resource,
      payload.pageSize,
      payload.filters,
      payload.native,
      skip,
    );
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  const cursor = toBase64Url(new TextEncoder().encode(withChecksum(body, checksumOf(body))));
  if (cursor.length > MAX_CURSOR_LENGTH) {
    throw fail(
      `it would be ${cursor.length} characters long (the limit is ${MAX_CURSOR_LENGTH}); use fewer filters`,
    );
  }
  return cursor;
}

/**
 * Decode a cursor made by `encodeCursor`, checking it is intact and belongs to this platform,
 * resource and (when `expected.filters` is given) filters. Throws InvalidCursorError otherwise.
 */
export function decodeCursor<N = unknown>(cursor: string, expected: CursorExpectation): CursorPayload<N> {
  const fail = (reason: string): InvalidCursorError =>
    new InvalidCursorError(`Invalid cursor: ${reason}`, {
      platform: expected.platform,
      code: 'invalid_cursor',
    });

  if (typeof cursor !== 'string')
    throw fail(`expected a string, got ${cursor === null ? 'null' : typeof cursor}`);
  if (cursor.length === 0) throw fail('it is empty');
  if (cursor.length > MAX_CURSOR_LENGTH) {
    throw fail(`it is ${cursor.length} characters long (the limit is ${MAX_CURSOR_LENGTH})`);
  }
  const bytes = fromBase64Url(cursor);
  if (!bytes) throw fail('not base64url text (was it truncated or copied incompletely?)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('its content is not UTF-8 text (was it truncated or altered?)');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fail('its content is not JSON (was it truncated or altered?)');
  }
  if (!isPlainObject(parsed)) throw fail('its content is not a cursor object');
  if (parsed.v !== CURSOR_VERSION) {
    throw fail(
      `cursor version ${JSON.stringify(parsed.v) ?? 'undefined'} is not supported (expected ${CURSOR_VERSION})`,
    );
  }
  const { p, r, s, f, n, c, k } = parsed;
  const extra = Object.keys(parsed).filter((key) => !['v', 'p', 'r', 's', 'f', 'n', 'c', 'k'].includes(key));
  if (extra.length > 0) throw fail(`unexpected field ${JSON.stringify(extra[0])}`);
  const problem = fieldProblem(p, r, s, f);
  if (problem) throw fail(problem);
  if (!Object.hasOwn(parsed, 'n')) throw fail('native paging state is missing');
  if (typeof c !== 'string' || !/^[0-9a-f]{16}$/.test(c)) throw fail('checksum is missing or malformed');
  // Present only when positive, so each payload still has exactly one cursor string.
  if (k !== undefined && !(typeof k === 'number' && Number.isSafeInteger(k) && k > 0))
    throw fail('skip must be a positive integer');
  let body: string;
  try {
    body = canonicalBody(
      p as string,
      r as string,
      s as number,
      f as Record<string, unknown>,
      n,
      (k as number | undefined) ?? 0,
    );
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  if (checksumOf(body) !== c) throw fail('checksum mismatch: the cursor was altered');
  if (withChecksum(body, c) !== text) throw fail('not in canonical form: the cursor was altered');

  if (p !== expected.platform) throw fail(`cursor was made for ${p}, used on ${expected.platform}`);
  if (r !== expected.resource) throw fail(`cursor was made for ${r}, used on ${expected.resource}`);
  if (expected.filters !== undefined && !sameFilters(f as Record<string, unknown>, expected.filters)) {
    throw fail(
      `cursor was made with different filters (${canonicalOrNote(f)}, now ${canonicalOrNote(expected.filters)}); pass the same filters as the first page`,
    );
  }
  return {
    platform: p as string,
    resource: r as string,
    pageSize: s as number,
    filters: f as Record<string, unknown>,
    native: n as N,
    ...(k !== undefined ? { skip: k as number } : {}),
  };
}

/**
 * True when two filter objects are equal as canonical JSON: key order does not matter, and
 * undefined-valued keys (at any depth) are ignored. Values that are not JSON-serialisable make
 * the filters unequal.
 */
export function sameFilters(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  try {
    return canonicalJson(a ?? {}, 0) === canonicalJson(b ?? {}, 0);
  } catch {
    return false;
  }
}

function fieldProblem(p: unknown, r: unknown, s: unknown, f: unknown): string | undefined {
  if (typeof p !== 'string' || p.length === 0) return 'platform must be a non-empty string';
  if (typeof r !== 'string' || r.length === 0) return 'resource must be a non-empty string';
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 1)
    return 'page size must be a positive integer';
  if (!isPlainObject(f)) return 'filters must be a plain object';
  return undefined;
}

/**
 * Canonical JSON of the checksummed fields, keys sorted: `{"f":…,"k":…,"n":…,"p":…,"r":…,"s":…,"v":1}`,
 * `k` (skip) only when positive, so cursors made before it existed still decode.
 */
function canonicalBody(
  p: string,
  r: string,
  s: number,
  f: Record<string, unknown>,
  n: unknown,
  k: number,
): string {
  if (n === undefined) throw new TypeError('native paging state is missing');
  return canonicalJson(
    k > 0 ? { f, k, n, p, r, s, v: CURSOR_VERSION } : { f, n, p, r, s, v: CURSOR_VERSION },
    0,
  );
}

/** The full cursor JSON: the body with `"c"` as its first key (keys stay sorted). */
function withChecksum(body: string, checksum: string): string {
  return `{"c":${JSON.stringify(checksum)},${body.slice(1)}`;
}

function checksumOf(body: string): string {
  return fnv1a64(new TextEncoder().encode(body));
}

function canonicalOrNote(value: unknown): string {
  try {
    const text = canonicalJson(value, 0);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return 'unserialisable filters';
  }
}

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth and no whitespace. Follows
 * JSON.stringify for `toJSON` (Dates become ISO strings), undefined object values (dropped) and
 * undefined array items (null); throws for non-finite numbers, bigints, functions, symbols,
 * non-plain objects (Map, Set, class instances) and nesting deeper than MAX_DEPTH.
 */
function canonicalJson(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new TypeError(`value nested deeper than ${MAX_DEPTH} levels (or cyclic)`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} is not JSON-serialisable`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`a ${typeof value} is not JSON-serialisable`);
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj.toJSON === 'function') return canonicalJson((obj.toJSON as () => unknown)(), depth + 1);
  if (Array.isArray(obj)) {
    return `[${obj.map((item) => (item === undefined ? 'null' : canonicalJson(item, depth + 1))).join(',')}]`;
  }
  if (!isPlainObject(obj))
    throw new TypeError('only plain objects, arrays and primitives are JSON-serialisable here');
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const item = obj[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(item, depth + 1)}`);
  }
  return `{${parts.join(',')}}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** FNV-1a 64-bit over bytes, in four 16-bit limbs (no BigInt), as 16 lowercase hex digits. */
function fnv1a64(bytes: Uint8Array): string {
  // offset basis 0xcbf29ce484222325, least significant limb first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    // × prime 0x100000001b3 = 2^40 + 0x1b3: limb 0 gets × 0x1b3, limb 2 gets × 0x100 (2^40 = 2^32 · 2^8)
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes of canonical unpadded base64url text, or undefined (bad alphabet, length, or unused bits set). */
function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Non-zero unused bits in the last character would give several strings for one cursor.
  if (toBase64Url(bytes) !== text) return undefined;
  return bytes;
}
