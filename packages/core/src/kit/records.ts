import type { z } from 'zod';
import type { InvalidRecord } from '../adapter';
import { type FieldIssue, ResponseShapeError } from '../errors';

/** Deeper records are refused: nothing a store sends needs it, and deeper JSON can overflow a reader's stack. */
export const MAX_RECORD_DEPTH = 64;
/** A quoted wire value longer than this is cut, so an issue never carries a whole payload. */
const MAX_QUOTED = 40;

/** One record of a page, in the platform's order: read into the unified model, or refused. */
export type ReadRecord<T> = { index: number; item: T } | { index: number; invalid: InvalidRecord };

/** How a resource reads its records: the wire schema of one record, the mapper, and where its id is. */
export interface RecordReader<W, T> {
  /** The schema of one record as the platform sends it. */
  wire: z.ZodType<W>;
  /** Pure: wire record → unified record. May throw a ResponseShapeError naming a field. */
  map: (wire: W) => T;
  /** The platform's id of a raw record, for reports; default: its `id` (string or number). */
  idOf?: (raw: unknown) => string | null;
}

/**
 * Reads a page's records one by one, so one malformed record is reported (with its id and what is
 * wrong) and the rest of the page is kept. A mapper error other than a shape error is a bug and
 * is thrown.
 */
export function readRecords<W, T>(records: readonly unknown[], reader: RecordReader<W, T>): ReadRecord<T>[] {
  const out: ReadRecord<T>[] = [];
  records.forEach((raw, index) => {
    const issues = recordIssues(raw, reader);
    if (issues.length === 0) {
      try {
        out.push({ index, item: reader.map(reader.wire.parse(raw)) });
        return;
      } catch (err) {
        if (!ResponseShapeError.isInstance(err)) throw err;
        issues.push({ field: err.field, message: err.message });
      }
    }
    out.push({ index, invalid: { index, id: recordId(raw, reader), issues, raw } });
  });
  return out;
}

function recordIssues<W, T>(raw: unknown, reader: RecordReader<W, T>): FieldIssue[] {
  if (depthOver(raw, MAX_RECORD_DEPTH)) {
    return [
      { field: '(record)', message: `nested deeper than ${MAX_RECORD_DEPTH} levels`, code: 'too_deep' },
    ];
  }
  const result = reader.wire.safeParse(raw);
  if (result.success) return [];
  return result.error.issues.slice(0, 10).map((i) => ({
    field: i.path.length === 0 ? '(record)' : i.path.map(String).join('.'),
    message: shorten(i.message),
    code: i.code,
  }));
}

/** The platform's id of a raw record (the reader's `idOf`, else its `id`), or null. */
export function recordId<W, T>(raw: unknown, reader: RecordReader<W, T>): string | null {
  try {
    if (reader.idOf) return reader.idOf(raw);
  } catch {
    return null;
  }
  return defaultId(raw);
}

/** `raw.id` as a string when it is a non-empty string or a finite number. */
export function defaultId(raw: unknown, key = 'id'): string | null {
  // Stryker disable next-line ConditionalExpression: a primitive's `id` is undefined, which the lines below turn into null
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as Record<string, unknown>)[key];
  if (typeof id === 'string' && id !== '') return shorten(id);
  // Stryker disable next-line ConditionalExpression: Number.isFinite is false for anything but a number
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}

/** True when `value` nests objects or arrays more than `max` deep; iterative, so it cannot overflow. */
export function depthOver(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a scalar pushed is skipped when popped; the check only saves the push
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function shorten(text: string): string {
  return text.length > MAX_QUOTED * 4 ? `${text.slice(0, MAX_QUOTED * 4)}…` : text;
}
