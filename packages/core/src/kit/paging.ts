/**
 * How a platform pages, as the kit needs to know it: which native states a cursor may carry, and,
 * for page numbers, how to fetch page n directly (parallel pages).
 */
export interface Paging<N> {
  /** Whether a native state read from a user's cursor is one this platform could have made. */
  accepts(native: unknown): native is N;
  /** Page-number paging: lets `iterate({ concurrency })` fetch several pages at once. */
  numbered?: { numberOf(native: N | undefined): number; at(page: number): N };
}

/** `page=1, 2, …`: the native state is `{ page }`. */
export function pageNumbers(first = 1): Paging<{ page: number }> {
  return {
    accepts: (native): native is { page: number } =>
      // Stryker disable next-line ConditionalExpression: a primitive has no own `page` key, so the checks below refuse it anyway
      typeof native === 'object' &&
      native !== null &&
      Object.keys(native).length === 1 &&
      Number.isSafeInteger((native as { page?: unknown }).page) &&
      (native as { page: number }).page >= first,
    numbered: { numberOf: (native) => native?.page ?? first, at: (page) => ({ page }) },
  };
}

/** The platform hands out its own cursor strings (sequential only). */
export function nativeCursors(reserved: readonly string[] = []): Paging<string> {
  return {
    accepts: (native): native is string =>
      typeof native === 'string' && native !== '' && native.length <= 2048 && !reserved.includes(native),
  };
}
