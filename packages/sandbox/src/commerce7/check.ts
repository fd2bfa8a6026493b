import type { C7FieldError } from './errors';

type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Collects field errors while reading a request body, the way Commerce7 answers a bad write with
 * every problem at once. Each reader returns the value to store (`undefined` = not sent).
 */
export class Checker {
  readonly errors: C7FieldError[] = [];

  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  string(
    body: Obj,
    key: string,
    path: string,
    opts: { required?: boolean; nullable?: boolean; max?: number; nonEmpty?: boolean } = {},
  ): string | null | undefined {
    const v = body[key];
    if (v === undefined) return opts.required ? this.fail(path, `"${path}" is required`) : undefined;
    if (v === null) {
      if (opts.required || opts.nullable === false) return this.fail(path, `"${path}" must be a string`);
      return null;
    }
    if (typeof v !== 'string') return this.fail(path, `"${path}" must be a string`);
    if ((opts.nonEmpty || opts.required) && v.trim() === '') {
      return this.fail(path, `"${path}" is not allowed to be empty`);
    }
    if (opts.max !== undefined && v.length > opts.max) {
      return this.fail(path, `"${path}" length must be less than or equal to ${opts.max} characters long`);
    }
    return v;
  }

  oneOf<T extends string>(
    body: Obj,
    key: string,
    path: string,
    values: readonly T[],
    opts: { required?: boolean; nullable?: boolean } = {},
  ): T | null | undefined {
    const v = body[key];
    if (v === undefined) return opts.required ? this.fail(path, `"${path}" is required`) : undefined;
    if (v === null && opts.nullable && !opts.required) return null;
    if (typeof v !== 'string' || !values.includes(v as T)) {
      return this.fail(path, `"${path}" must be one of [${values.join(', ')}]`);
    }
    return v as T;
  }

  /** Integer (cents, counts). Commerce7 amounts are whole cents: 19.99 is refused, not rounded. */
  int(
    body: Obj,
    key: string,
    path: string,
    opts: { required?: boolean; nullable?: boolean; min?: number; max?: number } = {},
  ): number | null | undefined {
    const v = body[key];
    if (v === undefined) return opts.required ? this.fail(path, `"${path}" is required`) : undefined;
    if (v === null && opts.nullable && !opts.required) return null;
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
      return this.fail(path, `"${path}" must be an integer`);
    if (opts.min !== undefined && v < opts.min) {
      return this.fail(path, `"${path}" must be greater than or equal to ${opts.min}`);
    }
    if (opts.max !== undefined && v > opts.max) {
      return this.fail(path, `"${path}" must be less than or equal to ${opts.max}`);
    }
    return v;
  }

  number(body: Obj, key: string, path: string): number | null | undefined {
    const v = body[key];
    if (v === undefined || v === null) return v as null | undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(path, `"${path}" must be a number`);
    return v;
  }

  bool(body: Obj, key: string, path: string, opts: { nullable?: boolean } = {}): boolean | null | undefined {
    const v = body[key];
    if (v === undefined) return undefined;
    if (v === null && opts.nullable) return null;
    if (typeof v !== 'boolean') return this.fail(path, `"${path}" must be a boolean`);
    return v;
  }

  datetime(
    body: Obj,
    key: string,
    path: string,
    opts: { required?: boolean } = {},
  ): string | null | undefined {
    const v = body[key];
    if (v === undefined) return opts.required ? this.fail(path, `"${path}" is required`) : undefined;
    if (v === null && !opts.required) return null;
    if (typeof v !== 'string' || !ISO_DATETIME.test(v) || Number.isNaN(Date.parse(v))) {
      return this.fail(path, `"${path}" must be a valid ISO 8601 date`);
    }
    return new Date(Date.parse(v)).toISOString();
  }

  date(body: Obj, key: string, path: string): string | null | undefined {
    const v = body[key];
    if (v === undefined || v === null) return v as null | undefined;
    if (typeof v !== 'string' || !DATE_ONLY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
      return this.fail(path, `"${path}" must be a date in YYYY-MM-DD format`);
    }
    return v;
  }

  email(body: Obj, key: string, path: string): string | undefined {
    const v = this.string(body, key, path, { required: true });
    if (typeof v !== 'string') return undefined;
    if (!EMAIL.test(v.trim())) return this.fail(path, `"${path}" must be a valid email`);
    return v.trim();
  }

  countryCode(body: Obj, key: string, path: string): string | null | undefined {
    const v = body[key];
    if (v === undefined || v === null) return v as null | undefined;
    if (typeof v !== 'string' || !/^[A-Z]{2}$/.test(v)) {
      return this.fail(path, `"${path}" must be a two-letter ISO 3166-1 country code`);
    }
    return v;
  }

  object(body: Obj, key: string, path: string, opts: { nullable?: boolean } = {}): Obj | null | undefined {
    const v = body[key];
    if (v === undefined) return undefined;
    if (v === null && opts.nullable !== false) return null;
    if (!isObject(v)) return this.fail(path, `"${path}" must be an object`);
    return v;
  }

  /** An array of objects; `undefined` when not sent, after reporting a non-array. */
  objects(
    body: Obj,
    key: string,
    path: string,
    opts: { required?: boolean; min?: number } = {},
  ): Obj[] | undefined {
    const v = body[key];
    if (v === undefined) return opts.required ? this.fail(path, `"${path}" is required`) : undefined;
    if (!Array.isArray(v)) return this.fail(path, `"${path}" must be an array`);
    if (opts.min !== undefined && v.length < opts.min) {
      return this.fail(path, `"${path}" must contain at least ${opts.min} item${opts.min === 1 ? '' : 's'}`);
    }
    const out: Obj[] = [];
    v.forEach((item, i) => {
      if (isObject(item)) out.push(item);
      else this.fail(`${path}.${i}`, `"${path}.${i}" must be an object`);
    });
    return out;
  }

  strings(body: Obj, key: string, path: string): string[] | undefined {
    const v = body[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
      return this.fail(path, `"${path}" must be an array of strings`);
    }
    return v as string[];
  }
}
