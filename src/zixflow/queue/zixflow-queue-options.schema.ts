import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';
import {
  boolean,
  custom,
  durationMs,
  group,
  OptionOwner,
  OptionShapeOf,
  optionError,
  resolveOptions,
  ResolvedOptions,
  text,
  wholeNumber,
} from '../core/options';
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

/** How `ZixflowQueueModule` is named in its messages, and who reads its variables. */
export const ZIXFLOW_QUEUE_OPTIONS_OWNER: OptionOwner = {
  name: 'ZixflowQueueModule',
  config: 'zixflowQueueConfig',
  extras: ['queueName', 'isGlobal'],
};

/** A URL becomes ioredis options; options objects (or a client) are passed through. */
const connection = custom<ConnectionOptions, string>(
  (value, site) => {
    const options =
      typeof value === 'string'
        ? redisOptionsFromUrl(value.trim())
        : typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as ConnectionOptions)
          : undefined;
    if (options === undefined) {
      // The value is not repeated: a Redis URL may hold a password.
      throw optionError(
        site,
        'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0, or BullMQ connection options',
      );
    }
    return options;
  },
  { text: true },
)
  .fromEnv('REDIS_URL')
  .required('a URL such as redis://127.0.0.1:6379');

/** The `worker` options, declared once. */
export const ZIXFLOW_QUEUE_WORKER_FIELDS = {
  concurrency: wholeNumber({ min: 1 }).fromEnv('ZIXFLOW_QUEUE_CONCURRENCY').default(ZIXFLOW_QUEUE_DEFAULT_CONCURRENCY),
  shutdownTimeoutMs: durationMs(0).default(ZIXFLOW_QUEUE_DEFAULT_SHUTDOWN_TIMEOUT_MS),
  lockDurationMs: durationMs(1).default(ZIXFLOW_QUEUE_DEFAULT_LOCK_DURATION_MS),
  stalledIntervalMs: durationMs(1).default(ZIXFLOW_QUEUE_DEFAULT_STALLED_INTERVAL_MS),
  maxStalledCount: wholeNumber({ min: 0 }).default(ZIXFLOW_QUEUE_DEFAULT_MAX_STALLED_COUNT),
} as const satisfies OptionShapeOf<ZixflowQueueWorkerOptions>;

/**
 * `ZIXFLOW_QUEUE_WORKER`: `false` for an instance that only enqueues. A field of its own because the
 * variable is a switch while `worker` itself is an object or `false`.
 */
export const ZIXFLOW_QUEUE_WORKER_SWITCH = boolean().fromEnv('ZIXFLOW_QUEUE_WORKER').optional();

/** The `rateLimit` options, declared once; the variable gives "`max` per second". */
export const ZIXFLOW_QUEUE_RATE_LIMIT_FIELDS = {
  max: wholeNumber({ min: 1 }).fromEnv('ZIXFLOW_QUEUE_RATE_PER_SECOND'),
  durationMs: durationMs(1),
} as const satisfies OptionShapeOf<ZixflowQueueRateLimit>;

const BACKOFF_FIELDS = {
  minDelayMs: durationMs(0).default(ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MIN_DELAY_MS),
  // Its default depends on minDelayMs, so it is filled in below.
  maxDelayMs: durationMs(0).optional(),
} as const satisfies OptionShapeOf<ZixflowQueueBackoffOptions>;

const RETENTION_FIELDS = {
  completedSeconds: wholeNumber({ min: 1 }).default(ZIXFLOW_QUEUE_DEFAULT_KEEP_COMPLETED_SECONDS),
  failedSeconds: wholeNumber({ min: 1 }).default(ZIXFLOW_QUEUE_DEFAULT_KEEP_FAILED_SECONDS),
} as const satisfies OptionShapeOf<ZixflowQueueRetentionOptions>;

/**
 * Every option of `ZixflowQueueModule`, declared once: its check, default and environment variable.
 * `zixflowQueueConfig` reads the variables declared here, and the messages name them.
 */
export const ZIXFLOW_QUEUE_OPTION_FIELDS = {
  connection,
  prefix: text({ test: (prefix) => !prefix.includes(':'), rule: 'must be a non-empty string without ":", e.g. bull' })
    .fromEnv('ZIXFLOW_QUEUE_PREFIX')
    .optional(),
  worker: group(ZIXFLOW_QUEUE_WORKER_FIELDS, { allowFalse: true }),
  rateLimit: group(ZIXFLOW_QUEUE_RATE_LIMIT_FIELDS).optional(),
  attempts: wholeNumber({ min: 1 }).default(ZIXFLOW_QUEUE_DEFAULT_ATTEMPTS),
  backoff: group(BACKOFF_FIELDS),
  retention: group(RETENTION_FIELDS),
} as const satisfies OptionShapeOf<ZixflowQueueModuleOptions>;

/** Worker settings after checking, with defaults applied. Internal. */
export type ResolvedZixflowQueueWorker = ResolvedOptions<typeof ZIXFLOW_QUEUE_WORKER_FIELDS>;

/** Queue options after checking, with defaults applied. Internal. */
export interface ResolvedZixflowQueueOptions {
  /** What the BullMQ `Queue` is created with; the worker reuses its connection and prefix. */
  queue: { connection: ConnectionOptions; prefix?: string; defaultJobOptions: DefaultJobOptions };
  worker: ResolvedZixflowQueueWorker | false;
  rateLimit: ZixflowQueueRateLimit | undefined;
  backoff: Required<ZixflowQueueBackoffOptions>;
}

/**
 * Checks the options once, when the module is instantiated, so a misconfigured queue stops start-up
 * instead of failing the first enqueue. Messages name the option and never echo the connection,
 * whose URL may hold a password; a misspelt key is refused.
 */
export function resolveZixflowQueueOptions(
  options: ZixflowQueueModuleOptions | undefined,
): ResolvedZixflowQueueOptions {
  const resolved = resolveOptions(ZIXFLOW_QUEUE_OPTIONS_OWNER, ZIXFLOW_QUEUE_OPTION_FIELDS, options);
  const { minDelayMs } = resolved.backoff;
  const maxDelayMs = resolved.backoff.maxDelayMs ?? Math.max(minDelayMs, ZIXFLOW_QUEUE_DEFAULT_BACKOFF_MAX_DELAY_MS);
  if (maxDelayMs < minDelayMs) {
    throw optionError(
      { owner: ZIXFLOW_QUEUE_OPTIONS_OWNER, path: 'backoff.maxDelayMs' },
      'must not be below backoff.minDelayMs',
    );
  }
  return {
    queue: {
      connection: resolved.connection,
      ...(resolved.prefix === undefined ? {} : { prefix: resolved.prefix }),
      defaultJobOptions: {
        attempts: resolved.attempts,
        backoff: { type: ZIXFLOW_QUEUE_BACKOFF_TYPE },
        removeOnComplete: { age: resolved.retention.completedSeconds },
        removeOnFail: { age: resolved.retention.failedSeconds },
      },
    },
    worker: resolved.worker,
    rateLimit: resolved.rateLimit,
    backoff: { minDelayMs, maxDelayMs },
  };
}
