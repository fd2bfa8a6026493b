const SENSITIVE_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey)$|token|secret|password|session/i;
const SENSITIVE_KEY = /password|secret|token|api[-_]?key|authorization|credential/i;
export const REDACTED = '[REDACTED]';

/** Headers with every credential-bearing value replaced. */
export function redactHeaders(headers: Headers | Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  // A Headers from another fetch implementation (an injected `fetch`) is not `instanceof` ours.
  const entries =
    headers instanceof Headers || typeof (headers as { entries?: unknown }).entries === 'function'
      ? [...(headers as Headers).entries()]
      : Object.entries(headers);
  for (const [k, v] of entries) out[k.toLowerCase()] = SENSITIVE_HEADER.test(k) ? REDACTED : v;
  return out;
}

/** Removes each known secret (and its Basic-auth base64 forms) from a string. */
export function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    out = out.split(s).join(REDACTED);
  }
  return out;
}

/** Deep copy of a parsed body with secret-looking keys and known secret values removed. */
export function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (depth > 20) return REDACTED;
  if (typeof value === 'string') return redactString(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SENSITIVE_KEY.test(k) && typeof v === 'string' ? REDACTED : redactValue(v, secrets, depth + 1);
    }
    return out;
  }
  return value;
}

/** The forms a secret can take on the wire: as is, and inside `Basic base64(user:secret)`. */
export function secretForms(...parts: Array<string | undefined>): string[] {
  const present = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
  const forms = new Set(present);
  if (present.length >= 2) forms.add(toBase64(present.join(':')));
  for (const p of present) forms.add(encodeURIComponent(p));
  return [...forms];
}

export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
