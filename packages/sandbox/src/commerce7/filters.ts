import type { C7FieldError } from './errors';

/**
 * Commerce7 list filters take a value with an optional operator prefix: `=value`, `gt:`, `gte:`,
 * `lt:`, `lte:` and, on order dates, `btw:<from>|<to>` (developer docs for /customer, /order,
 * /product; NOTES-research §1.6). Dates are documented as `YYYY-MM-DD`; real clients also send full
 * ISO timestamps (`updatedAt=gt:2026-01-01T00:00:00.000Z`), which we accept too.
 */
export type Comparison =
  | { op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte'; value: number; day?: boolean }
  | { op: 'btw'; from: number; to: number };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds of a `YYYY-MM-DD` date (midnight UTC) or a full ISO timestamp with a zone; undefined if neither. */
export function parseDate(text: string): { ms: number; day: boolean } | undefined {
  const d = DATE.exec(text);
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    const back = new Date(ms);
    if (back.getUTCDate() !== Number(d[3]) || back.getUTCMonth() !== Number(d[2]) - 1) return undefined;
    return { ms, day: true };
  }
  if (!DATETIME.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : { ms, day: false };
}

/** Parses one filter value; returns a field error for a value the platform would refuse. */
export function parseComparison(
  field: string,
  raw: string,
  kind: 'date' | 'number',
  allowBetween: boolean,
): Comparison | C7FieldError {
  const m = /^(gte|gt|lte|lt|btw):(.*)$/.exec(raw);
  const op = (m?.[1] ?? 'eq') as 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'btw';
  const text = m ? m[2]! : raw;
  const parse = (t: string): { value: number; day: boolean } | undefined => {
    if (kind === 'number') return /^-?\d+$/.test(t) ? { value: Number(t), day: false } : undefined;
    const d = parseDate(t);
    return d && { value: d.ms, day: d.day };
  };
  const expected = kind === 'date' ? 'a date (YYYY-MM-DD) or ISO timestamp' : 'an integer';
  if (op === 'btw') {
    if (!allowBetween) return { field, message: `"${field}" does not support btw:` };
    const parts = text.split('|');
    const from = parts.length === 2 ? parse(parts[0]!) : undefined;
    const to = parts.length === 2 ? parse(parts[1]!) : undefined;
    if (!from || !to) return { field, message: `"${field}" must be btw:<from>|<to>, each ${expected}` };
    // A date-only upper bound covers that whole day.
    return { op, from: from.value, to: to.day ? to.value + DAY_MS - 1 : to.value };
  }
  const v = parse(text);
  if (!v)
    return {
      field,
      message: `"${field}" must be ${expected}, optionally prefixed by gt:, gte:, lt: or lte:`,
    };
  return { op, value: v.value, day: v.day };
}

/** Whether `actual` (ms or a number) satisfies the comparison; null/undefined never does. */
export function compare(actual: number | null | undefined, c: Comparison): boolean {
  if (actual === null || actual === undefined || Number.isNaN(actual)) return false;
  switch (c.op) {
    case 'btw':
      return actual >= c.from && actual <= c.to;
    case 'eq':
      // `=2021-01-01` on a date field means "on that day".
      return c.day ? actual >= c.value && actual < c.value + DAY_MS : actual === c.value;
    case 'gt':
      return c.day ? actual >= c.value + DAY_MS : actual > c.value;
    case 'gte':
      return actual >= c.value;
    case 'lt':
      return actual < c.value;
    case 'lte':
      return c.day ? actual < c.value + DAY_MS : actual <= c.value;
  }
}

export const isFieldError = (v: Comparison | C7FieldError): v is C7FieldError => 'message' in v;
