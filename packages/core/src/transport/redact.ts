const SENSITIVE_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey)$|token|secret|password|session/i;
const SENSITIVE_KEY = /password|secret|token|api[-_]?key|authorization|credential/i;
export const REDACTED = '[REDACTED]';

/** Headers with every credential-bearing value replaced. */
export function redactHeaders(
  headers: Headers | Record<string, string> | undefined,
  /** Further header names that carry a credential on this platform (e.g. `tenant`). */
  credentialHeaders: readonly string[] = [],
): Record<string, string> {
  const extra = new Set(credentialHeaders.map((h) => h.toLowerCase()));
  const out: Record<string, string> = {};
  if (!headers) return out;
  // A Headers from another fetch implementation (an injected `fetch`) is not `instanceof` ours.
  const entries =
    headers instanceof Headers || typeof (headers as { entries?: unknown }).entries === 'function'
      ? [...(headers as Headers).entries()]
      : Object.entries(headers);
  for (const [k, v] of entries) {
    const name = k.toLowerCase();
    out[name] = SENSITIVE_HEADER.test(name) || extra.has(name) ? REDACTED : v;
  }
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
      // A key can echo a secret too (a field-error map keyed by what was sent).
      const key = redactString(k, secrets);
      out[key] =
        SENSITIVE_KEY.test(k) && typeof v === 'string' ? REDACTED : redactValue(v, secrets, depth + 1);
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

/** Longest first, so a secret that contains another is removed whole. */
function ordered(secrets: readonly string[]): string[] {
  return [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

/**
 * Removes every known secret from every string an error exposes (message, stack, code,
 * requestId, headers, body, field issues, shape-error field, causes), in place, so `toJSON()`,
 * `util.inspect` and the CLI's `--debug` all show the same redacted text. Returns the error.
 */
export function redactError<E>(error: E, secrets: readonly string[], depth = 0): E {
  if (depth > 5 || typeof error !== 'object' || error === null) return error;
  const list = ordered(secrets);
  if (list.length === 0) return error;
  const e = error as Record<PropertyKey, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? redactString(v, list) : v);
  for (const key of ['message', 'stack', 'code', 'requestId', 'field', 'target', 'statusText']) {
    if (typeof e[key] === 'string') set(e, key, str(e[key]));
  }
  if (e.headers && typeof e.headers === 'object' && !(e.headers instanceof Headers)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e.headers as Record<string, unknown>)) out[k] = str(v);
    set(e, 'headers', out);
  }
  if (e.body !== undefined) set(e, 'body', redactValue(e.body, list));
  if (Array.isArray(e.issues)) set(e, 'issues', redactValue(e.issues, list));
  if (e.cause !== undefined) {
    if (typeof e.cause === 'string') set(e, 'cause', str(e.cause));
    else redactError(e.cause, list, depth + 1);
  }
  return error;
}

function set(target: Record<PropertyKey, unknown>, key: string, value: unknown): void {
  const desc = Object.getOwnPropertyDescriptor(target, key);
  try {
    Object.defineProperty(target, key, {
      value,
      writable: desc?.writable ?? true,
      enumerable: desc?.enumerable ?? false,
      configurable: true,
    });
  } catch {
    // A frozen error from someone else's code: nothing to rewrite.
  }
}
