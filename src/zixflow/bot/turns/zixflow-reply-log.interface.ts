/**
 * Which replies Zixflow has accepted, by (event, reply index), so a turn delivered again after a
 * crash sends only what had not been accepted yet, in order. Give one as `replyLog` to
 * `ZixflowBotModule` (`nestjs-zixflow/redis` ships `ZixflowRedisReplyLog`); without one, a replayed
 * turn sends all of its replies again.
 */
export interface ZixflowReplyLog {
  /** Whether the reply with this key was accepted before. */
  wasSent(key: string): Promise<boolean>;
  /** Records that it was accepted, for `ttlMs`. */
  markSent(key: string, ttlMs: number): Promise<void>;
}
