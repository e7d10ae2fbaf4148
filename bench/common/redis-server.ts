import { redisAvailable, startLocalRedis, type LocalRedis } from '../../test/queue-redis';

/**
 * A Redis for the benchmark, started exactly as the test suites start theirs (`test/queue-redis.ts`):
 * `REDIS_URL` when set, otherwise a private `redis-server` on a free 127.0.0.1 port without
 * persistence, stopped by pid at the end.
 */
export type BenchRedis = LocalRedis;

/** `REDIS_URL`, a private redis-server, or undefined when neither is possible (the Redis figures are skipped). */
export async function startBenchRedis(): Promise<BenchRedis | undefined> {
  return redisAvailable() ? startLocalRedis() : undefined;
}
