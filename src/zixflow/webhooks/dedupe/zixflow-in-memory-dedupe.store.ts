import { ZixflowDedupeStore } from './zixflow-dedupe-store.interface';

/** Settings of {@link ZixflowInMemoryDedupeStore}. */
export interface ZixflowInMemoryDedupeStoreOptions {
  /** Most keys kept; when full, the oldest key is dropped even if it has not expired. Default 100 000. */
  maxEntries?: number;
  /** Clock in epoch milliseconds; tests pass a fake one. Default `Date.now`. */
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES = 100_000;

/**
 * The default {@link ZixflowDedupeStore}: a bounded in-process map. Entries expire after their TTL,
 * and the entry cap bounds memory however many events arrive; no timers run, expired entries are
 * swept as new keys come in. Not shared between processes: with several instances use a shared store.
 */
export class ZixflowInMemoryDedupeStore implements ZixflowDedupeStore {
  /** Expiry time by key: the lookup. */
  private readonly expiries = new Map<string, number>();
  /**
   * Keys and their expiries in insertion order, oldest from `head`, for sweeping and evicting. Kept
   * beside the map rather than read from its iteration order: every key deleted from the front of
   * a V8 Map leaves a hole that each new iterator skips until the table is rehashed, so once the
   * store is full a sweep-and-evict per delivery cost microseconds; arrays read from `head` do not.
   * A slot whose expiry no longer matches the map is stale (the key expired and was set again) and
   * is passed over.
   */
  private orderKeys: string[] = [];
  private orderExpiries: number[] = [];
  private head = 0;
  private readonly maxEntries: number;
  private readonly now: () => number;

  /** @param options - entry cap and clock. */
  constructor(options: ZixflowInMemoryDedupeStoreOptions = {}) {
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(
        `ZixflowInMemoryDedupeStore: maxEntries must be a whole number of 1 or more (got ${maxEntries})`,
      );
    }
    this.maxEntries = maxEntries;
    this.now = options.now ?? Date.now;
  }

  /** How many keys are held, expired ones not yet swept included. */
  get size(): number {
    return this.expiries.size;
  }

  /** Records `key` for `ttlMs` unless it is recorded and unexpired; true when it was new. */
  setIfAbsent(key: string, ttlMs: number): boolean {
    const now = this.now();
    const expiry = this.expiries.get(key);
    if (expiry !== undefined) {
      if (expiry > now) {
        return false;
      }
      // Re-inserting moves the key to the back, keeping the map ordered by insertion time.
      this.expiries.delete(key);
    }
    this.sweepExpired(now);
    this.makeRoom();
    this.expiries.set(key, now + ttlMs);
    this.orderKeys.push(key);
    this.orderExpiries.push(now + ttlMs);
    return true;
  }

  /** Removes expired entries from the front; stops at the first live one, so the cost stays small. */
  private sweepExpired(now: number): void {
    while (this.head < this.orderKeys.length && this.orderExpiries[this.head] <= now) {
      this.dropOldest();
    }
  }

  private makeRoom(): void {
    while (this.expiries.size >= this.maxEntries && this.head < this.orderKeys.length) {
      this.dropOldest();
    }
  }

  /** Forgets the oldest slot, and its key unless the slot is stale; compacts the arrays now and then. */
  private dropOldest(): void {
    const key = this.orderKeys[this.head];
    if (this.expiries.get(key) === this.orderExpiries[this.head]) {
      this.expiries.delete(key);
    }
    this.head += 1;
    if (this.head >= 1024 && this.head * 2 >= this.orderKeys.length) {
      this.orderKeys = this.orderKeys.slice(this.head);
      this.orderExpiries = this.orderExpiries.slice(this.head);
      this.head = 0;
    }
  }
}
