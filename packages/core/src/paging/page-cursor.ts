import type { ListParams } from '../adapter';
import { ValidationError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';

const NOT_FILTERS = new Set(['limit', 'cursor', 'signal', 'maxItems', 'concurrency', 'onInvalidRecord']);

/** The filter part of list params: what a cursor is bound to. */
export function filtersOf(params: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (!NOT_FILTERS.has(k) && v !== undefined) out[k] = v;
  return out;
}

export interface OpenedPage<N, F> {
  pageSize: number;
  filters: F;
  /** The platform's paging state from the cursor; undefined on the first page. */
  native: N | undefined;
}

/**
 * Reads list params into page size, filters and native state: from the cursor when there is one
 * (filters given alongside must match it), else from the params. Bad sizes are rejected before sending.
 */
export function openPage<N, F extends Record<string, unknown> = Record<string, unknown>>(options: {
  platform: string;
  resource: string;
  params: ListParams | undefined;
  maxPageSize: number;
  defaultPageSize: number;
}): OpenedPage<N, F> {
  const params = options.params ?? {};
  const given = filtersOf(params);
  if (params.cursor) {
    const payload = decodeCursor<N>(params.cursor, {
      platform: options.platform,
      resource: options.resource,
      ...(Object.keys(given).length > 0 ? { filters: given } : {}),
    });
    return { pageSize: payload.pageSize, filters: payload.filters as F, native: payload.native };
  }
  const limit = params.limit ?? options.defaultPageSize;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ValidationError(`${options.platform}: limit must be a positive integer, got ${String(limit)}`, {
      platform: options.platform,
      code: 'invalid_input',
      issues: [{ field: 'limit', message: 'must be a positive integer' }],
    });
  }
  return { pageSize: Math.min(limit, options.maxPageSize), filters: given as F, native: undefined };
}

/** The unified cursor for the next page, or null when there is none. */
export function nextCursor<N>(options: {
  platform: string;
  resource: string;
  pageSize: number;
  filters: Record<string, unknown>;
  native: N | null | undefined;
}): string | null {
  if (options.native === null || options.native === undefined) return null;
  return encodeCursor({
    platform: options.platform,
    resource: options.resource,
    pageSize: options.pageSize,
    filters: options.filters,
    native: options.native,
  });
}
