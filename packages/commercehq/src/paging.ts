import { CommerceError, type QueryValue, ValidationError } from '@storeport/core';
import {
  defaultId,
  type FetchedPage,
  type ListDeclaration,
  type PageRequest,
  type Paging,
  pageNumbers,
} from '@storeport/core/kit';
import type { CommerceHQClient } from './client';
import { PLATFORM } from './platform';
import { linkHref, type WireEnvelope, WireEnvelopeSchema } from './wire/page';

/**
 * CommerceHQ's paging state inside a unified cursor: the 1-based page, and `phase: 2` in the
 * second search of a two-phase list (orders `updatedSince`, see orders.ts).
 */
export interface NativePage {
  page: number;
  phase?: 2;
}

/** How one list call asks CommerceHQ: plain GET, or the search endpoint with a body. */
export interface ListPlan {
  /** Filters for `POST {path}/search`; undefined lists with `GET {path}`. */
  search?: Record<string, unknown>;
  /** Keeps only the raw records the server could not select (phase 2 of a two-phase search). */
  keep?: (raw: unknown) => boolean;
  /** 2 when the list continues with a second search after the first one ends. */
  phases: 1 | 2;
}

type Declared<W, T> = Omit<
  ListDeclaration<NativePage, W, T>,
  'paging' | 'maxPageSize' | 'defaultPageSize' | 'fetchPage'
>;

export interface ListSpec<W, T> extends Declared<W, T> {
  path: string;
  /** Relations to `expand` on every read. */
  expand?: string;
  /** The request for these (checked) filters in this phase; null when no record can match. */
  plan(filters: Readonly<Record<string, unknown>>, phase: 1 | 2): ListPlan | null;
}

/** Not documented; the seed shows `size=200` and real clients use it. Larger sizes are not asked for. */
export const MAX_PAGE_SIZE = 200;
/** The seed: "Number of items per page. Defaults to 20". */
export const DEFAULT_PAGE_SIZE = 20;

const numbered = pageNumbers();

/** `{page}` (numbered, so pages can be fetched in parallel) or `{page, phase: 2}`. */
export const PAGING: Paging<NativePage> = {
  accepts: (native): native is NativePage => {
    if (numbered.accepts(native)) return true;
    const { phase, ...rest } = (native ?? {}) as { phase?: unknown };
    return phase === 2 && numbered.accepts(rest);
  },
  numbered: numbered.numbered,
};

/** A CommerceHQ list over `page`/`size`, as the kit declares it. */
export function chqList<W, T>(
  client: CommerceHQClient,
  spec: ListSpec<W, T>,
): ListDeclaration<NativePage, W, T> {
  const { path, expand, plan: planFor, ...declared } = spec;

  const fetchOne = async (plan: ListPlan, page: number, req: PageRequest<NativePage>) => {
    const query: Record<string, QueryValue> = { page, size: req.pageSize, sort: sortParam(req.sort), expand };
    const common = { query, signal: req.signal, what: `${path.slice(1)} page` };
    const res = await client.send(
      plan.search
        ? { ...common, method: 'POST', path: `${path}/search`, body: plan.search, idempotent: true }
        : { ...common, method: 'GET', path },
      WireEnvelopeSchema,
    );
    return res.body;
  };

  /**
   * One page, or, where records are dropped client-side, the next page that keeps some; at the
   * end of the first search of a two-phase list, the second search.
   */
  async function fetchPage(req: PageRequest<NativePage>): Promise<FetchedPage<NativePage>> {
    let page = req.native?.page ?? 1;
    let phase: 1 | 2 = req.native?.phase ?? 1;
    let plan = planFor(req.filters, phase);
    let skipped: string | undefined;
    for (;;) {
      if (!plan) return { records: [], next: null };
      const body = await fetchOne(plan, page, req);
      const past = isPastEnd(body, page);
      const records = past ? [] : plan.keep ? body.items.filter(plan.keep) : body.items;
      // The page count is the current search's (parallel pages are the declaration's call); the
      // total is the list's only when the list is one search.
      const counts = {
        pageCount: body._meta?.pageCount ?? null,
        totalCount: plan.phases === 1 ? body._meta?.totalCount : undefined,
      };
      if (!past && hasNextPage(body, page)) {
        // A page the client-side filter emptied is skipped rather than handed out empty (the
        // kit's loop guard never sees it, so a server serving it again is caught here).
        if (records.length === 0 && plan.keep) {
          const ids = JSON.stringify(body.items.map((r) => defaultId(r)));
          if (ids === skipped) throw stalled();
          skipped = ids;
          page += 1;
          continue;
        }
        return { records, next: phase === 2 ? { page: page + 1, phase } : { page: page + 1 }, ...counts };
      }
      if (phase === 1 && plan.phases === 2) {
        if (records.length > 0) return { records, next: { page: 1, phase: 2 }, pageCount: null };
        phase = 2;
        page = 1;
        plan = planFor(req.filters, 2);
        continue;
      }
      return { records, next: null, ...counts };
    }
  }

  return {
    ...declared,
    paging: PAGING,
    maxPageSize: MAX_PAGE_SIZE,
    defaultPageSize: DEFAULT_PAGE_SIZE,
    fetchPage,
  };
}

const stalled = () =>
  new CommerceError(
    `${PLATFORM}: a page held only records already listed: the platform (or a proxy) is not moving to the next page`,
    {
      platform: PLATFORM,
      code: 'pagination_stalled',
    },
  );

/**
 * Whether CommerceHQ has a page after `page`: `_meta` says so (currentPage < pageCount), or,
 * without `_meta`, `_links.next` is there.
 */
function hasNextPage(body: WireEnvelope, page: number): boolean {
  if (body._meta) return page < body._meta.pageCount;
  return body.items.length > 0 && linkHref(body._links?.next) !== undefined;
}

/**
 * Yii2 answers a page past the end with its last page again: a page other than the one asked for
 * means records were removed meanwhile, and there is no such page.
 */
function isPastEnd(body: WireEnvelope, page: number): boolean {
  return body._meta !== null && body._meta !== undefined && body._meta.currentPage !== page;
}

/**
 * The sort as CommerceHQ's `sort` parameter (`!` = descending), ties broken by id. Default `id`
 * ascending: new records land on the last page, so a running export loses and repeats nothing
 * (CommerceHQ's own default, id descending, would repeat records).
 */
export function sortParam(sort: PageRequest<NativePage>['sort']): string {
  if (!sort) return 'id';
  const wire = `${sort.direction === 'desc' ? '!' : ''}${sort.field}`;
  return sort.field === 'id' ? wire : `${wire},id`;
}

/** A text filter, when given, is a non-empty string. */
export function nonEmptyText(filters: Readonly<Record<string, unknown>>, field: string): void {
  const value = filters[field];
  if (value === undefined || (typeof value === 'string' && value.trim() !== '')) return;
  throw new ValidationError(`${PLATFORM}: ${field} must be a non-empty string`, {
    platform: PLATFORM,
    code: 'invalid_input',
    issues: [{ field, message: 'must be a non-empty string' }],
  });
}
