import { CommerceError } from '../errors';

/** Recent cursors remembered exactly; longer loops are caught by Brent's cycle detection. */
const RECENT_CURSORS = 1_000;
/** Pages whose record ids are remembered for the stall check. */
const RECENT_PAGES = 3;

/**
 * Stops paging that would go on forever, in constant memory: a cursor handed out before (a
 * loop), and a page whose records were all on the pages just before it (a server or proxy that
 * ignores the page asked for, or hands the same records out under new cursors).
 */
export class PagingGuard {
  private readonly seen = new Set<string>();
  private checkpoint: string | null;
  private power = 1;
  private steps = 0;
  private readonly recentIds: Array<Set<string>> = [];

  constructor(
    private readonly platform: string,
    start: string | null,
  ) {
    this.checkpoint = start;
    if (start !== null) this.seen.add(start);
  }

  /** Before a page is handed out: its records' ids (null where unknown). */
  checkPage(ids: ReadonlyArray<string | null>): void {
    this.checkIds(ids);
  }

  /** Before the cursor a page points to is followed. */
  checkNext(next: string | null): void {
    if (next === null) return;
    if (next === this.checkpoint || this.seen.has(next)) {
      throw new CommerceError(`${this.platform}: the platform returned a cursor it returned before`, {
        platform: this.platform,
        code: 'pagination_loop',
      });
    }
    this.seen.add(next);
    if (this.seen.size > RECENT_CURSORS) this.seen.delete(this.seen.values().next().value as string);
    if (++this.steps === this.power) {
      this.checkpoint = next;
      this.power *= 2;
      this.steps = 0;
    }
  }

  private checkIds(ids: ReadonlyArray<string | null>): void {
    const known = ids.filter((id): id is string => id !== null);
    // Records without ids cannot be compared; a partly unknown page is not judged.
    if (known.length === 0 || known.length < ids.length) {
      this.remember(new Set(known));
      return;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no page remembered, every() over some() of nothing is false
    if (this.recentIds.length > 0 && known.every((id) => this.recentIds.some((page) => page.has(id)))) {
      throw new CommerceError(
        `${this.platform}: a page held only records already listed: the platform (or a proxy) is not moving to the next page`,
        { platform: this.platform, code: 'pagination_stalled' },
      );
    }
    this.remember(new Set(known));
  }

  private remember(ids: Set<string>): void {
    this.recentIds.push(ids);
    if (this.recentIds.length > RECENT_PAGES) this.recentIds.shift();
  }
}
