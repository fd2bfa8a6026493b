import type { WireErrorDetail } from './wire';

interface FieldRule {
  required?: boolean;
  nullable?: boolean;
}

/**
 * Reads fields of a JSON request body, collecting the API's field-level `details` for every
 * missing or ill-typed one instead of stopping at the first. A getter returns `undefined` when the
 * field is absent or invalid, `null` when it is an allowed null.
 */
export class BodyReader {
  readonly details: WireErrorDetail[];

  constructor(
    readonly body: Record<string, unknown>,
    private readonly prefix = '',
    details?: WireErrorDetail[],
  ) {
    this.details = details ?? [];
  }

  has(field: string): boolean {
    return Object.hasOwn(this.body, field);
  }

  fail(field: string, message: string, code: string): undefined {
    this.details.push({ field: this.prefix + field, message, code });
    return undefined;
  }

  string(
    field: string,
    rule: FieldRule & { nonEmpty?: boolean; maxLength?: number } = {},
  ): string | null | undefined {
    const value = this.read(field, rule);
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string') return this.fail(field, 'must be a string', 'invalid_type');
    if (rule.nonEmpty && value.trim() === '') return this.fail(field, 'must not be empty', 'too_small');
    if (rule.maxLength !== undefined && value.length > rule.maxLength)
      return this.fail(field, `must be at most ${rule.maxLength} characters`, 'too_big');
    return value;
  }

  number(field: string, rule: FieldRule & { min?: number } = {}): number | null | undefined {
    const value = this.read(field, rule);
    if (value === undefined || value === null) return value;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return this.fail(field, 'must be a number', 'invalid_type');
    if (rule.min !== undefined && value < rule.min)
      return this.fail(field, `must be at least ${rule.min}`, 'too_small');
    return value;
  }

  integer(field: string, rule: FieldRule & { min?: number; max?: number } = {}): number | null | undefined {
    const value = this.read(field, rule);
    if (value === undefined || value === null) return value;
    if (typeof value !== 'number' || !Number.isSafeInteger(value))
      return this.fail(field, 'must be an integer', 'invalid_type');
    if (rule.min !== undefined && value < rule.min)
      return this.fail(field, `must be at least ${rule.min}`, 'too_small');
    if (rule.max !== undefined && value > rule.max)
      return this.fail(field, `must be at most ${rule.max}`, 'too_big');
    return value;
  }

  boolean(field: string, rule: FieldRule = {}): boolean | null | undefined {
    const value = this.read(field, rule);
    if (value === undefined || value === null) return value;
    if (typeof value !== 'boolean') return this.fail(field, 'must be a boolean', 'invalid_type');
    return value;
  }

  oneOf<T extends string>(field: string, values: readonly T[], rule: FieldRule = {}): T | null | undefined {
    const value = this.read(field, rule);
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
      return this.fail(field, `must be one of: ${values.join(', ')}`, 'invalid_enum');
    return value as T;
  }

  array(field: string, rule: FieldRule & { minItems?: number } = {}): unknown[] | null | undefined {
    const value = this.read(field, rule);
    if (value === undefined || value === null) return value;
    if (!Array.isArray(value)) return this.fail(field, 'must be an array', 'invalid_type');
    if (rule.minItems !== undefined && value.length < rule.minItems)
      return this.fail(field, `must have at least ${rule.minItems} item(s)`, 'too_small');
    return value;
  }

  /** A reader over a nested object (array element or sub-object), sharing this reader's details. */
  nested(field: string, value: unknown): BodyReader | undefined {
    if (!isObject(value)) return this.fail(field, 'must be an object', 'invalid_type');
    return new BodyReader(value, `${this.prefix}${field}.`, this.details);
  }

  private read(field: string, rule: FieldRule): unknown {
    if (!this.has(field) || this.body[field] === undefined) {
      if (rule.required) this.fail(field, 'is required', 'required');
      return undefined;
    }
    const value = this.body[field];
    if (value === null) {
      if (rule.nullable) return null;
      return this.fail(field, rule.required ? 'is required' : 'must not be null', 'invalid_type');
    }
    return value;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
/** RFC 3339 date-time (the OpenAPI `date-time` format) in ms, or undefined. */
export function parseDateTime(value: string): number | undefined {
  if (!DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
