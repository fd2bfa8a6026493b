interface Row<T> {
  seq: number;
  record: T;
}

/**
 * Records in creation order. Every record gets a sequence number that never changes; cursors are
 * positions in this sequence, so rows inserted or deleted while a client pages never shift the
 * rows it has yet to see.
 */
export class Table<T extends { id: string }> {
  private readonly byId = new Map<string, Row<T>>();
  /** Live rows, ascending `seq`. */
  private rows: Row<T>[] = [];
  private lastSeq = 0;

  get size(): number {
    return this.rows.length;
  }

  insert(record: T, id: string = record.id): number {
    this.lastSeq += 1;
    const row = { seq: this.lastSeq, record };
    this.byId.set(id, row);
    this.rows.push(row);
    return row.seq;
  }

  get(id: string): T | undefined {
    return this.byId.get(id)?.record;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Replaces a record in place (same position); inserts it when the id is new. */
  put(id: string, record: T): void {
    const row = this.byId.get(id);
    if (row) row.record = record;
    else this.insert(record, id);
  }

  delete(id: string): boolean {
    const row = this.byId.get(id);
    if (!row) return false;
    this.byId.delete(id);
    const at = this.indexAfter(row.seq - 1);
    if (this.rows[at] === row) this.rows.splice(at, 1);
    else this.rows = this.rows.filter((r) => r !== row);
    return true;
  }

  /** Live records, oldest first. */
  *values(): IterableIterator<T> {
    for (const row of this.rows) yield row.record;
  }

  /** Live rows (seq + record), oldest first, starting after `seq`. */
  *rowsAfter(seq: number): IterableIterator<Row<T>> {
    for (let i = this.indexAfter(seq); i < this.rows.length; i += 1) yield this.rows[i]!;
  }

  ids(): string[] {
    return this.rows.map((r) => r.record.id);
  }

  /** Index of the first row whose seq is greater than `seq`. */
  private indexAfter(seq: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rows[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
