/** Name of the BullMQ queue when `queueName` is not given. */
export const ZIXFLOW_QUEUE_DEFAULT_NAME = 'zixflow-whatsapp';

/**
 * Attempts per message, the first included. Only failures Zixflow marks `retryable` (429, 503, a
 * connection that failed before the request was written) use the extra ones.
 */
export const ZIXFLOW_QUEUE_DEFAULT_ATTEMPTS = 5;

/** Base of the exponential back-off between attempts, in milliseconds. */
export const ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MIN_DELAY_MS = 1000;

/** Longest back-off between attempts when Zixflow sent no `Retry-After`, in milliseconds. */
export const ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MAX_DELAY_MS = 60_000;

/** Jobs one worker instance sends at once. */
export const ZIXFLOW_QUEUE_DEFAULT_CONCURRENCY = 10;

/** How long shutdown waits for the sends in flight before it gives up on them, in milliseconds. */
export const ZIXFLOW_QUEUE_DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * How long a worker's lock on a job lasts without renewal (BullMQ's default). A worker that dies
 * mid-send stops renewing; its job is sent again by another worker once the lock has expired and a
 * stalled-job check has seen it.
 */
export const ZIXFLOW_QUEUE_DEFAULT_LOCK_DURATION_MS = 30_000;

/** Interval of the stalled-job check (BullMQ's default). */
export const ZIXFLOW_QUEUE_DEFAULT_STALLED_INTERVAL_MS = 30_000;

/** How often a job may be recovered from a dead worker before it fails (BullMQ's default). */
export const ZIXFLOW_QUEUE_DEFAULT_MAX_STALLED_COUNT = 1;

/**
 * How long a sent message's job is kept: 24 hours. This is also the idempotency window, because a
 * job id is free again once its job is removed.
 */
export const ZIXFLOW_QUEUE_DEFAULT_KEEP_COMPLETED_SECONDS = 24 * 60 * 60;

/** How long a failed message's job is kept for inspection: 7 days. */
export const ZIXFLOW_QUEUE_DEFAULT_KEEP_FAILED_SECONDS = 7 * 24 * 60 * 60;

/** BullMQ's highest job priority number (2^21); 1 is the most urgent. */
export const ZIXFLOW_QUEUE_MAX_PRIORITY = 2 ** 21;

/** The custom BullMQ back-off type of every job; the worker's strategy answers to it. Internal. */
export const ZIXFLOW_QUEUE_BACKOFF_TYPE = 'zixflow';

/** Injection token of the checked queue options. Internal. */
export const ZIXFLOW_QUEUE_RESOLVED_OPTIONS = Symbol('ZIXFLOW_QUEUE_RESOLVED_OPTIONS');

/** Injection token aliasing this module's BullMQ `Queue`, whatever its name. Internal. */
export const ZIXFLOW_QUEUE = Symbol('ZIXFLOW_QUEUE');
