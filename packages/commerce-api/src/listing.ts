import {
  filterGuards,
  type IterateParams,
  iterateConcurrently,
  type ListParams,
  type Page,
  type QueryValue,
  type ResourceName,
  ValidationError,
} from '@storeport/core';
import type { z } from 'zod';
import type { ApiClient } from './client';
import { PLATFORM } from './options';
import { type OpenedList, openList, pageCountOf, toPage } from './paging';
import { wirePage } from './wire/page';

export type Filters = Record<string, unknown>;

export interface ListSpec<W, T> {
  resource: ResourceName;
  path: string;
  schema: z.ZodType<W>;
  map: (wire: W) => T;
  /** The API's query parameters for the unified filters; throws ValidationError for one it lacks. */
  query: (filters: Filters) => Record<string, QueryValue>;
}

/** `list` and `iterate` (sequential, or `concurrency` pages at a time) for one resource. */
export function makeLister<W, T, L extends ListParams>(client: ApiClient, spec: ListSpec<W, T>) {
  const pageSchema = wirePage(spec.schema);

  async function fetchPage(opened: OpenedList<Filters>, signal: AbortSignal | undefined) {
    const query = { ...spec.query(opened.filters), page: opened.page, pageSize: opened.pageSize };
    const res = await client.send(
      { method: 'GET', path: spec.path, query, ...(signal ? { signal } : {}), what: `${spec.resource} page` },
      pageSchema,
    );
    return { envelope: res.body, items: res.body.data.map((w) => spec.map(w as W)) };
  }

  async function list(params?: L): Promise<Page<T>> {
    const opened = openList<Filters>(spec.resource, params);
    // Filters are checked before anything is sent (a cursor's were checked when it was made).
    spec.query(opened.filters);
    const { envelope, items } = await fetchPage(opened, params?.signal);
    return toPage(spec.resource, opened, envelope, items);
  }

  function iterate(params?: IterateParams<L>): AsyncIterableIterator<T> {
    // Numbered pages from the cursor's page on (1 without one); `pages` or `total`, when sent, says where they end.
    return iterateConcurrently<T, L>(list, params, PLATFORM, (rest) => {
      const opened = openList<Filters>(spec.resource, rest);
      spec.query(opened.filters);
      return {
        firstPage: opened.page,
        fetchPage: async (page) => {
          const { envelope, items } = await fetchPage({ ...opened, page }, rest.signal);
          return { items, pageCount: pageCountOf(envelope, opened.pageSize) ?? null };
        },
      };
    });
  }

  return { list, iterate };
}

/**
 * Refuses filters a resource does not know, naming them, so nothing is silently ignored; turns an
 * ISO 8601 filter value into UTC, or a ValidationError naming the filter.
 */
export const { onlyFilters, timeFilter } = filterGuards({
  platform: PLATFORM,
  issue: (resource) => `not a ${resource} filter the Commerce API has`,
});

/** `sort` in the unified form → the API's `sort` + `order`, for the fields a resource maps. */
export function sortQuery(
  resource: ResourceName,
  sort: unknown,
  fields: Record<string, string>,
): Record<string, QueryValue> {
  if (sort === undefined) return {};
  const spec = sort as { field?: unknown; direction?: unknown };
  const field = typeof spec.field === 'string' ? fields[spec.field] : undefined;
  const direction = spec.direction ?? 'asc';
  if (!field || (direction !== 'asc' && direction !== 'desc')) {
    const known = Object.keys(fields);
    throw new ValidationError(
      `${PLATFORM}: ${resource} can be sorted by ${known.length ? known.join(', ') : 'nothing'} (asc or desc)`,
      {
        platform: PLATFORM,
        code: 'unsupported_sort',
        issues: [{ field: 'sort', message: 'unsupported sort' }],
      },
    );
  }
  return { sort: field, order: direction };
}
