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
  /** Expiry time by key, in insertion order, so the oldest entries are at the front. */
  private readonly expiries = new Map<string, number>();
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
    if (expiry !== undefined && expiry > now) {
      return false;
    }
    // Re-inserting moves the key to the back, keeping the map ordered by insertion time.
    this.expiries.delete(key);
    this.sweepExpired(now);
    this.makeRoom();
    this.expiries.set(key, now + ttlMs);
    return true;
  }

  /** Removes expired entries from the front; stops at the first live one, so the cost stays small. */
  private sweepExpired(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) {
        return;
      }
      this.expiries.delete(key);
    }
  }

  private makeRoom(): void {
    while (this.expiries.size >= this.maxEntries) {
      const oldest = this.expiries.keys().next().value as string;
      this.expiries.delete(oldest);
    }
  }
}
