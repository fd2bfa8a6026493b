import type {
  InvalidRecord,
  InvalidRecordPolicy,
  IterateOptions,
  ListParams,
  Page,
  ResourceName,
} from '../adapter';
import { InvalidCursorError, InvalidRecordError, ValidationError } from '../errors';
import { decodeCursor, encodeCursor, sameFilters } from '../paging/cursor';
import { filtersOf } from '../paging/page-cursor';
import { parseSince } from '../time';
import { PagingGuard } from './guards';
import type { Paging } from './paging';
import { type ReadRecord, type RecordReader, readRecords, recordId } from './records';

/** What `fetchPage` is asked for: one page, its filters checked and its sort translated. */
export interface PageRequest<N> {
  /** The platform's paging state of this page; undefined for the first page. */
  native: N | undefined;
  pageSize: number;
  /** The unified filters, checked; time filters are ISO 8601 UTC with milliseconds. */
  filters: Readonly<Record<string, unknown>>;
  /** The sort asked for, in the platform's field name; undefined for the platform's default. */
  sort: { field: string; direction: 'asc' | 'desc' } | undefined;
  signal: AbortSignal | undefined;
}

/** One page as the platform sent it: records not yet validated, and where the next page is. */
export interface FetchedPage<N> {
  /** The page's records as sent (each is validated and mapped by the kit, one by one). */
  records: readonly unknown[];
  /** Paging state of the next page; null on the last. The kit ends the list at an empty page anyway. */
  next: N | null;
  /** Total pages, where the platform says (numbered paging): lets pages be fetched in parallel. */
  pageCount?: number | null;
  /** Total records matching the filters, where the platform says. */
  totalCount?: number;
}

/** A resource's list, as a platform declares it. */
export interface ListDeclaration<N, W, T> extends RecordReader<W, T> {
  paging: Paging<N>;
  maxPageSize: number;
  defaultPageSize: number;
  /** The list filters the platform applies; any other is refused, never silently ignored. */
  filters: readonly string[];
  /** Why a filter is missing, said when it is refused (`sort`: why a sort is). */
  filterHints?: Readonly<Record<string, string>>;
  /** Unified sort field → the platform's; none means `sort` is refused. */
  sorts?: Readonly<Record<string, string>>;
  /** Checks filter values (types, combinations) before anything is sent; throws ValidationError. */
  checkFilters?: (filters: Readonly<Record<string, unknown>>) => void;
  /** Whether pages may be fetched in parallel with these filters (numbered paging only). Default yes. */
  parallel?: (filters: Readonly<Record<string, unknown>>) => boolean;
  /** Fetches one page. Must not hand back an empty page that has a next one: the list ends there. */
  fetchPage(request: PageRequest<N>): Promise<FetchedPage<N>>;
}

const TIME_FILTERS = new Set(['updatedSince', 'createdSince', 'createdBefore']);

/** A page with what `iterate` and `pages` need besides the public shape. */
interface ReadPage<N, T> {
  records: ReadRecord<T>[];
  ids: Array<string | null>;
  nextCursor: string | null;
  totalCount: number | undefined;
  /** Where this page was read from, to resume inside it. */
  at: { native: N | null; pageSize: number; filters: Record<string, unknown> };
  pageCount: number | null;
}

interface Opened<N> {
  native: N | undefined;
  skip: number;
  pageSize: number;
  filters: Record<string, unknown>;
}

/** `list`, `pages` and `iterate` for one resource, from its declaration. */
export function makeLister<N, W, T, L extends ListParams>(
  platform: string,
  resource: ResourceName,
  decl: ListDeclaration<N, W, T>,
) {
  const fail = (field: string, message: string, code = 'invalid_input') =>
    new ValidationError(`${platform}: ${resource}: ${field} ${message}`, {
      platform,
      code,
      issues: [{ field, message }],
    });

  /** Filters as given → checked and normalised (what a cursor is bound to). */
  function checkFilters(given: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(given)) {
      if (key === 'sort') {
        out.sort = checkSort(value);
        continue;
      }
      if (!decl.filters.includes(key)) {
        const hint =
          decl.filterHints && Object.hasOwn(decl.filterHints, key) ? decl.filterHints[key] : undefined;
        const why = hint ?? `${platform} filters ${resource} by ${decl.filters.join(', ') || 'nothing'}`;
        throw new ValidationError(`${platform}: ${resource} cannot be filtered by ${key}: ${why}`, {
          platform,
          code: 'unsupported_filter',
          issues: [{ field: key, message: `not a ${resource} filter ${platform} applies` }],
        });
      }
      if (TIME_FILTERS.has(key)) {
        try {
          out[key] = parseSince(value as string);
        } catch (err) {
          throw fail(key, `must be an ISO 8601 date-time (${(err as Error).message})`);
        }
      } else out[key] = value;
    }
    decl.checkFilters?.(out);
    return out;
  }

  function checkSort(sort: unknown): { field: string; direction: 'asc' | 'desc' } {
    const s = (sort ?? {}) as { field?: unknown; direction?: unknown };
    const sorts = decl.sorts ?? {};
    const direction = s.direction ?? 'asc';
    if (
      typeof s.field !== 'string' ||
      !Object.hasOwn(sorts, s.field) ||
      (direction !== 'asc' && direction !== 'desc')
    ) {
      const known = Object.keys(sorts);
      const hint =
        decl.filterHints && Object.hasOwn(decl.filterHints, 'sort') ? `: ${decl.filterHints.sort}` : '';
      throw new ValidationError(
        `${platform}: ${resource} can be sorted by ${known.length ? `${known.join(', ')} (asc or desc)` : 'nothing'}${hint}`,
        { platform, code: 'unsupported_sort', issues: [{ field: 'sort', message: 'unsupported sort' }] },
      );
    }
    return { field: s.field, direction };
  }

  function open(params: ListParams | undefined): Opened<N> {
    const p = params ?? {};
    const given = filtersOf(p);
    if (p.cursor) {
      const payload = decodeCursor<unknown>(p.cursor, { platform, resource });
      const bound = payload.filters;
      if (Object.keys(given).length > 0 && !sameFilters(checkFilters(given), bound)) {
        throw new InvalidCursorError(
          `${platform}: the cursor was made with other filters; pass the same filters as the first page, or none`,
          { platform, code: 'invalid_cursor' },
        );
      }
      const native = payload.native;
      if (native !== null && !decl.paging.accepts(native)) {
        // The checksum passed, so the cursor was built by hand: refuse it rather than send it.
        throw new InvalidCursorError(
          `${platform}: the cursor holds paging state ${platform} never hands out`,
          {
            platform,
            code: 'invalid_cursor',
          },
        );
      }
      return {
        native: native === null ? undefined : (native as N),
        skip: payload.skip ?? 0,
        // A forged cursor must not ask for more than the platform's maximum.
        pageSize: Math.min(payload.pageSize, decl.maxPageSize),
        filters: bound,
      };
    }
    const limit = p.limit ?? decl.defaultPageSize;
    if (!Number.isSafeInteger(limit) || limit < 1) throw fail('limit', 'must be a positive integer');
    return {
      native: undefined,
      skip: 0,
      pageSize: Math.min(limit, decl.maxPageSize),
      filters: checkFilters(given),
    };
  }

  function cursorAt(at: ReadPage<N, T>['at'], native: N | null, skip = 0): string {
    return encodeCursor({
      platform,
      resource,
      pageSize: at.pageSize,
      filters: at.filters,
      native,
      // Stryker disable next-line ConditionalExpression,EqualityOperator: encodeCursor writes skip 0 and no skip alike
      ...(skip > 0 ? { skip } : {}),
    });
  }

  async function read(opened: Opened<N>, signal: AbortSignal | undefined): Promise<ReadPage<N, T>> {
    const { sort, ...filters } = opened.filters as { sort?: { field: string; direction: 'asc' | 'desc' } };
    const fetched = await decl.fetchPage({
      native: opened.native,
      pageSize: opened.pageSize,
      filters,
      sort: sort && { field: decl.sorts![sort.field]!, direction: sort.direction },
      signal,
    });
    const at = { native: opened.native ?? null, pageSize: opened.pageSize, filters: opened.filters };
    const all = readRecords(fetched.records, decl);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with skip 0 the filter keeps every record
    const records = opened.skip > 0 ? all.filter((r) => r.index >= opened.skip) : all;
    const ids = fetched.records.slice(opened.skip).map((raw) => recordId(raw, decl));
    // An empty page ends the list, whatever it says about a next one.
    const next = fetched.records.length > 0 && fetched.next !== null ? cursorAt(at, fetched.next) : null;
    return {
      records,
      ids,
      nextCursor: next,
      totalCount: fetched.totalCount,
      at,
      pageCount: fetched.pageCount ?? null,
    };
  }

  function toPage(page: ReadPage<N, T>): Page<T> {
    const items: T[] = [];
    const invalid: InvalidRecord[] = [];
    for (const r of page.records) {
      if ('item' in r) items.push(r.item);
      else invalid.push(r.invalid);
    }
    return {
      items,
      nextCursor: page.nextCursor,
      ...(page.totalCount !== undefined ? { totalCount: page.totalCount } : {}),
      invalid,
    };
  }

  async function list(params?: L): Promise<Page<T>> {
    return toPage(await read(open(params), params?.signal));
  }

  type PagesParams = Omit<L, 'cursor'> & Pick<IterateOptions, 'concurrency'> & { cursor?: string | null };

  /** Every page, guarded against loops and stalls; in parallel where the paging is numbered. */
  async function* readPages(
    params: PagesParams | undefined,
  ): AsyncGenerator<ReadPage<N, T>, void, undefined> {
    const {
      concurrency: width = 1,
      cursor,
      ...rest
    } = (params ?? {}) as PagesParams & { maxItems?: unknown; onInvalidRecord?: unknown };
    delete (rest as { maxItems?: unknown }).maxItems;
    delete (rest as { onInvalidRecord?: unknown }).onInvalidRecord;
    const signal = (rest as ListParams).signal;
    const first = open({ ...(rest as ListParams), cursor: cursor ?? null });
    const guard = new PagingGuard(platform, cursor ?? null);
    let page = await read(first, signal);
    const numbered = decl.paging.numbered;
    const parallel =
      width > 1 &&
      numbered !== undefined &&
      first.skip === 0 &&
      page.pageCount !== null &&
      (decl.parallel?.(first.filters) ?? true);
    guard.checkPage(page.ids);
    yield page;
    if (parallel) {
      yield* readParallel(page, first, numbered!, Math.floor(width), guard, signal);
      return;
    }
    while (page.nextCursor !== null) {
      guard.checkNext(page.nextCursor);
      page = await read(open({ cursor: page.nextCursor } as ListParams), signal);
      guard.checkPage(page.ids);
      yield page;
    }
  }

  /**
   * Pages after the first, up to `width` in flight, yielded in order. Never more than `width`
   * pages past the last non-empty one, so a page count that lies (100,000 pages for two) costs
   * at most `width` wasted requests.
   */
  async function* readParallel(
    firstPage: ReadPage<N, T>,
    first: Opened<N>,
    numbered: NonNullable<Paging<N>['numbered']>,
    width: number,
    guard: PagingGuard,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ReadPage<N, T>, void, undefined> {
    if (firstPage.nextCursor === null) return;
    const lastPage = firstPage.pageCount!;
    let lastFull = numbered.numberOf(first.native);
    let nextNumber = lastFull + 1;
    const inFlight: Array<Promise<ReadPage<N, T>>> = [];
    const fill = () => {
      while (inFlight.length < width && nextNumber <= lastPage && nextNumber <= lastFull + width) {
        const p = read({ ...first, native: numbered.at(nextNumber++), skip: 0 }, signal);
        p.catch(() => {}); // observed when its turn comes
        inFlight.push(p);
      }
    };
    fill();
    while (inFlight.length > 0) {
      const page = await inFlight.shift()!;
      if (page.records.length === 0) return;
      lastFull += 1;
      guard.checkPage(page.ids);
      yield page;
      if (page.nextCursor === null) return;
      fill();
    }
  }

  async function* pages(params?: PagesParams): AsyncGenerator<Page<T>, void, undefined> {
    for await (const page of readPages(params)) yield toPage(page);
  }

  async function* iterate(
    params?: Omit<L, 'cursor'> & IterateOptions & { cursor?: string | null },
  ): AsyncGenerator<T, void, undefined> {
    const max = params?.maxItems ?? Number.POSITIVE_INFINITY;
    if (max <= 0) return;
    // Stryker disable next-line StringLiteral: every policy other than 'skip' or a function throws
    const policy: InvalidRecordPolicy = params?.onInvalidRecord ?? 'throw';
    let yielded = 0;
    for await (const page of readPages(params as PagesParams)) {
      for (const r of page.records) {
        if ('item' in r) {
          yield r.item;
          if (++yielded >= max) return;
          continue;
        }
        if (policy === 'skip') continue;
        if (typeof policy === 'function') {
          await policy({ ...r.invalid, resource });
          continue;
        }
        const rec = r.invalid;
        const first = rec.issues[0];
        throw new InvalidRecordError(
          // Stryker disable next-line LogicalOperator,OptionalChaining: readRecords reports at least one issue per record
          `${platform}: ${resource} record ${rec.id ?? `#${rec.index}`} is unreadable: field "${first?.field ?? '(record)'}": ${first?.message ?? 'invalid'}`,
          {
            platform,
            // Stryker disable next-line LogicalOperator,OptionalChaining,StringLiteral: readRecords reports at least one issue per record
            field: first?.field ?? '(record)',
            resource,
            recordId: rec.id,
            issues: rec.issues,
            raw: rec.raw,
            resumeCursor: cursorAt(page.at, page.at.native, rec.index + 1),
          },
        );
      }
    }
  }

  return { list, pages, iterate };
}
