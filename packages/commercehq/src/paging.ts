import {
  InvalidCursorError,
  type ListParams,
  nextCursor,
  openPage,
  type ResourceName,
} from '@storeport/core';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './capabilities';
import { PLATFORM } from './options';
import { linkHref, type WirePage } from './wire/page';

/**
 * The native state inside a unified cursor: the next 1-based page, and for a two-phase search
 * (orders `updatedSince`, see orders.ts) which phase it is in.
 */
export interface NativePage {
  page: number;
  phase?: 2;
}

export interface OpenedList {
  page: number;
  phase: 1 | 2;
  pageSize: number;
  filters: Record<string, unknown>;
}

/** Page, phase, size and filters of a list call: from the cursor when there is one, else from the params. */
export function openList(resource: ResourceName, params: ListParams | undefined): OpenedList {
  const opened = openPage<NativePage>({
    platform: PLATFORM,
    resource,
    params,
    maxPageSize: MAX_PAGE_SIZE,
    defaultPageSize: DEFAULT_PAGE_SIZE,
  });
  const native = opened.native;
  const page = native?.page ?? 1;
  const phase = native?.phase ?? 1;
  if (!Number.isSafeInteger(page) || page < 1 || (phase !== 1 && phase !== 2)) {
    // The checksum passed, so this cursor was built by hand: refuse it rather than send it.
    throw new InvalidCursorError(`${PLATFORM}: the cursor holds an invalid page`, {
      platform: PLATFORM,
      code: 'invalid_cursor',
    });
  }
  return { page, phase, pageSize: opened.pageSize, filters: opened.filters };
}

/**
 * Whether CommerceHQ has a page after `page`: `_meta` says so (currentPage < pageCount), or,
 * without `_meta`, `_links.next` is there. Yii2 answers a page past the end with the last page
 * again, so a page that is not the one asked for is no page at all (see `isPastEnd`).
 */
export function hasNextPage(body: WirePage<unknown>, page: number): boolean {
  if (body._meta) return page < body._meta.pageCount;
  return body.items.length > 0 && linkHref(body._links?.next) !== undefined;
}

/** The platform served another page than the one asked for (clamped to its last): records were removed meanwhile. */
export function isPastEnd(body: WirePage<unknown>, page: number): boolean {
  return body._meta !== null && body._meta !== undefined && body._meta.currentPage !== page;
}

export function cursorFor(
  resource: ResourceName,
  opened: OpenedList,
  native: NativePage | null,
): string | null {
  return nextCursor<NativePage>({
    platform: PLATFORM,
    resource,
    pageSize: opened.pageSize,
    filters: opened.filters,
    native,
  });
}
