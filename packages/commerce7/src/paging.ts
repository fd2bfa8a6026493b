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

/**
 * The native state inside a unified cursor: Commerce7's own cursor for the next request. Cursors
 * look like time-based UUIDs; we treat them as opaque strings.
 */
export type NativeCursor = string;

export interface OpenedList<F> {
  pageSize: number;
  filters: F;
  /** `start` on the first page, else the cursor Commerce7 returned. */
  cursor: string;
}

/** Page size, filters and the Commerce7 cursor to send, from the params or the unified cursor. */
export function openList<F extends Record<string, unknown>>(
  resource: ResourceName,
  params: ListParams | undefined,
): OpenedList<F> {
  const opened = openPage<NativeCursor, F>({
    platform: PLATFORM,
    resource,
    params,
    maxPageSize: MAX_PAGE_SIZE,
    defaultPageSize: DEFAULT_PAGE_SIZE,
  });
  if (
    opened.native !== undefined &&
    (typeof opened.native !== 'string' || opened.native === '' || opened.native === 'start')
  ) {
    throw new InvalidCursorError(`${PLATFORM}: invalid cursor: it carries no Commerce7 cursor`, {
      platform: PLATFORM,
      code: 'invalid_cursor',
    });
  }
  return { pageSize: opened.pageSize, filters: opened.filters, cursor: opened.native ?? 'start' };
}

/**
 * The unified page. The docs: "Continue making requests until you receive a request with no
 * cursor id in the response" — and that last response still carries records. A missing, null or
 * empty cursor ends the list; an empty page that still carries a cursor does not (the iterator
 * in core stops a run of them, and a cursor seen before, instead of looping).
 */
export function toPage<T, F extends Record<string, unknown>>(
  resource: ResourceName,
  opened: OpenedList<F>,
  items: T[],
  cursor: string | null | undefined,
): Page<T> {
  const native = typeof cursor === 'string' && cursor !== '' ? cursor : null;
  return {
    items,
    nextCursor: nextCursor({
      platform: PLATFORM,
      resource,
      pageSize: opened.pageSize,
      filters: opened.filters,
      native,
    }),
  };
}
