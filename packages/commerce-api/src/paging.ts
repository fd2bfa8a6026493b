import {
  InvalidCursorError,
  type ListParams,
  nextCursor,
  openPage,
  type Page,
  type ResourceName,
} from '@storeport/core';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './capabilities';
import { PLATFORM } from './options';

/** The native state inside a unified cursor: the next 1-based page number. */
export type NativePage = { page: number };

export interface OpenedList<F> {
  page: number;
  pageSize: number;
  filters: F;
}

/** Page number, size and filters for a list call, from the cursor when there is one. */
export function openList<F extends Record<string, unknown>>(
  resource: ResourceName,
  params: ListParams | undefined,
): OpenedList<F> {
  const opened = openPage<NativePage, F>({
    platform: PLATFORM,
    resource,
    params,
    maxPageSize: MAX_PAGE_SIZE,
    defaultPageSize: DEFAULT_PAGE_SIZE,
  });
  const page = opened.native?.page ?? 1;
  if (!Number.isSafeInteger(page) || page < 1) {
    // The checksum passed, so this cursor was built by hand: refuse it rather than send it.
    throw new InvalidCursorError(`${PLATFORM}: the cursor holds an invalid page number`, {
      platform: PLATFORM,
      code: 'invalid_cursor',
    });
  }
  return { page, pageSize: opened.pageSize, filters: opened.filters };
}

/**
 * How many pages the list has: the envelope's `pages`, else `total` over the page size; unknown
 * (undefined) when the envelope sends neither (the seed stars only `data`).
 */
export function pageCountOf(
  envelope: { total?: number | undefined; pages?: number | undefined },
  pageSize: number,
): number | undefined {
  if (envelope.pages !== undefined) return envelope.pages;
  return envelope.total !== undefined ? Math.ceil(envelope.total / pageSize) : undefined;
}

/**
 * The unified page for one native page. There is a next page when the page count (`pages`, or
 * `total` over the page size) says so, or, without either, when this page came back full; never
 * after an empty page. Records created while a client pages are appended (default order is
 * creation order), so a later page still picks them up; a record deleted meanwhile shifts the
 * rest by one (see the docs).
 */
export function toPage<T>(
  resource: ResourceName,
  opened: OpenedList<Record<string, unknown>>,
  envelope: { data: unknown[]; total?: number | undefined; pages?: number | undefined },
  items: T[],
): Page<T> {
  const count = envelope.data.length;
  const pages = pageCountOf(envelope, opened.pageSize);
  const more = count > 0 && (pages !== undefined ? opened.page < pages : count >= opened.pageSize);
  const next = nextCursor<NativePage>({
    platform: PLATFORM,
    resource,
    pageSize: opened.pageSize,
    filters: opened.filters,
    native: more ? { page: opened.page + 1 } : null,
  });
  return { items, nextCursor: next, ...(envelope.total !== undefined ? { totalCount: envelope.total } : {}) };
}
