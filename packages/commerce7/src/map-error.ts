import type { FieldIssue, ParsedErrorBody } from '@storeport/core';
import { WireErrorSchema } from './wire/error';

/** One `errors[]` element: `{ field, message }` is what we expect; other spellings are tolerated. */
function issueOf(e: unknown, i: number): FieldIssue | undefined {
  if (typeof e === 'string') return { field: '(body)', message: e };
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as Record<string, unknown>;
  const rawField = o.field ?? o.path ?? o.key ?? o.param;
  const field = Array.isArray(rawField)
    ? rawField.join('.')
    : typeof rawField === 'string'
      ? rawField
      : `errors.${i}`;
  const message =
    typeof o.message === 'string' ? o.message : typeof o.error === 'string' ? o.error : 'invalid';
  const code = typeof o.type === 'string' ? o.type : typeof o.code === 'string' ? o.code : undefined;
  return { field, message, ...(code !== undefined ? { code } : {}) };
}

/**
 * `{ statusCode, type, message, errors }` → message, code (`type`, e.g. `unauthorized`) and field
 * issues; anything else (a proxy's HTML page) yields nothing and the HTTP status speaks alone.
 */
export function parseErrorBody(body: unknown): ParsedErrorBody | undefined {
  const parsed = WireErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { message, type, errors } = parsed.data;
  const issues = (errors ?? []).map(issueOf).filter((x): x is FieldIssue => x !== undefined);
  return {
    ...(message !== undefined ? { message } : {}),
    ...(type !== undefined ? { code: type } : {}),
    ...(issues.length > 0 ? { issues } : {}),
  };
}
