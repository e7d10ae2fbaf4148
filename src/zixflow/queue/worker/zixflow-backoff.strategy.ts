import type { BackoffStrategy } from 'bullmq';
import { fullJitterDelayMs } from '../../core/backoff/full-jitter-backoff';
import { ZIXFLOW_QUEUE_BACKOFF_TYPE } from '../zixflow-queue.constants';
import { ZixflowRetryableAttemptError } from './job-failure';

/** The back-off bounds the worker was configured with. */
export interface ZixflowBackoffBounds {
  minDelayMs: number;
  maxDelayMs: number;
}

/**
 * BullMQ back-off strategy of the Zixflow queue. When Zixflow said how long to wait (`Retry-After`
 * on a 429 or 503) the job waits exactly that, even beyond `maxDelayMs`: sending earlier would only
 * be refused again. Otherwise full-jitter exponential back-off, the library's rule for in-process
 * retries, so many workers hit by the same outage do not return in lockstep. Only retryable
 * failures reach it: everything else is an `UnrecoverableError`, which BullMQ never retries.
 */
export function zixflowBackoffStrategy(
  bounds: ZixflowBackoffBounds,
  random: () => number = Math.random,
): BackoffStrategy {
  return (attemptsMade: number, type?: string, error?: Error): number => {
    if (type !== ZIXFLOW_QUEUE_BACKOFF_TYPE) {
      // -1 tells BullMQ not to retry: a job with a back-off type we do not know was not enqueued by ZixflowOutbox.
      return -1;
    }
    if (error instanceof ZixflowRetryableAttemptError && error.retryAfterMs !== undefined) {
      return error.retryAfterMs;
    }
    return fullJitterDelayMs(attemptsMade, bounds.minDelayMs, bounds.maxDelayMs, random);
  };
}
