/**
 * Remembers which webhook deliveries were already handled, so a retried delivery (same `eventId`) is
 * acknowledged without being emitted twice. The default keeps ids in memory, which is right for one
 * instance; when several instances receive webhooks, plug in a shared store, e.g. with Redis:
 *
 * ```ts
 * const store: ZixflowDedupeStore = {
 *   setIfAbsent: async (key, ttlMs) => (await redis.set(`zixflow:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK',
 * };
 * ```
 */
export interface ZixflowDedupeStore {
  /**
   * Records `key` for `ttlMs` milliseconds unless it is already recorded, atomically. Resolves true
   * when the key was new (the event should be handled) and false for a duplicate. A rejection makes
   * the webhook answer 503, so Zixflow retries the delivery later instead of losing it.
   */
  setIfAbsent(key: string, ttlMs: number): boolean | Promise<boolean>;
}
