import * as defaults from './zixflow-queue.constants';

// Defaults that were public before 0.2 and leave the API at 1.0; the values are in docs/queue.md.

/** @deprecated Leaves the API at 1.0. Default `queueName`, `zixflow-whatsapp`. */
export const ZIXFLOW_QUEUE_DEFAULT_NAME = defaults.ZIXFLOW_QUEUE_DEFAULT_NAME;
/** @deprecated Leaves the API at 1.0. Default `attempts`, 5. */
export const ZIXFLOW_QUEUE_DEFAULT_ATTEMPTS = defaults.ZIXFLOW_QUEUE_DEFAULT_ATTEMPTS;
/** @deprecated Leaves the API at 1.0. Default `backoff.minDelayMs`, 1 000. */
export const ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MIN_DELAY_MS = defaults.ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MIN_DELAY_MS;
/** @deprecated Leaves the API at 1.0. Default `backoff.maxDelayMs`, 60 000. */
export const ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MAX_DELAY_MS = defaults.ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MAX_DELAY_MS;
/** @deprecated Leaves the API at 1.0. Default `worker.concurrency`, 10. */
export const ZIXFLOW_QUEUE_DEFAULT_CONCURRENCY = defaults.ZIXFLOW_QUEUE_DEFAULT_CONCURRENCY;
/** @deprecated Leaves the API at 1.0. Default `worker.shutdownTimeoutMs`, 10 000. */
export const ZIXFLOW_QUEUE_DEFAULT_SHUTDOWN_TIMEOUT_MS = defaults.ZIXFLOW_QUEUE_DEFAULT_SHUTDOWN_TIMEOUT_MS;
/** @deprecated Leaves the API at 1.0. Default `worker.lockDurationMs`, 30 000. */
export const ZIXFLOW_QUEUE_DEFAULT_LOCK_DURATION_MS = defaults.ZIXFLOW_QUEUE_DEFAULT_LOCK_DURATION_MS;
/** @deprecated Leaves the API at 1.0. Default `worker.stalledIntervalMs`, 30 000. */
export const ZIXFLOW_QUEUE_DEFAULT_STALLED_INTERVAL_MS = defaults.ZIXFLOW_QUEUE_DEFAULT_STALLED_INTERVAL_MS;
/** @deprecated Leaves the API at 1.0. Default `worker.maxStalledCount`, 1. */
export const ZIXFLOW_QUEUE_DEFAULT_MAX_STALLED_COUNT = defaults.ZIXFLOW_QUEUE_DEFAULT_MAX_STALLED_COUNT;
/** @deprecated Leaves the API at 1.0. Default `retention.completedSeconds`, 86 400. */
export const ZIXFLOW_QUEUE_DEFAULT_KEEP_COMPLETED_SECONDS = defaults.ZIXFLOW_QUEUE_DEFAULT_KEEP_COMPLETED_SECONDS;
/** @deprecated Leaves the API at 1.0. Default `retention.failedSeconds`, 604 800. */
export const ZIXFLOW_QUEUE_DEFAULT_KEEP_FAILED_SECONDS = defaults.ZIXFLOW_QUEUE_DEFAULT_KEEP_FAILED_SECONDS;
