import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { redisOptionsFromUrl } from './connection/redis-url-options';
import {
  ZIXFLOW_QUEUE_BACKOFF_TYPE,
  ZIXFLOW_QUEUE_DEFAULT_ATTEMPTS,
  ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MAX_DELAY_MS,
  ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MIN_DELAY_MS,
  ZIXFLOW_QUEUE_DEFAULT_CONCURRENCY,
  ZIXFLOW_QUEUE_DEFAULT_KEEP_COMPLETED_SECONDS,
  ZIXFLOW_QUEUE_DEFAULT_KEEP_FAILED_SECONDS,
  ZIXFLOW_QUEUE_DEFAULT_LOCK_DURATION_MS,
  ZIXFLOW_QUEUE_DEFAULT_MAX_STALLED_COUNT,
  ZIXFLOW_QUEUE_DEFAULT_SHUTDOWN_TIMEOUT_MS,
  ZIXFLOW_QUEUE_DEFAULT_STALLED_INTERVAL_MS,
} from './zixflow-queue.constants';
import {
  ZixflowQueueBackoffOptions,
  ZixflowQueueModuleOptions,
  ZixflowQueueRateLimit,
  ZixflowQueueRetentionOptions,
  ZixflowQueueWorkerOptions,
} from './zixflow-queue-options.interface';

/** Worker settings after checking, with defaults applied. Internal. */
export interface ResolvedZixflowQueueWorker {
  concurrency: number;
  shutdownTimeoutMs: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
}

/** Queue options after checking, with defaults applied. Internal. */
export interface ResolvedZixflowQueueOptions {
  /** What the BullMQ `Queue` is created with; the worker reuses its connection and prefix. */
  queue: { connection: ConnectionOptions; prefix?: string; defaultJobOptions: DefaultJobOptions };
  worker: ResolvedZixflowQueueWorker | false;
  rateLimit: ZixflowQueueRateLimit | undefined;
  backoff: Required<ZixflowQueueBackoffOptions>;
}

const MODULE = 'ZixflowQueueModule';

/**
 * Checks the options once, when the module is instantiated, so a misconfigured queue stops start-up
 * instead of failing the first enqueue. Messages name the option and never echo the connection,
 * whose URL may hold a password.
 */
export function resolveZixflowQueueOptions(
  options: ZixflowQueueModuleOptions | undefined,
): ResolvedZixflowQueueOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ZixflowConfigurationError(`${MODULE}: options are missing; pass { connection } to ${MODULE}.forRoot().`);
  }
  const retention = checkRetention(options.retention);
  return {
    queue: {
      connection: checkConnection(options.connection),
      ...(options.prefix === undefined ? {} : { prefix: checkPrefix(options.prefix) }),
      defaultJobOptions: {
        attempts: checkWhole('attempts', options.attempts, ZIXFLOW_QUEUE_DEFAULT_ATTEMPTS, 1),
        backoff: { type: ZIXFLOW_QUEUE_BACKOFF_TYPE },
        removeOnComplete: { age: retention.completedSeconds },
        removeOnFail: { age: retention.failedSeconds },
      },
    },
    worker: checkWorker(options.worker),
    rateLimit: checkRateLimit(options.rateLimit),
    backoff: checkBackoff(options.backoff),
  };
}

/** A URL becomes ioredis options; options objects (or a client) are passed through. */
function checkConnection(connection: unknown): ConnectionOptions {
  if (typeof connection === 'string' && connection.trim() !== '') {
    const options = redisOptionsFromUrl(connection.trim());
    if (options === undefined) {
      throw new ZixflowConfigurationError(
        `${MODULE}: connection must be a redis:// or rediss:// URL (REDIS_URL), e.g. redis://127.0.0.1:6379/0, or BullMQ connection options.`,
      );
    }
    return options;
  }
  if (typeof connection === 'object' && connection !== null && !Array.isArray(connection)) {
    return connection as ConnectionOptions;
  }
  throw new ZixflowConfigurationError(
    `${MODULE}: connection is missing. Set the REDIS_URL environment variable (read by zixflowQueueConfig) or pass ` +
      `connection to ${MODULE}.forRoot(), e.g. redis://127.0.0.1:6379.`,
  );
}

function checkPrefix(prefix: unknown): string {
  if (typeof prefix !== 'string' || prefix === '' || prefix.includes(':')) {
    throw new ZixflowConfigurationError(`${MODULE}: prefix must be a non-empty string without ":", e.g. bull.`);
  }
  return prefix;
}

function checkWorker(worker: ZixflowQueueWorkerOptions | false | undefined): ResolvedZixflowQueueWorker | false {
  if (worker === false) {
    return false;
  }
  if (worker !== undefined && (typeof worker !== 'object' || worker === null)) {
    throw new ZixflowConfigurationError(
      `${MODULE}: worker must be an object of worker options, or false for a producer-only instance.`,
    );
  }
  return {
    concurrency: checkWhole('worker.concurrency', worker?.concurrency, ZIXFLOW_QUEUE_DEFAULT_CONCURRENCY, 1),
    shutdownTimeoutMs: checkWhole(
      'worker.shutdownTimeoutMs',
      worker?.shutdownTimeoutMs,
      ZIXFLOW_QUEUE_DEFAULT_SHUTDOWN_TIMEOUT_MS,
      0,
    ),
    lockDurationMs: checkWhole(
      'worker.lockDurationMs',
      worker?.lockDurationMs,
      ZIXFLOW_QUEUE_DEFAULT_LOCK_DURATION_MS,
      1,
    ),
    stalledIntervalMs: checkWhole(
      'worker.stalledIntervalMs',
      worker?.stalledIntervalMs,
      ZIXFLOW_QUEUE_DEFAULT_STALLED_INTERVAL_MS,
      1,
    ),
    maxStalledCount: checkWhole(
      'worker.maxStalledCount',
      worker?.maxStalledCount,
      ZIXFLOW_QUEUE_DEFAULT_MAX_STALLED_COUNT,
      0,
    ),
  };
}

function checkRateLimit(rateLimit: ZixflowQueueRateLimit | undefined): ZixflowQueueRateLimit | undefined {
  if (rateLimit === undefined) {
    return undefined;
  }
  if (typeof rateLimit !== 'object' || rateLimit === null) {
    throw new ZixflowConfigurationError(
      `${MODULE}: rateLimit must be { max, durationMs }, e.g. { max: 100, durationMs: 1000 }.`,
    );
  }
  return {
    max: checkWhole('rateLimit.max', rateLimit.max, undefined, 1),
    durationMs: checkWhole('rateLimit.durationMs', rateLimit.durationMs, undefined, 1),
  };
}

function checkBackoff(backoff: ZixflowQueueBackoffOptions | undefined): Required<ZixflowQueueBackoffOptions> {
  const minDelayMs = checkWhole(
    'backoff.minDelayMs',
    backoff?.minDelayMs,
    ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MIN_DELAY_MS,
    0,
  );
  const maxDelayMs = checkWhole(
    'backoff.maxDelayMs',
    backoff?.maxDelayMs,
    Math.max(minDelayMs, ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MAX_DELAY_MS),
    0,
  );
  if (maxDelayMs < minDelayMs) {
    throw new ZixflowConfigurationError(`${MODULE}: backoff.maxDelayMs must not be below backoff.minDelayMs.`);
  }
  return { minDelayMs, maxDelayMs };
}

function checkRetention(retention: ZixflowQueueRetentionOptions | undefined): Required<ZixflowQueueRetentionOptions> {
  return {
    completedSeconds: checkWhole(
      'retention.completedSeconds',
      retention?.completedSeconds,
      ZIXFLOW_QUEUE_DEFAULT_KEEP_COMPLETED_SECONDS,
      1,
    ),
    failedSeconds: checkWhole(
      'retention.failedSeconds',
      retention?.failedSeconds,
      ZIXFLOW_QUEUE_DEFAULT_KEEP_FAILED_SECONDS,
      1,
    ),
  };
}

/** A whole number of at least `min`; `fallback` when left out (undefined: required). */
function checkWhole(name: string, value: unknown, fallback: number | undefined, min: number): number {
  if (value === undefined && fallback !== undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new ZixflowConfigurationError(`${MODULE}: ${name} must be a whole number of ${min} or more.`);
  }
  return value;
}
