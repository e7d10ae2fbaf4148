import type { Redis } from 'ioredis';
import type { ZixflowConversationState, ZixflowConversationStore, ZixflowStoredConversation } from '../../bot';
import type { ZixflowFence } from '../../core/fencing/zixflow-fence';
import { COMPARE_AND_SET } from './redis-scripts';

/**
 * The bot's {@link ZixflowConversationStore} in Redis, shared by every instance: a hash of version
 * and JSON state per conversation, saved by one Lua script that compares the version (and, when the
 * durable pipeline gives a fence, checks that its lease is still held) before writing.
 */
export class ZixflowRedisConversationStore implements ZixflowConversationStore {
  /**
   * @param redis - the connection.
   * @param prefix - the key prefix.
   */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** {@inheritDoc ZixflowConversationStore.load} */
  async load(key: string): Promise<ZixflowStoredConversation | undefined> {
    const [version, state] = await this.redis.hmget(this.keyOf(key), 'v', 's');
    if (version === null || state === null) return undefined;
    return { version: Number(version), state: JSON.parse(state) as ZixflowConversationState };
  }

  /** {@inheritDoc ZixflowConversationStore.compareAndSet} */
  async compareAndSet(
    key: string,
    expectedVersion: number,
    state: ZixflowConversationState,
    ttlMs: number,
    fence?: ZixflowFence,
  ): Promise<number | undefined> {
    const saved = (await this.redis.eval(
      COMPARE_AND_SET,
      2,
      this.keyOf(key),
      fence?.leaseKey ?? '',
      String(expectedVersion),
      JSON.stringify(state),
      String(ttlMs),
      String(fence?.token ?? ''),
    )) as number;
    return saved === 0 ? undefined : saved;
  }

  /** {@inheritDoc ZixflowConversationStore.delete} */
  async delete(key: string): Promise<void> {
    await this.redis.del(this.keyOf(key));
  }

  private keyOf(key: string): string {
    return `${this.prefix}:conv:${key}`;
  }
}
