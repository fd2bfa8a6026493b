import type { QueryValue } from '@storeport/core';
import { type FetchedPage, type ListDeclaration, type PageRequest, pageNumbers } from '@storeport/core/kit';
import type { CommerceApiClient } from './client';
import { type WirePage, WirePageSchema } from './wire/page';

type NativePage = { page: number };

/** What differs between the API's lists: the path, the record, and the query for the filters. */
export type ListSpec<W, T> = Omit<
  ListDeclaration<NativePage, W, T>,
  'paging' | 'maxPageSize' | 'defaultPageSize' | 'fetchPage'
> & {
  path: string;
  /** The API's query parameters for the checked filters (names as in `filters`). */
  query(filters: Readonly<Record<string, unknown>>): Record<string, QueryValue>;
};

/**
 * A list over `GET <path>?page=&pageSize=` (1-based; the seed: "Items per page (max 100)"). The
 * default asks for full pages, so an export takes as few requests as possible.
 */
export function apiList<W, T>(
  client: CommerceApiClient,
  { path, query, ...spec }: ListSpec<W, T>,
): ListDeclaration<NativePage, W, T> {
  return {
    ...spec,
    paging: pageNumbers(),
    maxPageSize: 100,
    defaultPageSize: 100,
    async fetchPage(req: PageRequest<NativePage>): Promise<FetchedPage<NativePage>> {
      const page = req.native?.page ?? 1;
      const sort = req.sort && { sort: req.sort.field, order: req.sort.direction };
      const res = await client.send(
        {
          method: 'GET',
          path,
          query: { ...query(req.filters), ...sort, page, pageSize: req.pageSize },
          signal: req.signal,
          what: `${path.slice(1)} page`,
        },
        WirePageSchema,
      );
      return pageOf(res.body, page, req.pageSize);
    },
  };
}

/**
 * Where the next page is. `pages` says, when the envelope has it; without it, `total` does
 * (`page * pageSize < total`); without either, a full page means there may be more. The page size
 * is the one the server says it used, else the one asked for.
 */
export function pageOf(body: WirePage, page: number, asked: number): FetchedPage<NativePage> {
  const size = body.pageSize ?? asked;
  const count = body.data.length;
  const pageCount = body.pages ?? (body.total === undefined ? null : Math.ceil(body.total / size));
  const more = pageCount === null ? count >= size : page < pageCount;
  return {
    records: body.data,
    next: count > 0 && more ? { page: page + 1 } : null,
    pageCount,
    totalCount: body.total,
  };
}
