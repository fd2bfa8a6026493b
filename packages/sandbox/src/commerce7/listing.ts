import type { SimResponse } from '../types';
import { badRequest, type C7FieldError } from './errors';
import { compare, isFieldError, parseComparison } from './filters';
import { decodeCursor, encodeCursor } from './ids';

type Rec = Record<string, unknown>;

/** One documented list filter. Query parameters that are not declared are ignored, as HTTP APIs do. */
export type FilterDef =
  | { param: string; kind: 'date'; get: (r: Rec) => unknown; between?: boolean }
  | { param: string; kind: 'number'; get: (r: Rec) => unknown }
  /** Exact match against one value or any value of a list the getter returns. */
  | { param: string; kind: 'exact'; get: (r: Rec) => unknown }
  /** Case-insensitive "contains" over the strings the getter returns. */
  | { param: string; kind: 'text'; get: (r: Rec) => unknown };

export interface ListSpec {
  /** Wrapper key of the list: `customers`, `orders`, `products`, `customerAddresses`, ... */
  key: string;
  /** Only endpoints the docs list under "Cursor → Available endpoints" accept `cursor`. */
  cursor: { tag: number; node: string; lookahead: boolean } | undefined;
  filters: readonly FilterDef[];
  rowsAfter(seq: number): Iterable<{ seq: number; record: unknown }>;
  /** Extra, endpoint-specific scoping (e.g. one customer's addresses). */
  scope?: (r: Rec) => boolean;
}

/** Documented page size: "?limit=n where n is between 1 and 50", 50 by default (getting-started seed). */
export const MAX_LIMIT = 50;

const asMs = (v: unknown): number | null => {
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
};

function buildPredicate(
  query: URLSearchParams,
  filters: readonly FilterDef[],
): ((r: Rec) => boolean) | C7FieldError[] {
  const tests: ((r: Rec) => boolean)[] = [];
  const errors: C7FieldError[] = [];
  for (const f of filters) {
    const raw = query.get(f.param);
    if (raw === null || raw === '') continue;
    if (f.kind === 'date' || f.kind === 'number') {
      const c = parseComparison(f.param, raw, f.kind, f.kind === 'date' && f.between === true);
      if (isFieldError(c)) {
        errors.push(c);
        continue;
      }
      tests.push((r) => {
        const v = f.get(r);
        return compare(f.kind === 'date' ? asMs(v) : typeof v === 'number' ? v : null, c);
      });
    } else if (f.kind === 'exact') {
      tests.push((r) => {
        const v = f.get(r);
        return Array.isArray(v) ? v.includes(raw) : v === raw;
      });
    } else {
      const needle = raw.toLowerCase();
      tests.push((r) => {
        const v = f.get(r);
        const hay = Array.isArray(v) ? v : [v];
        return hay.some((h) => typeof h === 'string' && h.toLowerCase().includes(needle));
      });
    }
  }
  if (errors.length > 0) return errors;
  return (r) => tests.every((t) => t(r));
}

function readInt(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | C7FieldError | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) return { field: name, message: `"${name}" must be an integer` };
  const n = Number(raw);
  if (n < min || n > max) return { field: name, message: `"${name}" must be between ${min} and ${max}` };
  return n;
}

/** True when this request is a cursor-mode list (exempt from the rate limit). */
export function isCursorRequest(spec: Pick<ListSpec, 'cursor'>, query: URLSearchParams): boolean {
  return spec.cursor !== undefined && query.has('cursor');
}

/**
 * Serves a list in page mode (`page`, `limit`, body `{key: [...], total}`) or, where the endpoint
 * has it, cursor mode (`cursor=start`, then the returned `cursor`; body `{key: [...], cursor}`
 * with no `total`). Order: creation order, oldest first — the docs document no sort parameter and
 * no ordering (NOTES-research §1.6), so the simulator picks the one order that keeps both modes
 * stable while records are added.
 */
export function listResponse(query: URLSearchParams, spec: ListSpec): SimResponse {
  // Out-of-range sizes are refused, not clamped: the docs give the range (1–50) but not what
  // happens outside it, and a refusal shows a client that relies on clamping.
  const limit = readInt(query, 'limit', 1, MAX_LIMIT);
  if (typeof limit === 'object') return badRequest(limit.message, [limit]);
  const size = limit ?? MAX_LIMIT;
  const predicate = buildPredicate(query, spec.filters);
  if (Array.isArray(predicate)) return badRequest(predicate.map((e) => e.message).join('; '), predicate);
  const scope = spec.scope;
  const matches = (r: Rec) => (!scope || scope(r)) && predicate(r);

  if (isCursorRequest(spec, query)) {
    const cursor = spec.cursor!;
    if (query.has('page')) {
      return badRequest('Use either "cursor" or "page", not both', [
        { field: 'page', message: '"page" is not allowed together with "cursor"' },
      ]);
    }
    const raw = query.get('cursor') ?? '';
    const after = raw === 'start' ? 0 : decodeCursor(raw, cursor.tag, cursor.node);
    if (after === undefined) {
      return badRequest('Invalid cursor', [{ field: 'cursor', message: '"cursor" is not a valid cursor' }]);
    }
    const items: unknown[] = [];
    let lastSeq = after;
    let more = false;
    for (const row of spec.rowsAfter(after)) {
      if (!matches(row.record as Rec)) continue;
      if (items.length === size) {
        more = true;
        break;
      }
      items.push(row.record);
      lastSeq = row.seq;
    }
    // Per the docs a client stops when a response has no cursor, and that last response still
    // carries records. With `lookahead` off the cursor is given whenever the page is full, so an
    // exact multiple of the page size ends on an empty page without a cursor instead.
    const next = cursor.lookahead ? more : items.length === size;
    return {
      status: 200,
      body: {
        [spec.key]: items,
        ...(next ? { cursor: encodeCursor(lastSeq, cursor.tag, cursor.node) } : {}),
      },
    };
  }

  const page = readInt(query, 'page', 1, Number.MAX_SAFE_INTEGER);
  if (typeof page === 'object') return badRequest(page.message, [page]);
  const start = ((page ?? 1) - 1) * size;
  const items: unknown[] = [];
  let total = 0;
  for (const row of spec.rowsAfter(0)) {
    if (!matches(row.record as Rec)) continue;
    if (total >= start && items.length < size) items.push(row.record);
    total += 1;
  }
  return { status: 200, body: { [spec.key]: items, total } };
}

/** The `page` a page-mode request asks for (1 when absent or unreadable). */
export function requestedPage(query: URLSearchParams): number {
  const raw = query.get('page');
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : 1;
}
