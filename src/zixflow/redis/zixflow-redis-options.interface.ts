import type { RedisOptions } from 'ioredis';

/** How the durable inbound pipeline runs on each instance. */
export interface ZixflowRedisInboundOptions {
  /** Conversations this instance works on at once. Default 8. */
  concurrency?: number;
  /**
   * How long an instance holds a conversation without renewing its lease. An instance that dies is
   * replaced by another after at most this long. Default 10 000 ms; renewed every third of it.
   */
  leaseMs?: number;
  /** Attempts per event before it goes to the dead-letter list. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles with each attempt. Default 1 000 ms. */
  retryDelayMs?: number;
  /** How often an idle worker looks for work. Default 50 ms. */
  pollMs?: number;
}

/** Options of `ZixflowRedisModule.forRoot()` / `forRootAsync()`. */
export interface ZixflowRedisModuleOptions {
  /** `redis://[user:password@]host[:port][/db]` (`rediss://` for TLS) or ioredis options. */
  connection: string | RedisOptions;
  /** Prefix of every key. Default `zixflow`. */
  prefix?: string;
  /**
   * How long an event id is remembered. Default 4 days: Zixflow retries a webhook for about 3.8 days
   * (15 s, 40 s, 3 min, 10 min, 1 h, 6 h, 12 h, 24 h, 48 h).
   */
  dedupeTtlMs?: number;
  /** The durable inbound pipeline on this instance; `false` only stores (for instances that do not handle). */
  inbound?: ZixflowRedisInboundOptions | false;
}
