import type { Entry } from './collection';
import { parseDateTime } from './validate';
import type { WireErrorDetail, WirePage } from './wire';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Reads list query parameters, collecting a `details` entry for each bad one. The seed gives
 * `pageSize` a maximum of 100 ("Items per page (max 100)") and `page` as 1-based: values outside
 * those bounds are refused with 400, as an OpenAPI-validating server does, rather than clamped.
 * A page past the last one is not an error: it is empty.
 */
export class QueryReader {
  readonly details: WireErrorDetail[] = [];
  constructor(private readonly query: URLSearchParams) {}

  paging(): { page: number; pageSize: number } {
    return {
      page: this.integer('page', 1, Number.MAX_SAFE_INTEGER) ?? 1,
      pageSize: this.integer('pageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
    };
  }

  text(name: string): string | undefined {
    const value = this.query.get(name);
    return value === null || value.trim() === '' ? undefined : value;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.query.get(name);
    if (value === null) return undefined;
    if ((values as readonly string[]).includes(value)) return value as T;
    this.details.push({ field: name, message: `must be one of: ${values.join(', ')}`, code: 'invalid_enum' });
    return undefined;
  }

  boolean(name: string): boolean | undefined {
    const value = this.query.get(name);
    if (value === null) return undefined;
    if (value === 'true' || value === 'false') return value === 'true';
    this.details.push({ field: name, message: 'must be true or false', code: 'invalid_type' });
    return undefined;
  }

  dateTime(name: string): number | undefined {
    const value = this.query.get(name);
    if (value === null) return undefined;
    const ms = parseDateTime(value);
    if (ms === undefined)
      this.details.push({ field: name, message: 'must be an ISO 8601 date-time', code: 'invalid_format' });
    return ms;
  }

  private integer(name: string, min: number, max: number): number | undefined {
    const value = this.query.get(name);
    if (value === null) return undefined;
    const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      const bound =
        max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
      this.details.push({ field: name, message: `must be ${bound}`, code: 'out_of_range' });
      return undefined;
    }
    return n;
  }
}

/** One page of `entries` (already filtered and sorted) in the API's list envelope. */
export function paginate<T>(entries: readonly Entry<T>[], page: number, pageSize: number): WirePage<T> {
  const start = (page - 1) * pageSize;
  return {
    data: entries.slice(start, start + pageSize).map((e) => e.record),
    total: entries.length,
    page,
    pageSize,
    pages: Math.ceil(entries.length / pageSize),
  };
}

export type SortKey = string | number | undefined;

/** Sorts by `key` in `direction`; ties (and records whose key is missing) fall back to creation order. */
export function sortEntries<T>(
  entries: readonly Entry<T>[],
  key: (record: T) => SortKey,
  direction: 'asc' | 'desc',
): Entry<T>[] {
  const sign = direction === 'desc' ? -1 : 1;
  const keyed = entries.map((e) => ({ e, k: key(e.record) }));
  keyed.sort((a, b) => {
    if (a.k !== undefined && b.k !== undefined && a.k !== b.k) {
      // Code-point order, not locale order, so results never depend on the machine's ICU data.
      const cmp =
        typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k) < String(b.k) ? -1 : 1;
      if (cmp !== 0) return sign * cmp;
    } else if (a.k === undefined && b.k !== undefined) return 1;
    else if (b.k === undefined && a.k !== undefined) return -1;
    return a.e.seq - b.e.seq;
  });
  return keyed.map((x) => x.e);
}

/** ms of a stored ISO date-time, or undefined when the record holds something else. */
export function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function inRange(ms: number | undefined, from: number | undefined, to: number | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  if (ms === undefined) return false;
  return (from === undefined || ms >= from) && (to === undefined || ms < to);
}
