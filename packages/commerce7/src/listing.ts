import { type QueryValue, type ResourceName, ValidationError } from '@storeport/core';
import { type ListDeclaration, nativeCursors } from '@storeport/core/kit';
import type { z } from 'zod';
import type { Commerce7Client } from './client';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './options';
import { PLATFORM } from './platform';
import { wirePage } from './wire/page';

type Filters = Readonly<Record<string, unknown>>;

export interface CursorList<W, T> {
  resource: ResourceName;
  path: string;
  /** The record array's key in the body (`customers`, `orders`, `products`). */
  key: string;
  wire: z.ZodType<W>;
  map: (wire: W) => T;
  filters: readonly string[];
  filterHints?: Record<string, string>;
  checkFilters?: (filters: Filters) => void;
  /** Commerce7 query parameters for the (checked) unified filters. */
  query: (filters: Filters) => Record<string, QueryValue>;
}

/**
 * A list in cursor mode (`cursor=start`, then the cursor each page returns): every customer,
 * order and product list has it, and it is not rate limited, so a full export never touches page
 * mode. `limit` travels with each request (1–50). Commerce7 documents no sort.
 */
export function cursorList<W, T>(
  client: Commerce7Client,
  spec: CursorList<W, T>,
): ListDeclaration<string, W, T> {
  const envelope = wirePage(spec.key);
  return {
    wire: spec.wire,
    map: spec.map,
    // `start` opens a list: a user's cursor holding it was made by hand.
    paging: nativeCursors(['start']),
    maxPageSize: MAX_PAGE_SIZE,
    defaultPageSize: DEFAULT_PAGE_SIZE,
    filters: spec.filters,
    filterHints: { ...spec.filterHints, sort: 'Commerce7 documents no sort parameter' },
    checkFilters: spec.checkFilters,
    async fetchPage({ native, pageSize, filters, signal }) {
      const res = await client.send(
        {
          method: 'GET',
          path: spec.path,
          query: { ...spec.query(filters), cursor: native ?? 'start', limit: pageSize },
          signal,
          what: `${spec.resource} page`,
        },
        envelope,
      );
      // "Continue making requests until you receive a request with no cursor id in the response."
      const { records, cursor } = res.body;
      return { records, next: cursor ? cursor : null };
    },
  };
}

/**
 * A date range on one Commerce7 date parameter: `gte:` / `lt:` alone, or `btw:<from>|<to>` (both
 * ends inclusive, so the exclusive upper bound becomes one millisecond earlier). Only where the
 * docs list `btw:` for that parameter; elsewhere both bounds at once are refused.
 */
export function dateRange(
  resource: ResourceName,
  param: string,
  since: unknown,
  before: unknown,
  between: boolean,
): Record<string, QueryValue> {
  if (since !== undefined && before !== undefined) {
    if (!between) {
      throw new ValidationError(
        `${PLATFORM}: ${resource} cannot be filtered by createdSince and createdBefore together (Commerce7 documents no btw: for ${param})`,
        {
          platform: PLATFORM,
          code: 'unsupported_filter',
          issues: [{ field: 'createdBefore', message: 'cannot be combined with createdSince here' }],
        },
      );
    }
    const to = new Date(Date.parse(before as string) - 1).toISOString();
    return { [param]: `btw:${since}|${to}` };
  }
  if (since !== undefined) return { [param]: `gte:${since}` };
  if (before !== undefined) return { [param]: `lt:${before}` };
  return {};
}
