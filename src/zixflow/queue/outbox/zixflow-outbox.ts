import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { ZixflowMessage } from '../../sending/messages/zixflow-message.types';
import type { ZixflowSendResult } from '../../core/messages/zixflow-send-result.interface';
import { ZIXFLOW_QUEUE } from '../zixflow-queue.constants';
import type { ZixflowQueueJobData } from '../zixflow-queue-job.interface';
import { enqueueJobOptions } from './enqueue-job-options';
import { prepareQueuedMessage, prepareQueuedMessages } from './prepare-queued-message';
import type { ZixflowEnqueueOptions, ZixflowOutboxItem } from './zixflow-enqueue-options.interface';

/** The BullMQ queue as this module types it. */
type ZixflowQueue = Queue<ZixflowQueueJobData, ZixflowSendResult, string>;

/**
 * Puts WhatsApp messages on the durable Zixflow queue (BullMQ on Redis), from any instance of the
 * application; a worker in any instance sends them. Each message is validated here exactly as
 * `ZixflowWhatsappService` would validate it, so an invalid message is refused at once and never
 * stored. What is stored is the message alone, never the API key.
 */
@Injectable()
export class ZixflowOutbox {
  private readonly logger = new Logger('ZixflowQueue');

  constructor(@Inject(ZIXFLOW_QUEUE) private readonly queue: ZixflowQueue) {
    // Without a listener, an 'error' event (Redis unreachable) would crash the process.
    queue.on('error', (error: Error) => this.logger.error(`Redis error on queue ${queue.name}: ${error.message}`));
  }

  /** The BullMQ queue name. */
  get queueName(): string {
    return this.queue.name;
  }

  /**
   * Enqueues one message of any kind, tagged with its `type`, and resolves with its job id. With an
   * `idempotencyKey` that was already enqueued (and whose job is still kept), nothing is added and
   * the existing job's id is returned. Rejects with `ZixflowValidationError` for an invalid message,
   * RangeError for bad options, or the Redis error when the queue cannot be reached.
   */
  async enqueue(message: ZixflowMessage, options: ZixflowEnqueueOptions = {}): Promise<string> {
    const jobOptions = enqueueJobOptions(options);
    const prepared = prepareQueuedMessage(message);
    const job = await this.queue.add(prepared.type, jobData(prepared, options.idempotencyKey), jobOptions);
    return jobIdOf(job);
  }

  /**
   * Enqueues many messages in one round trip to Redis (BullMQ `addBulk`) and resolves with their job
   * ids, in input order. Every item is validated first: when any is invalid, the call rejects with one
   * `ZixflowValidationError` listing the problems by index (`3.to must …`) and nothing is stored.
   * Duplicate idempotency keys, within the batch or with earlier jobs, yield the existing job's id.
   * For very large lists, call it with chunks of a few thousand to bound memory and Redis latency.
   */
  async enqueueMany(items: Iterable<ZixflowOutboxItem>): Promise<string[]> {
    const list = Array.from(items);
    const jobOptions = list.map((item) => enqueueJobOptions(item));
    const prepared = prepareQueuedMessages(list.map((item) => item.message));
    if (list.length === 0) {
      return [];
    }
    const jobs = await this.queue.addBulk(
      prepared.map((message, index) => ({
        name: message.type,
        data: jobData(message, list[index].idempotencyKey),
        opts: jobOptions[index],
      })),
    );
    return jobs.map(jobIdOf);
  }
}

function jobData(message: ZixflowQueueJobData['message'], idempotencyKey: string | undefined): ZixflowQueueJobData {
  return idempotencyKey === undefined ? { message } : { message, idempotencyKey };
}

function jobIdOf(job: Job): string {
  if (job.id === undefined) {
    // BullMQ always assigns an id on add; this guards the type, not a real case.
    throw new Error('ZixflowOutbox: BullMQ returned a job without an id');
  }
  return job.id;
}
