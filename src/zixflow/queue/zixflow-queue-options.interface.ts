import type { ConnectionOptions } from 'bullmq';

/**
 * A rate limit shared by every worker of the queue, whatever instance it runs in: BullMQ counts
 * started jobs in Redis, so `max` jobs start per `durationMs` window across the whole deployment.
 * Give every worker instance the same value.
 */
export interface ZixflowQueueRateLimit {
  /** Jobs started per window, across all workers. */
  max: number;
  /** Length of the window, in milliseconds, e.g. 1000 for "`max` per second". */
  durationMs: number;
}

/** The worker of one application instance: how many sends it runs at once and how it stops. */
export interface ZixflowQueueWorkerOptions {
  /** Jobs this instance sends at once. Default 10. */
  concurrency?: number;
  /**
   * How long application shutdown waits for the sends in flight, in milliseconds. Default 10 000.
   * Sends still running then are abandoned and sent again by another worker once their lock expires.
   */
  shutdownTimeoutMs?: number;
  /**
   * How long the lock on a job lasts without renewal, in milliseconds. Default 30 000. A job whose
   * worker died is sent again after about this long plus up to two `stalledIntervalMs`.
   */
  lockDurationMs?: number;
  /** Interval of the check for jobs of dead workers, in milliseconds. Default 30 000. */
  stalledIntervalMs?: number;
  /** How many times a job may be recovered from a dead worker before it fails. Default 1. */
  maxStalledCount?: number;
}

/** Back-off between attempts: full-jitter exponential, unless Zixflow said how long to wait. */
export interface ZixflowQueueBackoffOptions {
  /** Base delay in milliseconds: attempt n waits up to `minDelayMs * 2^(n-1)`. Default 1000. */
  minDelayMs?: number;
  /** Upper bound of one delay in milliseconds. Default 60 000. A `Retry-After` is honoured even when longer. */
  maxDelayMs?: number;
}

/** How long finished jobs stay in Redis. */
export interface ZixflowQueueRetentionOptions {
  /**
   * Seconds a sent message's job is kept, with Zixflow's result. Default 86 400 (24 hours). This is
   * the idempotency window: the same `idempotencyKey` enqueued within it yields the same job.
   */
  completedSeconds?: number;
  /** Seconds a failed message's job is kept, with the error class and message. Default 604 800 (7 days). */
  failedSeconds?: number;
}

/** Options of `ZixflowQueueModule`, given to `forRoot` or produced by `forRootAsync`. */
export interface ZixflowQueueModuleOptions {
  /**
   * The Redis server: a URL (`redis://[user:password@]host:6379[/db]`, `rediss://` for TLS) or
   * BullMQ connection options (ioredis options). Required. Options are better than a client
   * instance: BullMQ then creates and closes every connection itself.
   */
  connection: string | ConnectionOptions;
  /** Prefix of every Redis key of the queue. Default `bull` (BullMQ's). */
  prefix?: string;
  /**
   * This instance's worker, or `false` for an instance that only enqueues (a producer). Default: a
   * worker with the defaults of {@link ZixflowQueueWorkerOptions}. A worker needs `ZixflowModule`.
   */
  worker?: ZixflowQueueWorkerOptions | false;
  /** A limit shared by every worker of the queue (BullMQ's limiter). Off by default. */
  rateLimit?: ZixflowQueueRateLimit;
  /** Attempts per message, the first included, used only by retryable failures. Default 5. Set where messages are enqueued. */
  attempts?: number;
  /** Back-off between attempts. Applied by the worker. */
  backoff?: ZixflowQueueBackoffOptions;
  /** How long finished jobs are kept. Set where messages are enqueued. */
  retention?: ZixflowQueueRetentionOptions;
}

/** Implemented by a class given to `forRootAsync({ useClass })` or `forRootAsync({ useExisting })`. */
export interface ZixflowQueueOptionsFactory {
  /** Returns the queue options, possibly after reading a secret store. */
  createZixflowQueueOptions(): ZixflowQueueModuleOptions | Promise<ZixflowQueueModuleOptions>;
}
