import type { FieldIssue, ParsedErrorBody } from '@storeport/core';
import { type WireError, WireErrorBodySchema } from './wire/error';

/**
 * CommerceHQ error bodies → message and field issues: 400 `{message}`, 422 `{message: "Validation
 * Failed", errors: {field: [messages]}}` (a field's messages may also be one string; the whole
 * body may be a list of such objects; `base` holds errors about no one field), and Yii2's
 * `{name, message, code, status}` for other statuses. Fields keep CommerceHQ's names
 * (`email`, `address.shipping.country`, `items[0].quantity`).
 */
export function parseErrorBody(body: unknown): ParsedErrorBody | undefined {
  const parsed = WireErrorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const bodies: WireError[] = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const issues: FieldIssue[] = [];
  const messages: string[] = [];
  for (const b of bodies) {
    if (b.message) messages.push(b.message);
    const errors = b.errors;
    if (typeof errors === 'string') issues.push({ field: 'base', message: errors });
    else if (errors) {
      for (const [field, value] of Object.entries(errors)) {
        const list = Array.isArray(value) ? value : [value];
        for (const m of list) issues.push({ field, message: typeof m === 'string' ? m : JSON.stringify(m) });
      }
    }
  }
  const detail = issues.map((i) => (i.field === 'base' ? i.message : `${i.field}: ${i.message}`)).join('; ');
  const head = [...new Set(messages)].join('; ');
  const message = head && detail ? `${head}: ${detail}` : head || detail;
  const code = bodies.find((b) => b.name)?.name;
  return {
    ...(message ? { message } : {}),
    ...(code ? { code: slug(code) } : issues.length > 0 ? { code: 'validation_failed' } : {}),
    ...(issues.length > 0 || bodies.some((b) => b.errors !== undefined) ? { issues } : {}),
  };
}

function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
