import type { ZixflowConversationState, ZixflowStoredConversation } from './zixflow-conversation.interface';
import type { ZixflowConversationStore } from './zixflow-conversation-store.interface';

/** Options of {@link ZixflowInMemoryConversationStore}. */
export interface ZixflowInMemoryConversationStoreOptions {
  /** Conversations kept at most; the least recently saved is dropped first. Default 10 000. */
  maxEntries?: number;
  /** The clock, for tests with a fake one. Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  version: number;
  json: string;
  expiresAt: number;
}

/**
 * The default store: bounded, with a TTL per conversation, in this process only (lost on restart,
 * not shared between instances: use `nestjs-zixflow/redis` for that). States are kept as JSON, so
 * a test sees exactly what a shared store would keep, and no caller can change a saved state by
 * holding on to the object.
 */
export class ZixflowInMemoryConversationStore implements ZixflowConversationStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  /** @param options - the bound and the clock. */
  constructor(options: ZixflowInMemoryConversationStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** How many conversations are kept now (expired ones included until they are next touched). */
  get size(): number {
    return this.entries.size;
  }

  /** {@inheritDoc ZixflowConversationStore.load} */
  load(key: string): Promise<ZixflowStoredConversation | undefined> {
    const entry = this.live(key);
    return Promise.resolve(
      entry && { version: entry.version, state: JSON.parse(entry.json) as ZixflowConversationState },
    );
  }

  /** {@inheritDoc ZixflowConversationStore.compareAndSet} */
  compareAndSet(
    key: string,
    expectedVersion: number,
    state: ZixflowConversationState,
    ttlMs: number,
  ): Promise<number | undefined> {
    const current = this.live(key)?.version ?? 0;
    if (current !== expectedVersion) {
      return Promise.resolve(undefined);
    }
    const version = current + 1;
    // Delete first so re-insertion moves the key to the end: Map order is then least recently saved first.
    this.entries.delete(key);
    this.entries.set(key, { version, json: JSON.stringify(state), expiresAt: this.now() + ttlMs });
    this.evictOverflow();
    return Promise.resolve(version);
  }

  /** {@inheritDoc ZixflowConversationStore.delete} */
  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private evictOverflow(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
