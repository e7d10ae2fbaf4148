import type { ZixflowSendResult } from '../core/messages/zixflow-send-result.interface';
import type { ZixflowQueuedMessage } from './zixflow-queue-job.interface';

/** What every queue event tells: which job, for which message. */
export interface ZixflowQueueJobEvent {
  /** The BullMQ job id, as `enqueue` returned it. */
  jobId: string;
  /** The idempotency key given at enqueue, if any. */
  idempotencyKey: string | undefined;
  /** The message as it was stored (validated, `to` normalised). */
  message: ZixflowQueuedMessage;
  /** Attempts made so far, this one included. */
  attempts: number;
}

/** Payload of `ZixflowQueueEvents.MessageSent`. */
export interface ZixflowQueueMessageSentEvent extends ZixflowQueueJobEvent {
  /** Zixflow's answer, also kept as the job's return value. */
  result: ZixflowSendResult;
}

/** Payload of `ZixflowQueueEvents.MessageFailed`. */
export interface ZixflowQueueMessageFailedEvent extends ZixflowQueueJobEvent {
  /**
   * Why the last attempt failed: the library's `ZixflowError` (check it with `instanceof`), or an
   * unexpected error. Its message is the one stored in the job's `failedReason`, after the class name.
   */
  error: Error;
}
