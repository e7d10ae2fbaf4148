import { hostname } from 'node:os';
import { Processor, Queue, Worker } from 'bullmq';
import type { ZixflowSendResult } from '../../core/messages/zixflow-send-result.interface';
import type { ResolvedZixflowQueueOptions, ResolvedZixflowQueueWorker } from '../zixflow-queue-options.schema';
import type { ZixflowQueueJobData } from '../zixflow-queue-job.interface';
import { zixflowBackoffStrategy } from './zixflow-backoff.strategy';

/** What the worker is built from: its own settings plus the queue-wide limit and back-off. */
export type ZixflowWorkerSettings = Pick<ResolvedZixflowQueueOptions, 'rateLimit' | 'backoff'> & {
  worker: ResolvedZixflowQueueWorker;
};

/**
 * A BullMQ worker on the same queue, Redis connection and key prefix as `queue`. The limiter is
 * BullMQ's, counted in Redis, so it holds across every worker of the queue in every instance. The
 * worker's name (host and process id) is stored on each job it processes, as `processedBy`.
 */
export function createZixflowWorker(
  queue: Queue,
  settings: ZixflowWorkerSettings,
  processor: Processor<ZixflowQueueJobData, ZixflowSendResult, string>,
): Worker<ZixflowQueueJobData, ZixflowSendResult, string> {
  const { worker, rateLimit, backoff } = settings;
  return new Worker<ZixflowQueueJobData, ZixflowSendResult, string>(queue.name, processor, {
    connection: queue.opts.connection,
    prefix: queue.opts.prefix,
    name: `${hostname()}:${process.pid}`,
    concurrency: worker.concurrency,
    lockDuration: worker.lockDurationMs,
    stalledInterval: worker.stalledIntervalMs,
    maxStalledCount: worker.maxStalledCount,
    ...(rateLimit === undefined ? {} : { limiter: { max: rateLimit.max, duration: rateLimit.durationMs } }),
    settings: { backoffStrategy: zixflowBackoffStrategy(backoff) },
  });
}
