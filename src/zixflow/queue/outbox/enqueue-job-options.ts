import type { JobsOptions } from 'bullmq';
import { ZIXFLOW_QUEUE_MAX_PRIORITY } from '../zixflow-queue.constants';
import { idempotencyJobId } from './idempotency-job-id';
import { ZixflowEnqueueOptions } from './zixflow-enqueue-options.interface';

/**
 * The BullMQ options of one job, from the caller's enqueue options; attempts, back-off and retention
 * come from the queue's defaults. Throws RangeError for an option out of range, before anything is
 * stored, as `sendMany` does for a bad `concurrency`.
 */
export function enqueueJobOptions(options: ZixflowEnqueueOptions = {}): JobsOptions {
  const { idempotencyKey, delayMs, priority } = options;
  const jobOptions: JobsOptions = {};
  if (idempotencyKey !== undefined) {
    if (typeof idempotencyKey !== 'string' || idempotencyKey === '') {
      throw new RangeError('ZixflowOutbox: idempotencyKey must be a non-empty string');
    }
    // Per account: two accounts' equal keys are two intents, so two jobs.
    jobOptions.jobId = idempotencyJobId(
      options.account === undefined ? idempotencyKey : `${options.account}\n${idempotencyKey}`,
    );
  }
  if (delayMs !== undefined) {
    if (!Number.isSafeInteger(delayMs) || delayMs < 0) {
      throw new RangeError(
        `ZixflowOutbox: delayMs must be a whole number of milliseconds, 0 or more (got ${String(delayMs)})`,
      );
    }
    jobOptions.delay = delayMs;
  }
  if (priority !== undefined) {
    if (!Number.isSafeInteger(priority) || priority < 1 || priority > ZIXFLOW_QUEUE_MAX_PRIORITY) {
      throw new RangeError(
        `ZixflowOutbox: priority must be a whole number from 1 to ${ZIXFLOW_QUEUE_MAX_PRIORITY} (got ${String(priority)})`,
      );
    }
    jobOptions.priority = priority;
  }
  return jobOptions;
}
