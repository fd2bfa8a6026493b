import type { Sandbox, SandboxOptions } from '../../../src';
import { startSandbox } from '../../../src';
import type { CommerceApiAdapterOptions, CommerceApiStore, WireTokens } from '../../../src/commerce-api';
import shapes from './wire-shapes.json';

export type ApiSandbox = Sandbox<CommerceApiStore, CommerceApiAdapterOptions>;

export function startCommerceApi(options: Omit<SandboxOptions, 'platform'> = {}): Promise<ApiSandbox> {
  return startSandbox<CommerceApiStore, CommerceApiAdapterOptions>({ platform: 'commerce-api', ...options });
}

export interface ApiReply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  apiKey?: string;
  body?: unknown;
  /** Sent as is (for invalid JSON). */
  rawBody?: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
}

/** One real HTTP call to the sandbox; `path` is relative to the API base (`/v2`). */
export async function call<T = Record<string, unknown>>(
  sb: ApiSandbox,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiReply<T>> {
  const url = new URL(`${sb.baseUrl}${path}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function login(
  sb: ApiSandbox,
  credentials: { email?: string; password?: string; remember?: boolean } = {},
): Promise<WireTokens> {
  const opts = sb.options.credentials as { email: string; password: string };
  const reply = await call<WireTokens>(sb, 'POST', '/auth/login', {
    body: {
      email: credentials.email ?? opts.email,
      password: credentials.password ?? opts.password,
      ...(credentials.remember !== undefined ? { remember: credentials.remember } : {}),
    },
  });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${reply.text}`);
  return reply.body;
}

/** Every page of a list, in order, asserting nothing: callers check what came back. */
export async function allPages<T>(
  sb: ApiSandbox,
  path: string,
  token: string,
  query: Record<string, string | number | boolean> = {},
  pageSize = 17,
): Promise<{
  items: T[];
  pages: { total: number; page: number; pageSize: number; pages: number; count: number }[];
}> {
  const items: T[] = [];
  const pages: { total: number; page: number; pageSize: number; pages: number; count: number }[] = [];
  for (let page = 1; page < 10_000; page += 1) {
    const reply = await call<{ data: T[]; total: number; page: number; pageSize: number; pages: number }>(
      sb,
      'GET',
      path,
      {
        token,
        query: { ...query, page, pageSize },
      },
    );
    if (reply.status !== 200) throw new Error(`${path} page ${page}: ${reply.status} ${reply.text}`);
    const { data, ...meta } = reply.body;
    pages.push({ ...meta, count: data.length });
    if (data.length === 0) break;
    items.push(...data);
  }
  return { items, pages };
}

type ShapeName = keyof typeof shapes;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Problems of `value` against a shape from wire-shapes.json: missing, extra or ill-typed fields. */
export function shapeProblems(name: Exclude<ShapeName, '$comment'>, value: unknown): string[] {
  const shape = shapes[name] as Record<string, string>;
  if (kindOf(value) !== 'object') return [`${name}: not an object`];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const [field, type] of Object.entries(shape)) {
    if (!(field in record)) {
      problems.push(`${name}.${field}: missing`);
      continue;
    }
    const kind = kindOf(record[field]);
    const allowed = type.split('|');
    const ok = allowed.includes(kind) || (kind === 'integer' && allowed.includes('number'));
    if (!ok) problems.push(`${name}.${field}: ${kind}, expected ${type}`);
  }
  for (const field of Object.keys(record))
    if (!(field in shape)) problems.push(`${name}.${field}: unexpected`);
  return problems;
}

/** Minor units of a decimal JSON number, by its text (never by float multiplication). */
export function minor(value: number, exponent: number): number {
  const [whole = '0', fraction = ''] = String(Math.abs(value)).split('.');
  if (fraction.replace(/0+$/, '').length > exponent)
    throw new Error(`${value} has more than ${exponent} decimals`);
  const n = Number(whole + fraction.padEnd(exponent, '0'));
  return value < 0 ? -n : n;
}

export const EXPONENT: Record<string, number> = { USD: 2, EUR: 2, GBP: 2, JPY: 0 };
