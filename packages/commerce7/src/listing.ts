import { type QueryValue, type ResourceName, ValidationError } from '@storeport/core';
import { type ListDeclaration, nativeCursors } from '@storeport/core/kit';
import type { Commerce7Client } from './client';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './options';
import { PLATFORM } from './platform';
import { wirePage } from './wire/page';

type Filters = Readonly<Record<string, unknown>>;
type Declared<W, T> = Pick<
  ListDeclaration<string, W, T>,
  'wire' | 'map' | 'filters' | 'filterHints' | 'checkFilters'
>;

/**
 * A list in cursor mode (`cursor=start`, then the cursor each page returns) on `/customer`,
 * `/order` or `/product`: every one has it, and it is not rate limited, so a full export never
 * touches page mode. `limit` travels with each request (1–50). Commerce7 documents no sort.
 */
export function cursorList<W, T>(
  client: Commerce7Client,
  resource: ResourceName,
  spec: Declared<W, T> & { query: (filters: Filters) => Record<string, QueryValue> },
): ListDeclaration<string, W, T> {
  const envelope = wirePage(resource);
  const { query, ...declared } = spec;
  return {
    ...declared,
    // `start` opens a list: a user's cursor holding it was made by hand.
    paging: nativeCursors(['start']),
    maxPageSize: MAX_PAGE_SIZE,
    defaultPageSize: DEFAULT_PAGE_SIZE,
    filterHints: { ...spec.filterHints, sort: 'Commerce7 documents no sort parameter' },
    async fetchPage({ native, pageSize, filters, signal }) {
      const res = await client.send(
        {
          method: 'GET',
          path: `/${resource.slice(0, -1)}`,
          query: { ...query(filters), cursor: native ?? 'start', limit: pageSize },
          signal,
          what: `${resource} page`,
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
