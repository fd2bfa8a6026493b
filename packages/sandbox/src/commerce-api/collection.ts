/** One stored record: the wire object plus what the API keeps beside it. */
export interface Entry<T> {
  record: T;
  /** Creation sequence: the default list order and the tie-break of every sort. */
  seq: number;
  deleted: boolean;
}

/**
 * Records of one resource in creation order. Soft-deleted records stay (the API keeps them) but
 * leave `live`, which default-order paging slices directly so even huge stores page in O(page).
 */
export class Collection<T extends object> {
  private readonly byId = new Map<string, Entry<T>>();
  private live: Entry<T>[] = [];
  private seq = 0;

  constructor(readonly idField: keyof T & string) {}

  idOf(record: T): string {
    return String((record as Record<string, unknown>)[this.idField]);
  }

  add(record: T, id = this.idOf(record)): Entry<T> {
    const entry: Entry<T> = { record, seq: this.seq++, deleted: false };
    this.byId.set(id, entry);
    this.live.push(entry);
    return entry;
  }

  /** Replaces the record stored under `id` (reviving it if soft-deleted), or adds it. */
  put(id: string, record: T): Entry<T> {
    const entry = this.byId.get(id);
    if (!entry) return this.add(record, id);
    entry.record = record;
    if (entry.deleted) {
      entry.deleted = false;
      const at = this.live.findIndex((e) => e.seq > entry.seq);
      this.live.splice(at < 0 ? this.live.length : at, 0, entry);
    }
    return entry;
  }

  /** A live record's entry. */
  get(id: string): Entry<T> | undefined {
    const entry = this.byId.get(id);
    return entry && !entry.deleted ? entry : undefined;
  }

  /** Any entry, soft-deleted included. */
  find(id: string): Entry<T> | undefined {
    return this.byId.get(id);
  }

  liveEntries(): readonly Entry<T>[] {
    return this.live;
  }

  get size(): number {
    return this.live.length;
  }

  softDelete(id: string): boolean {
    const entry = this.get(id);
    if (!entry) return false;
    entry.deleted = true;
    this.dropFromLive(entry);
    return true;
  }

  /** Gone without a trace, as if it never existed. */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.byId.delete(id);
    if (!entry.deleted) this.dropFromLive(entry);
    return true;
  }

  private dropFromLive(entry: Entry<T>): void {
    const index = this.live.indexOf(entry);
    if (index >= 0) this.live.splice(index, 1);
  }
}
