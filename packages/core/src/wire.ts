import type { z } from 'zod';
import { ConversionError, type FieldIssue, ResponseShapeError, ValidationError } from './errors';
import { fromDecimal, fromMinorUnits, type RoundingMode } from './model/money';
import type { Money } from './model/primitives';
import { fromUnixSeconds, normalizeTimestamp } from './time';

/** Helpers adapters use at the two edges: platform responses in, user inputs out. */

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(root)' : path.map((p) => String(p)).join('.');
}

/** A zod failure on a platform response, as a ResponseShapeError naming the first bad field. */
export function shapeErrorFromZod(
  platform: string,
  what: string,
  error: z.ZodError,
  status?: number,
): ResponseShapeError {
  const first = error.issues[0];
  const field = first ? pathOf(first.path) : '(root)';
  const detail = first ? first.message : 'invalid';
  return new ResponseShapeError(`${platform}: unreadable ${what}: field "${field}": ${detail}`, {
    platform,
    field,
    code: 'response_shape',
    // Stryker disable next-line ConditionalExpression: equivalent, an error's status is undefined either way
    ...(status !== undefined ? { status } : {}),
  });
}

/** Validates something the platform sent; throws ResponseShapeError naming the field. */
export function parseWire<S extends z.ZodType>(
  platform: string,
  what: string,
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw shapeErrorFromZod(platform, what, result.error);
  return result.data;
}

/** Validates user input before anything is sent; throws ValidationError with one issue per bad field. */
export function parseInput<S extends z.ZodType>(
  platform: string,
  what: string,
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((i) => ({
    field: pathOf(i.path),
    message: i.message,
    code: i.code,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new ValidationError(`${platform}: invalid ${what}: ${summary}`, {
    platform,
    code: 'invalid_input',
    issues,
  });
}

/** Runs a conversion of one response field; a ConversionError becomes a ResponseShapeError naming it. */
export function readField<T>(platform: string, field: string, convert: () => T): T {
  try {
    return convert();
  } catch (err) {
    if (ConversionError.isInstance(err)) {
      throw new ResponseShapeError(`${platform}: unreadable field "${field}": ${err.message}`, {
        platform,
        field,
        code: 'response_shape',
        cause: err,
      });
    }
    throw err;
  }
}

/** A decimal amount (number or string) from a response, exactly, in minor units. */
export function wireDecimal(
  platform: string,
  field: string,
  value: string | number,
  currency: string,
  rounding: RoundingMode = 'reject',
): Money {
  return readField(platform, field, () => fromDecimal(value, currency, { rounding }));
}

/** An amount already in minor units (cents) from a response. */
export function wireMinor(platform: string, field: string, value: string | number, currency: string): Money {
  return readField(platform, field, () => fromMinorUnits(value, currency));
}

/** Unix seconds from a response, as ISO 8601 UTC. */
export function wireUnix(platform: string, field: string, value: string | number): string {
  return readField(platform, field, () => fromUnixSeconds(value));
}

/** A date string from a response, as ISO 8601 UTC. */
export function wireTime(platform: string, field: string, value: string | number): string {
  return readField(platform, field, () => normalizeTimestamp(value));
}
