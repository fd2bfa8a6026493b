import type { SimRequest, SimResponse } from '../types';
import { toCents } from './decimal';
import type { Row } from './store';
import { PRODUCT_RELATIONS } from './wire-types';

/** The seed: "Number of items per page. Defaults to 20". */
export const DEFAULT_PAGE_SIZE = 20;
/**
 * The largest page size. Not documented: the seed shows `size=200` ("this might affect
 * performance") and real clients use 200, so 200 is served and anything larger is clamped to it,
 * the way Yii2's `pageSizeLimit` clamps (a size below 1 or not a number becomes 1). Configurable.
 */
export const DEFAULT_MAX_PAGE_SIZE = 200;

export type LinkStyle = 'object' | 'string';

export interface ListingOptions {
  maxPageSize: number;
  /**
   * `_links` entries as `{href}` objects (the seed's search sample, and Yii2) or as plain strings
   * (the seed's wrapper description). The seed contradicts itself, so both are served.
   */
  linkStyle: LinkStyle;
}

/** Top-level fields each resource can be sorted by (Yii2's Sort ignores any other attribute). */
export const SORTABLE: Record<'customers' | 'products' | 'orders' | 'carriers', readonly string[]> = {
  customers: ['id', 'email', 'first_name', 'last_name', 'notes', 'created_at', 'updated_at'],
  products: [
    'id',
    'title',
    'is_multi',
    'type',
    'shipping_weight',
    'auto_fulfilment',
    'track_inventory',
    'vendor',
    'sku',
    'seo_title',
    'seo_url',
    'is_template',
    'is_draft',
    'price',
    'compare_price',
    'created_at',
    'updated_at',
  ],
  orders: [
    'id',
    'display_number',
    'email',
    'status',
    'paid',
    'tax',
    'total',
    'ip',
    'refunded',
    'refund_possible',
    'order_date',
    'updated_at',
    'notes',
  ],
  carriers: ['id', 'title', 'url', 'is_deleted'],
};

/**
 * `sort=!title,price`: `!` means descending (the seed). Default: id descending. Rows that tie on
 * every requested attribute keep id order, as a database reading its primary key would.
 */
export function sortRows(rows: Row[], sort: string | null, sortable: readonly string[]): Row[] {
  const keys: Array<{ field: string; dir: 1 | -1 }> = [];
  for (const part of (sort ?? '').split(',')) {
    const raw = part.trim();
    const desc = raw.startsWith('!');
    const field = desc ? raw.slice(1) : raw;
    if (sortable.includes(field) && !keys.some((k) => k.field === field))
      keys.push({ field, dir: desc ? -1 : 1 });
  }
  if (keys.length === 0) keys.push({ field: 'id', dir: -1 });
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', dir: 1 });
  const idOf = (row: Row) => (typeof row.id === 'number' ? row.id : Number(row.id));
  return [...rows].sort((a, b) => {
    for (const { field, dir } of keys) {
      const c = field === 'id' ? compareValues(idOf(a), idOf(b)) : compareValues(a[field], b[field]);
      if (c !== 0) return c * dir;
    }
    return 0;
  });
}

/** NULLs first (MySQL), then booleans, numbers (decimal strings compare as numbers), then text. */
function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 2) {
    const na = numeric(a)!;
    const nb = numeric(b)!;
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  if (ra === 1) return Number(a) - Number(b);
  if (ra === 3) {
    const sa = String(a).toLowerCase();
    const sb = String(b).toLowerCase();
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  return 0;
}

function rank(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return 1;
  if (numeric(v) !== undefined) return 2;
  if (typeof v === 'string') return 3;
  return 4;
}

function numeric(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && toCents(v) !== undefined) return Number(v);
  return undefined;
}

/** `fields=id,title` keeps only those fields; `expand=images,variants` (or `all`) adds product relations. */
export interface Projection {
  fields: string[] | null;
  expand: readonly string[];
}

export function projection(req: SimRequest, body?: unknown): Projection {
  const fromBody =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>).fields
      : undefined;
  const fieldsText = req.query.get('fields') ?? (typeof fromBody === 'string' ? fromBody : null);
  const fields = fieldsText
    ? fieldsText
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
    : null;
  const expandText = req.query.get('expand') ?? '';
  const asked = expandText.split(',').map((e) => e.trim());
  const expand = asked.includes('all')
    ? PRODUCT_RELATIONS
    : PRODUCT_RELATIONS.filter((r) => asked.includes(r));
  return { fields: fields && fields.length > 0 ? fields : null, expand };
}

/** A record as served: product relations only when expanded, and only the asked-for fields. */
export function project(resource: string, row: Row, p: Projection): Row {
  const relations: readonly string[] = resource === 'products' ? PRODUCT_RELATIONS : [];
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (relations.includes(key)) continue;
    if (p.fields && !p.fields.includes(key)) continue;
    out[key] = value;
  }
  for (const rel of p.expand) if (relations.includes(rel) && rel in row) out[rel] = row[rel];
  return out;
}

export interface PageInfo {
  page: number;
  size: number;
  totalCount: number;
  pageCount: number;
}

/**
 * Yii2 pagination, which CommerceHQ's envelope comes from: `size` is clamped to [1, max], and a
 * `page` past the last one is clamped to the last page (Yii2's `validatePage`), so a client that
 * keeps asking for the next page number gets the last page again, not an empty one. Stop on the
 * absence of `_links.next` (or `currentPage >= pageCount`).
 */
export function pageInfo(query: URLSearchParams, totalCount: number, maxPageSize: number): PageInfo {
  const sizeParam = query.get('size');
  let size = sizeParam === null ? DEFAULT_PAGE_SIZE : phpInt(sizeParam);
  size = Math.min(Math.max(size, 1), maxPageSize);
  const pageCount = Math.ceil(totalCount / size);
  let page = phpInt(query.get('page') ?? '1') - 1;
  if (page >= pageCount) page = pageCount - 1;
  if (page < 0) page = 0;
  return { page: page + 1, size, totalCount, pageCount };
}

/** PHP's `(int)` cast: leading integer digits, else 0. */
function phpInt(text: string): number {
  const m = /^\s*([+-]?\d+)/.exec(text);
  return m ? Number.parseInt(m[1]!, 10) : 0;
}

/**
 * The `{items, _links, _meta}` envelope plus Yii2's `X-Pagination-*` and `Link` headers. Links
 * follow the seed's sample (page 1 of 1 shows only `self`): `first`/`prev` from page 2 on,
 * `next`/`last` before the last page. They keep the request's query and carry `size` only when it
 * is not the default.
 */
export function listResponse(
  req: SimRequest,
  resource: string,
  rows: Row[],
  p: Projection,
  options: ListingOptions,
): SimResponse {
  const info = pageInfo(req.query, rows.length, options.maxPageSize);
  const start = (info.page - 1) * info.size;
  const items = rows.slice(start, start + info.size).map((r) => project(resource, r, p));
  const host = String(req.headers.host ?? '127.0.0.1');
  const url = (page: number) => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(page));
    if (info.size === DEFAULT_PAGE_SIZE) q.delete('size');
    else q.set('size', String(info.size));
    return `http://${host}${req.path}?${q.toString()}`;
  };
  const links: Record<string, string> = { self: url(info.page) };
  if (info.page > 1) {
    links.first = url(1);
    links.prev = url(info.page - 1);
  }
  if (info.page < info.pageCount) {
    links.next = url(info.page + 1);
    links.last = url(info.pageCount);
  }
  const styled =
    options.linkStyle === 'string'
      ? links
      : Object.fromEntries(Object.entries(links).map(([rel, href]) => [rel, { href }]));
  return {
    status: 200,
    headers: {
      'x-pagination-total-count': String(info.totalCount),
      'x-pagination-page-count': String(info.pageCount),
      'x-pagination-current-page': String(info.page),
      'x-pagination-per-page': String(info.size),
      link: Object.entries(links)
        .map(([rel, href]) => `<${href}>; rel=${rel}`)
        .join(', '),
    },
    body: {
      items,
      _links: styled,
      _meta: {
        totalCount: info.totalCount,
        pageCount: info.pageCount,
        currentPage: info.page,
        perPage: info.size,
      },
    },
  };
}
