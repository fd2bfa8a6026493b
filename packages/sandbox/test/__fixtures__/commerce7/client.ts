import type { Sandbox } from '../../../src/index';

/** Basic auth plus the `tenant` header, exactly as the sandbox's adapter options describe them. */
export function c7Headers(sb: Sandbox): Record<string, string> {
  const o = sb.options as { appId: string; appSecret: string; tenant: string };
  return {
    authorization: `Basic ${Buffer.from(`${o.appId}:${o.appSecret}`).toString('base64')}`,
    tenant: o.tenant,
  };
}

export interface C7Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** One request to the sandbox's `/v1`, authenticated unless `headers` replaces the credentials. */
export async function c7<T = Record<string, unknown>>(
  sb: Sandbox,
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<C7Reply<T>> {
  const headers: Record<string, string> = init.headers ?? c7Headers(sb);
  if (init.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${sb.baseUrl}${path}`, {
    method,
    headers,
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

/** Follows Commerce7's cursor mode to the end; returns every page's records. */
export async function walkCursor(
  sb: Sandbox,
  path: string,
  key: string,
  limit?: number,
): Promise<unknown[][]> {
  const pages: unknown[][] = [];
  let cursor = 'start';
  const sep = path.includes('?') ? '&' : '?';
  for (let guard = 0; guard < 10_000; guard += 1) {
    const q = `${sep}cursor=${encodeURIComponent(cursor)}${limit ? `&limit=${limit}` : ''}`;
    const r = await c7<Record<string, unknown>>(sb, 'GET', `${path}${q}`);
    if (r.status !== 200) throw new Error(`cursor page failed: ${r.status} ${r.text}`);
    pages.push(r.body[key] as unknown[]);
    const next = r.body.cursor;
    if (typeof next !== 'string' || next === '') return pages;
    cursor = next;
  }
  throw new Error('cursor never ended');
}

export const ids = (records: unknown[]): string[] => records.map((r) => (r as { id: string }).id);
