import { isZixflowAccountName } from '../../sending/accounts/zixflow-account-name';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import type { ZixflowMessage } from '../../sending/messages/zixflow-message.types';
import type { ZixflowSendResult } from '../../core/messages/zixflow-send-result.interface';
import { ZIXFLOW_QUEUE } from '../zixflow-queue.constants';
import type { ZixflowQueueJobData } from '../zixflow-queue-job.interface';
import { createdByAdd, uniqueJobTimestamp } from './added-job-check';
import { enqueueJobOptions } from './enqueue-job-options';
import { prepareQueuedMessage, prepareQueuedMessages } from './prepare-queued-message';
import type { ZixflowEnqueueOptions, ZixflowOutboxItem } from './zixflow-enqueue-options.interface';
import type { ZixflowEnqueued } from './zixflow-enqueued.interface';

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
   * the existing job's id is returned; {@link enqueueDetailed} also says which of the two happened.
   * Rejects with `ZixflowValidationError` for an invalid message, RangeError for bad options, or the
   * Redis error when the queue cannot be reached.
   */
  async enqueue(message: ZixflowMessage, options: ZixflowEnqueueOptions = {}): Promise<string> {
    return (await this.enqueueDetailed(message, options)).jobId;
  }

  /**
   * {@link enqueue}, resolving with `{ jobId, alreadyQueued }`: `alreadyQueued` is `true` when the
   * idempotency key was already queued and nothing was added, e.g. to answer a repeated request with
   * "already queued" rather than "queued".
   */
  async enqueueDetailed(message: ZixflowMessage, options: ZixflowEnqueueOptions = {}): Promise<ZixflowEnqueued> {
    const jobOptions = enqueueJobOptions(options);
    const [enqueued] = await this.add(
      [prepareQueuedMessage(message)],
      [options.idempotencyKey],
      [jobOptions],
      [checkAccount(options.account)],
    );
    return enqueued;
  }

  /**
   * Enqueues many messages in one round trip to Redis (BullMQ `addBulk`) and resolves with their job
   * ids, in input order. Every item is validated first: when any is invalid, the call rejects with one
   * `ZixflowValidationError` listing the problems by index (`3.to must …`) and nothing is stored.
   * Duplicate idempotency keys, within the batch or with earlier jobs, yield the existing job's id;
   * {@link enqueueManyDetailed} also says which items added nothing.
   * For very large lists, call it with chunks of a few thousand to bound memory and Redis latency.
   */
  async enqueueMany(items: Iterable<ZixflowOutboxItem>): Promise<string[]> {
    return (await this.enqueueManyDetailed(items)).map((enqueued) => enqueued.jobId);
  }

  /**
   * {@link enqueueMany}, resolving with `{ jobId, alreadyQueued }` per item, in input order. An item
   * is `alreadyQueued` when its idempotency key was queued before this call, by a concurrent call, or
   * by an earlier item of this batch: then nothing was added for it. So the number of messages this
   * call queued is the count of items with `alreadyQueued: false`.
   */
  async enqueueManyDetailed(items: Iterable<ZixflowOutboxItem>): Promise<ZixflowEnqueued[]> {
    const list = Array.from(items);
    const jobOptions = list.map((item) => enqueueJobOptions(item));
    const accounts = list.map((item) => checkAccount(item.account));
    const prepared = prepareQueuedMessages(list.map((item) => item.message));
    if (list.length === 0) {
      return [];
    }
    return this.add(
      prepared,
      list.map((item) => item.idempotencyKey),
      jobOptions,
      accounts,
    );
  }

  /** One `addBulk` round trip, then one read-back of the keyed jobs' creation times. */
  private async add(
    messages: ZixflowQueueJobData['message'][],
    keys: Array<string | undefined>,
    jobOptions: JobsOptions[],
    accounts: Array<string | undefined>,
  ): Promise<ZixflowEnqueued[]> {
    const timestamp = uniqueJobTimestamp();
    const jobs = await this.queue.addBulk(
      messages.map((message, index) => ({
        name: message.type,
        data: jobData(message, keys[index], accounts[index]),
        opts: { ...jobOptions[index], timestamp },
      })),
    );
    return this.reportAdded(
      jobs.map(jobIdOf),
      keys.map((key) => key !== undefined),
      timestamp,
    );
  }

  /** Which keyed jobs this call created: the first item of an id decides, later items of it added nothing. */
  private async reportAdded(jobIds: string[], keyed: boolean[], timestamp: number): Promise<ZixflowEnqueued[]> {
    const keyedIds = [...new Set(jobIds.filter((_, index) => keyed[index]))];
    const created = await createdByAdd(this.queue, keyedIds, timestamp);
    const createdIds = new Set(keyedIds.filter((_, index) => created[index]));
    const seen = new Set<string>();
    return jobIds.map((jobId, index) => {
      if (!keyed[index]) return { jobId, alreadyQueued: false };
      const first = !seen.has(jobId);
      seen.add(jobId);
      return { jobId, alreadyQueued: !(first && createdIds.has(jobId)) };
    });
  }
}

function jobData(
  message: ZixflowQueueJobData['message'],
  idempotencyKey: string | undefined,
  account: string | undefined,
): ZixflowQueueJobData {
  const data: ZixflowQueueJobData = idempotencyKey === undefined ? { message } : { message, idempotencyKey };
  if (account !== undefined) data.account = account;
  return data;
}

function checkAccount(account: string | undefined): string | undefined {
  if (account !== undefined && !isZixflowAccountName(account)) {
    throw new RangeError(
      'ZixflowOutbox: account must be 1 to 64 letters, digits and - . _ ~ (a registration name or tenant id)',
    );
  }
  return account;
}

function jobIdOf(job: Job): string {
  if (job.id === undefined) {
    // BullMQ always assigns an id on add; this guards the type, not a real case.
    throw new Error('ZixflowOutbox: BullMQ returned a job without an id');
  }
  return job.id;
}
