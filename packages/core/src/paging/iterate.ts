import type { IterateOptions, ListParams, Page } from '../adapter';
import { CommerceError } from '../errors';

/** Pages in a row with no records but a next cursor before we call the paging broken. */
const MAX_EMPTY_PAGES = 3;
/**
 * Recent cursors remembered exactly, so a short loop is caught at its first repeat. A longer loop
 * is caught by Brent's cycle detection (one checkpoint cursor), so memory stays constant however
 * many pages an export has: about 1,000 cursors, not one per page.
 */
const RECENT_CURSORS = 1_000;

/**
 * Turns "fetch the page at this cursor" into every record, one page in memory at a time.
 * Stops on a null cursor; throws (never loops forever) on a cursor seen before or a run of empty
 * pages that still point onwards.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  options: { cursor?: string | null; maxItems?: number; platform?: string } = {},
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor = options.cursor ?? null;
  // Brent: the checkpoint jumps to the current cursor after 1, 2, 4, 8 ... steps; once the steps
  // between jumps outgrow a loop, the loop comes back to the checkpoint.
  let checkpoint = cursor;
  let power = 1;
  let steps = 0;
  let emptyRun = 0;
  let yielded = 0;
  const max = options.maxItems ?? Number.POSITIVE_INFINITY;
  if (max <= 0) return;
  // A resumed run must also notice the platform handing back the cursor it started from.
  if (cursor !== null) seen.add(cursor);
  for (;;) {
    const page = await fetchPage(cursor);
    for (const item of page.items) {
      yield item;
      yielded += 1;
      if (yielded >= max) return;
    }
    const next = page.nextCursor;
    if (next === null || next === undefined) return;
    emptyRun = page.items.length === 0 ? emptyRun + 1 : 0;
    if (emptyRun >= MAX_EMPTY_PAGES) {
      throw new CommerceError(
        `${options.platform ?? 'storeport'}: ${emptyRun} empty pages in a row still point onwards`,
        {
          platform: options.platform ?? 'core',
          code: 'pagination_stalled',
        },
      );
    }
    if (next === cursor || next === checkpoint || seen.has(next)) {
      throw new CommerceError(
        `${options.platform ?? 'storeport'}: the platform returned a cursor it returned before`,
        {
          platform: options.platform ?? 'core',
          code: 'pagination_loop',
        },
      );
    }
    seen.add(next);
    if (seen.size > RECENT_CURSORS) seen.delete(seen.values().next().value as string);
    if (++steps === power) {
      checkpoint = next;
      power *= 2;
      steps = 0;
    }
    cursor = next;
  }
}

/** `iterate()` for any resource: the first call carries the filters, later ones only the cursor. */
export function iterateList<T, L extends ListParams>(
  list: (params: L) => Promise<Page<T>>,
  params: (Omit<L, 'cursor'> & IterateOptions & { cursor?: string | null }) | undefined,
  platform?: string,
): AsyncGenerator<T, void, undefined> {
  const {
    maxItems,
    concurrency: _concurrency,
    cursor: start,
    ...filters
  } = params ?? ({} as IterateOptions & { cursor?: string | null });
  const signal = (filters as ListParams).signal;
  return paginate(
    (cursor) =>
      cursor === null
        ? list({ ...filters, cursor: null } as L)
        : list({ cursor, ...(signal ? { signal } : {}) } as L),
    {
      cursor: start ?? null,
      ...(maxItems !== undefined ? { maxItems } : {}),
      ...(platform ? { platform } : {}),
    },
  );
}

export interface NumberedPage<T> {
  items: T[];
  /** Total pages, where the platform reports it. */
  pageCount: number | null;
}

/**
 * For page-numbered lists with a known page count: keeps up to `concurrency` pages in flight and
 * still yields records in page order, holding at most `concurrency` pages in memory. When the first
 * page reports no count (`pageCount: null`), later pages are fetched one at a time until an empty
 * page or one shorter than the first.
 */
export async function* paginateParallel<T>(options: {
  fetchPage: (page: number) => Promise<NumberedPage<T>>;
  firstPage: number;
  concurrency: number;
  maxItems?: number;
}): AsyncGenerator<T, void, undefined> {
  const max = options.maxItems ?? Number.POSITIVE_INFINITY;
  let yielded = 0;
  const first = await options.fetchPage(options.firstPage);
  for (const item of first.items) {
    yield item;
    if (++yielded >= max) return;
  }
  const lastPage = first.pageCount;
  if (first.items.length === 0) return;
  if (lastPage === null) {
    // No page count: stopping here would silently drop every later page. Go on one page at a time
    // until a page comes back empty or shorter than the first (a full page) — the last one.
    for (let n = options.firstPage + 1; ; n++) {
      const page = await options.fetchPage(n);
      for (const item of page.items) {
        yield item;
        if (++yielded >= max) return;
      }
      if (page.items.length === 0 || page.items.length < first.items.length) return;
    }
  }
  const width = Math.max(1, Math.floor(options.concurrency));
  const inFlight: Array<Promise<NumberedPage<T>>> = [];
  let nextPage = options.firstPage + 1;
  const fill = () => {
    while (inFlight.length < width && nextPage <= lastPage) {
      const p = options.fetchPage(nextPage++);
      p.catch(() => {}); // observed when its turn comes; avoids an unhandled rejection meanwhile
      inFlight.push(p);
    }
  };
  fill();
  while (inFlight.length > 0) {
    const page = await inFlight.shift()!;
    fill();
    for (const item of page.items) {
      yield item;
      if (++yielded >= max) return;
    }
  }
}
