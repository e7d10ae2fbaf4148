import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { ZixflowSendResult } from '../../core/messages/zixflow-send-result.interface';
import { ZixflowQueueEvents } from '../zixflow-queue.events';
import type {
  ZixflowQueueJobEvent,
  ZixflowQueueMessageFailedEvent,
  ZixflowQueueMessageSentEvent,
} from '../zixflow-queue-event-payloads.interface';
import type { ZixflowQueueJobData } from '../zixflow-queue-job.interface';
import type { ZixflowQueueEmitter } from './find-event-emitter';
import { originalFailure } from './job-failure';

/** A job of the Zixflow queue as the worker sees it. */
export type ZixflowQueueJob = Job<ZixflowQueueJobData, ZixflowSendResult, string>;

/**
 * Emits the queue's events for jobs that reached their end. A listener that throws is logged and
 * does not disturb the worker: the job's outcome is already stored in Redis.
 */
export class QueueEventPublisher {
  private readonly logger = new Logger('ZixflowQueue');

  /** @param emitter - the application's emitter, or undefined to emit nothing. */
  constructor(private readonly emitter: ZixflowQueueEmitter | undefined) {}

  /** Zixflow accepted the message of `job`. */
  sent(job: ZixflowQueueJob, result: ZixflowSendResult): void {
    const payload: ZixflowQueueMessageSentEvent = { ...describeJob(job), result };
    this.emit(ZixflowQueueEvents.MessageSent, payload);
  }

  /** The message of `job` failed for good; `error` is what its last attempt threw. */
  failed(job: ZixflowQueueJob, error: Error): void {
    const payload: ZixflowQueueMessageFailedEvent = { ...describeJob(job), error: originalFailure(error) };
    this.emit(ZixflowQueueEvents.MessageFailed, payload);
  }

  private emit(event: string, payload: ZixflowQueueJobEvent): void {
    if (this.emitter === undefined) {
      return;
    }
    try {
      this.emitter.emit(event, payload);
    } catch (error) {
      this.logger.error(
        `A listener of ${event} failed for job ${payload.jobId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function describeJob(job: ZixflowQueueJob): ZixflowQueueJobEvent {
  return {
    jobId: job.id ?? '',
    idempotencyKey: job.data.idempotencyKey,
    message: job.data.message,
    attempts: job.attemptsMade,
  };
}
