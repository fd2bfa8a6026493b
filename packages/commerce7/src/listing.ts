import {
  filterGuards,
  type IterateParams,
  iterateList,
  type ListParams,
  type Page,
  type QueryValue,
  type ResourceName,
  signalOf,
  ValidationError,
} from '@storeport/core';
import type { z } from 'zod';
import type { C7Client } from './client';
import { PLATFORM } from './options';
import { openList, toPage } from './paging';

export type Filters = Record<string, unknown>;

export interface ListSpec<P, W, T> {
  resource: ResourceName;
  path: string;
  schema: z.ZodType<P>;
  items: (page: P) => W[];
  cursor: (page: P) => string | null | undefined;
  map: (wire: W) => T;
  /** Commerce7 query parameters for the unified filters; throws ValidationError for one it lacks. */
  query: (filters: Filters) => Record<string, QueryValue>;
}

/**
 * `list` and `iterate` in cursor mode (`cursor=start`, then the cursor each page returns): every
 * customer, order and product list has it, and it is not rate limited, so a full export never
 * touches page mode. `limit` travels with each request (1–50).
 */
export function makeLister<P, W, T, L extends ListParams>(client: C7Client, spec: ListSpec<P, W, T>) {
  async function list(params?: L): Promise<Page<T>> {
    const opened = openList<Filters>(spec.resource, params);
    // Checked before anything is sent (a cursor's filters were checked when it was made).
    const query = spec.query(opened.filters);
    const res = await client.send(
      {
        method: 'GET',
        path: spec.path,
        query: { ...query, cursor: opened.cursor, limit: opened.pageSize },
        ...signalOf(params),
        what: `${spec.resource} page`,
      },
      spec.schema,
    );
    return toPage(spec.resource, opened, spec.items(res.body).map(spec.map), spec.cursor(res.body));
  }

  function iterate(params?: IterateParams<L>): AsyncIterableIterator<T> {
    // Cursors are sequential: `concurrency` cannot fetch ahead, so pages come one at a time.
    return iterateList<T, L>(list, params, PLATFORM);
  }

  return { list, iterate };
}

/**
 * Refuses filters the API does not apply, naming them, so nothing is silently ignored (`sort`
 * too: Commerce7 documents none); turns an ISO 8601 filter value into UTC with milliseconds, or a
 * ValidationError naming the filter.
 */
export const { onlyFilters, timeFilter } = filterGuards({
  platform: PLATFORM,
  issue: (resource) => `not a ${resource} filter Commerce7 applies`,
  hints: { sort: 'Commerce7 documents no sort parameter' },
  code: (key) => (key === 'sort' ? 'unsupported_sort' : 'unsupported_filter'),
});

/**
 * A date range on one Commerce7 date parameter: `gte:` / `lt:` alone, or `btw:<from>|<to>` (both
 * ends inclusive, so the exclusive upper bound becomes one millisecond earlier). Only where the
 * docs list `btw:` for that parameter; elsewhere both bounds at once are refused.
 */
export function dateRange(
  resource: ResourceName,
  param: string,
  since: string | undefined,
  before: string | undefined,
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
    const to = new Date(Date.parse(before) - 1).toISOString();
    return { [param]: `btw:${since}|${to}` };
  }
  if (since !== undefined) return { [param]: `gte:${since}` };
  if (before !== undefined) return { [param]: `lt:${before}` };
  return {};
}
