import type { FieldIssue, ParsedErrorBody } from '@storeport/core';
import { WireErrorSchema } from './wire/error';

/**
 * `{code, message, details}` → message, code and field issues. The seed types `details` only as
 * "array of objects" (field-level validation errors): `field`/`message`/`code` are read, with the
 * common aliases `path`/`name` and `msg`/`reason`, so an unexpected detail never hides the error.
 */
export function parseErrorBody(body: unknown): ParsedErrorBody | undefined {
  const parsed = WireErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { code, message, details } = parsed.data;
  const issues: FieldIssue[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, without details no issues are returned at all
  for (const d of details ?? []) {
    if (typeof d !== 'object' || d === null) continue;
    const r = d as Record<string, unknown>;
    const field = firstString(r.field, r.name, Array.isArray(r.path) ? r.path.join('.') : r.path) ?? '';
    const text = firstString(r.message, r.msg, r.reason) ?? '';
    const issueCode = firstString(r.code);
    issues.push({ field, message: text, ...(issueCode !== undefined ? { code: issueCode } : {}) });
  }
  return {
    ...(message !== undefined ? { message } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(details ? { issues } : {}),
  };
}

function firstString(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string') return v;
  return undefined;
}
