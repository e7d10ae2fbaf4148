import type { Redis } from 'ioredis';
import type { ZixflowDedupeStore } from '../../webhooks';

/**
 * A {@link ZixflowDedupeStore} shared by every instance: `SET NX PX`, atomic in Redis. Give it as
 * `dedupe.store` to `ZixflowWebhooksModule` when webhooks are handled in-process on several
 * instances; the durable inbound pipeline deduplicates by itself.
 */
export class ZixflowRedisDedupeStore implements ZixflowDedupeStore {
  /**
   * @param redis - the connection.
   * @param prefix - the key prefix.
   */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** {@inheritDoc ZixflowDedupeStore.setIfAbsent} */
  async setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}:seen:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }
}
