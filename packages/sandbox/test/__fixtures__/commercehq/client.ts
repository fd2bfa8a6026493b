import { expect } from 'vitest';
import type { Sandbox } from '../../../src';
import { startSandbox } from '../../../src';
import type { CommerceHQSandboxAdapterOptions, CommerceHQStore } from '../../../src/commercehq';
import type { SandboxOptions } from '../../../src/types';

export type ChqSandbox = Sandbox<CommerceHQStore, CommerceHQSandboxAdapterOptions>;

export function startChq(options: Omit<SandboxOptions, 'platform'> = {}): Promise<ChqSandbox> {
  return startSandbox<CommerceHQStore, CommerceHQSandboxAdapterOptions>({
    platform: 'commercehq',
    ...options,
  });
}

export function basic(key: string, password: string): string {
  return `Basic ${Buffer.from(`${key}:${password}`).toString('base64')}`;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (for invalid JSON). */
  rawBody?: string;
  query?: Record<string, string | number>;
  /** `null` sends no Authorization header; a string replaces it. */
  auth?: string | null;
  signal?: AbortSignal;
}

export interface CallResult<T> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/** One request to the sandbox's `/api/v1`, authenticated with its credentials unless told otherwise. */
export async function call<T = Record<string, unknown>>(
  sb: ChqSandbox,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const url = new URL(`${sb.baseUrl}${path}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = {};
  const auth = options.auth === undefined ? basic(sb.options.apiKey, sb.options.apiPassword) : options.auth;
  if (auth !== null) headers.authorization = auth;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    ...(payload !== undefined ? { body: payload } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: body as T };
}

export interface ChqPage<T> {
  items: T[];
  _links: Record<string, { href: string } | string>;
  _meta: { totalCount: number; pageCount: number; currentPage: number; perPage: number };
}

/** Follows `page` until `_links.next` is gone; returns every item and each page's meta. */
export async function allPages<T = Record<string, unknown>>(
  sb: ChqSandbox,
  path: string,
  query: Record<string, string | number> = {},
  options: { method?: string; body?: unknown } = {},
): Promise<{ items: T[]; pages: Array<ChqPage<T>> }> {
  const items: T[] = [];
  const pages: Array<ChqPage<T>> = [];
  for (let page = 1; page < 10_000; page++) {
    const res = await call<ChqPage<T>>(sb, options.method ?? 'GET', path, {
      query: { ...query, page },
      ...(options.body !== undefined ? { body: options.body } : {}),
    });
    if (res.status !== 200) throw new Error(`page ${page}: ${res.status} ${res.text}`);
    pages.push(res.body);
    items.push(...res.body.items);
    if (!res.body._links.next) return { items, pages };
  }
  throw new Error('paging never ended');
}

/** The seed's Yii2-style error body for statuses it does not document. */
export function yiiError(status: number, name: string, message?: string) {
  return {
    name,
    message: message ?? expectString(),
    code: 0,
    status,
  };
}

function expectString(): string {
  return expect.any(String) as unknown as string;
}
