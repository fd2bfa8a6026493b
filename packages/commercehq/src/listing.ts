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
import type { ChqClient } from './client';
import { PLATFORM } from './options';
import { cursorFor, hasNextPage, isPastEnd, type OpenedList, openList } from './paging';
import { type WirePage, wirePage } from './wire/page';

export type Filters = Record<string, unknown>;

/** How one list call asks CommerceHQ: plain GET, or the search endpoint with a body. */
export interface ListPlan<W> {
  /** Filters for `POST {path}/search`; undefined lists with `GET {path}`. */
  search?: Record<string, unknown>;
  /** Drops records the server could not (phase 2 of a two-phase search). */
  keep?: (wire: W) => boolean;
  /** 2 when the list continues with a second search after the first one ends. */
  phases: 1 | 2;
}

export interface ListSpec<W, T> {
  resource: ResourceName;
  path: string;
  schema: z.ZodType<W>;
  map: (wire: W) => T;
  /** Relations to `expand` on every read. */
  expand?: string;
  /** Unified sort field → CommerceHQ attribute. */
  sorts: Record<string, string>;
  /** The request for these filters in this phase; null when no record can match. Throws ValidationError for a filter it lacks. */
  plan: (filters: Filters, phase: 1 | 2) => ListPlan<W> | null;
}

/** `list` and `iterate` for one resource, over CommerceHQ's `page`/`size` paging. */
export function makeLister<W, T, L extends ListParams>(client: ChqClient, spec: ListSpec<W, T>) {
  const pageSchema = wirePage(spec.schema);

  async function fetchPage(
    opened: OpenedList,
    plan: ListPlan<W>,
    page: number,
    signal: AbortSignal | undefined,
  ): Promise<WirePage<W>> {
    const query: Record<string, QueryValue> = {
      page,
      size: opened.pageSize,
      sort: sortParam(spec, opened.filters.sort),
      ...(spec.expand ? { expand: spec.expand } : {}),
    };
    const res = await client.send(
      {
        method: plan.search ? 'POST' : 'GET',
        path: plan.search ? `${spec.path}/search` : spec.path,
        query,
        ...(plan.search ? { body: plan.search, idempotent: true } : {}),
        ...(signal ? { signal } : {}),
        what: `${spec.resource} page`,
      },
      pageSchema,
    );
    return res.body as WirePage<W>;
  }

  async function list(params?: L): Promise<Page<T>> {
    const opened = openList(spec.resource, params);
    sortParam(spec, opened.filters.sort);
    let plan = spec.plan(opened.filters, opened.phase);
    let { page, phase } = opened;
    const items: T[] = [];
    let totalCount: number | undefined;
    for (;;) {
      if (!plan) return pageOf(items, null, undefined);
      const body = await fetchPage(opened, plan, page, params?.signal);
      const past = isPastEnd(body, page);
      const rows = past ? [] : plan.keep ? body.items.filter(plan.keep) : body.items;
      for (const row of rows) items.push(spec.map(row));
      if (plan.phases === 1 && body._meta) totalCount = body._meta.totalCount;
      const more = !past && hasNextPage(body, page);
      if (more) {
        // A filtered-out page is skipped here rather than handed out empty.
        if (items.length === 0 && plan.keep) {
          page += 1;
          continue;
        }
        return pageOf(
          items,
          cursorFor(spec.resource, opened, { page: page + 1, ...(phase === 2 ? { phase } : {}) }),
          totalCount,
        );
      }
      if (phase === 1 && plan.phases === 2) {
        if (items.length > 0)
          return pageOf(items, cursorFor(spec.resource, opened, { page: 1, phase: 2 }), undefined);
        phase = 2;
        page = 1;
        plan = spec.plan(opened.filters, 2);
        continue;
      }
      return pageOf(items, null, totalCount);
    }
  }

  function iterate(params?: IterateParams<L>): AsyncIterableIterator<T> {
    return iterateConcurrently<T, L>(list, params, PLATFORM, (rest) => {
      // A resumed run, a two-phase search and an empty plan page one at a time.
      if (rest.cursor) return null;
      const opened = openList(spec.resource, rest);
      sortParam(spec, opened.filters.sort);
      const plan = spec.plan(opened.filters, 1);
      if (!plan || plan.phases === 2) return null;
      return {
        firstPage: 1,
        fetchPage: async (page) => {
          const body = await fetchPage(opened, plan, page, rest.signal);
          const pageCount = body._meta?.pageCount ?? null;
          return { items: isPastEnd(body, page) ? [] : body.items.map(spec.map), pageCount };
        },
      };
    });
  }

  return { list, iterate };
}

function pageOf<T>(items: T[], nextCursor: string | null, totalCount: number | undefined): Page<T> {
  return { items, nextCursor, ...(totalCount !== undefined ? { totalCount } : {}) };
}

/**
 * The unified `sort` as CommerceHQ's `sort` parameter (`!` = descending), ties broken by id.
 * Default `id` ascending: new records land on the last page, so a running export loses and
 * repeats nothing (CommerceHQ's own default, id descending, would repeat records).
 */
export function sortParam(
  spec: { resource: ResourceName; sorts: Record<string, string> },
  sort: unknown,
): string {
  if (sort === undefined) return 'id';
  const s = sort as { field?: unknown; direction?: unknown };
  const field =
    typeof s?.field === 'string' && Object.hasOwn(spec.sorts, s.field) ? spec.sorts[s.field] : undefined;
  const direction = s?.direction ?? 'asc';
  if (!field || (direction !== 'asc' && direction !== 'desc')) {
    throw new ValidationError(
      `${PLATFORM}: ${spec.resource} can be sorted by ${Object.keys(spec.sorts).join(', ')} (asc or desc)`,
      {
        platform: PLATFORM,
        code: 'unsupported_sort',
        issues: [{ field: 'sort', message: 'unsupported sort' }],
      },
    );
  }
  const wire = `${direction === 'desc' ? '!' : ''}${field}`;
  return field === 'id' ? wire : `${wire},id`;
}

/**
 * Refuses filters a resource does not have, naming them and those it has, so none is silently
 * ignored (`sort` is checked by `sortParam`); turns an ISO 8601 filter value into UTC.
 */
const { onlyFilters, timeFilter } = filterGuards({
  platform: PLATFORM,
  issue: () => 'not a filter CommerceHQ applies',
  otherwise: (resource, allowed) => ` (CommerceHQ filters ${resource} by ${allowed.join(', ') || 'nothing'})`,
  pass: ['sort'],
});

export { onlyFilters };

/** An ISO 8601 filter value as Unix seconds: `since` rounds down, `before` stays strictly before. */
export function unixFilter(field: string, value: unknown, bound: 'since' | 'before'): number | undefined {
  const iso = timeFilter(field, value);
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  // CommerceHQ keeps whole seconds: a record at the boundary second is included, never lost.
  return bound === 'since' ? Math.floor(ms / 1000) : Math.ceil(ms / 1000) - 1;
}
