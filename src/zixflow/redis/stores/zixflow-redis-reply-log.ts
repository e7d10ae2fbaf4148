import type { Redis } from 'ioredis';
import type { ZixflowReplyLog } from '../../bot';

/**
 * The bot's {@link ZixflowReplyLog} in Redis: one key per accepted reply (event id and index), so a
 * turn delivered again after an instance died resends only the replies Zixflow had not accepted.
 */
export class ZixflowRedisReplyLog implements ZixflowReplyLog {
  /**
   * @param redis - the connection.
   * @param prefix - the key prefix.
   */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** {@inheritDoc ZixflowReplyLog.wasSent} */
  async wasSent(key: string): Promise<boolean> {
    return (await this.redis.exists(`${this.prefix}:sent:${key}`)) === 1;
  }

  /** {@inheritDoc ZixflowReplyLog.markSent} */
  async markSent(key: string, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}:sent:${key}`, '1', 'PX', ttlMs);
  }
}
