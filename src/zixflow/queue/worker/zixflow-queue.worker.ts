import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue, Worker } from 'bullmq';
import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { maskPhoneNumber } from '../../core/phone/mask-phone-number';
import { ZixflowAccountServices } from '../../sending/accounts/zixflow-account-services';
import type { ZixflowSendResult } from '../../core/messages/zixflow-send-result.interface';
import { ZIXFLOW_QUEUE, ZIXFLOW_QUEUE_RESOLVED_OPTIONS } from '../zixflow-queue.constants';
import type { ResolvedZixflowQueueOptions, ResolvedZixflowQueueWorker } from '../zixflow-queue-options.schema';
import type { ZixflowQueueJobData } from '../zixflow-queue-job.interface';
import { closeWithin } from './close-within';
import { createZixflowWorker } from './create-zixflow-worker';
import { findEventEmitter } from './find-event-emitter';
import { originalFailure } from './job-failure';
import { QueueEventPublisher, ZixflowQueueJob } from './queue-event-publisher';
import { sendQueuedMessage, ZixflowQueueSenders } from './send-queued-message';

/**
 * Runs this instance's BullMQ worker on the Zixflow queue, unless the module was configured with
 * `worker: false`. It starts once the whole application is initialised, so no job is taken before
 * `ZixflowWhatsappService` and the event listeners are ready, and it stops first on shutdown
 * (`onModuleDestroy`), while the HTTP client is still open: no new job is taken, and the sends in
 * flight get `shutdownTimeoutMs` to finish.
 */
@Injectable()
export class ZixflowQueueWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ZixflowQueue');
  private worker: Worker<ZixflowQueueJobData, ZixflowSendResult, string> | undefined;

  constructor(
    @Inject(ZIXFLOW_QUEUE) private readonly queue: Queue,
    @Inject(ZIXFLOW_QUEUE_RESOLVED_OPTIONS) private readonly options: ResolvedZixflowQueueOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Starts the worker, if this instance runs one. */
  onApplicationBootstrap(): void {
    const { worker, rateLimit, backoff } = this.options;
    if (worker === false) {
      return;
    }
    const publisher = new QueueEventPublisher(findEventEmitter(this.moduleRef));
    this.worker = createZixflowWorker(
      this.queue,
      { worker, rateLimit, backoff },
      sendQueuedMessage(this.findWhatsapp()),
    );
    this.listen(this.worker, publisher, worker);
  }

  /** Stops taking jobs and lets the sends in flight finish, within `shutdownTimeoutMs`. */
  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    if (worker === undefined || this.options.worker === false) {
      return;
    }
    this.worker = undefined;
    const { shutdownTimeoutMs } = this.options.worker;
    if ((await closeWithin(worker, shutdownTimeoutMs)) === 'abandoned') {
      this.logger.warn(
        `Sends still in flight after ${shutdownTimeoutMs} ms of shutdown were abandoned; ` +
          'another worker sends them again once their lock expires (they may have reached Zixflow already).',
      );
    }
  }

  /** Each job goes through its account's service: the default, a named registration or a tenant. */
  /** Each job goes through its account's service: the default, a named registration or a tenant. */
  private findWhatsapp(): ZixflowQueueSenders {
    const accounts = new ZixflowAccountServices(this.moduleRef);
    if (accounts.isEmpty) {
      throw new ZixflowConfigurationError(
        'ZixflowQueueModule runs a worker in this instance, and the worker sends through ZixflowWhatsappService: ' +
          'register ZixflowModule (e.g. ZixflowModule.forRootAsync(zixflowConfig.asProvider())) in the application, ' +
          'or pass worker: false for an instance that only enqueues.',
      );
    }
    return (account) => accounts.forAccount(account);
  }

  private listen(
    worker: Worker<ZixflowQueueJobData, ZixflowSendResult, string>,
    publisher: QueueEventPublisher,
    settings: ResolvedZixflowQueueWorker,
  ): void {
    // Without a listener, an 'error' event (Redis unreachable) would crash the process.
    worker.on('error', (error) =>
      this.logger.error(`Redis error in the worker of queue ${worker.name}: ${error.message}`),
    );
    worker.on('completed', (job, result) => publisher.sent(job, result));
    worker.on('failed', (job, error) => {
      if (job === undefined) {
        return;
      }
      if (isFinalFailure(job, error)) {
        this.logger.warn(
          `Job ${job.id ?? '?'} (${describeMessage(job)}) failed after ${job.attemptsMade} attempt(s): ${error.message}`,
        );
        publisher.failed(job, error);
      } else {
        this.logger.debug(
          `Job ${job.id ?? '?'} (${describeMessage(job)}) will be retried: ${originalFailure(error).message}`,
        );
      }
    });
    this.logger.log(`Worker started on queue ${worker.name} (concurrency ${settings.concurrency})`);
  }
}

/** Mirrors BullMQ's decision: an unrecoverable error, or no attempt left. */
function isFinalFailure(job: ZixflowQueueJob, error: Error): boolean {
  return (
    error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1) || job.finishedOn !== undefined
  );
}

/** For logs: the kind and the masked recipient, never the whole number. */
function describeMessage(job: ZixflowQueueJob): string {
  const { type, to } = job.data.message;
  return `${type} to ${maskPhoneNumber(to)}`;
}
