import { Module } from '@nestjs/common';
import { ZixflowOutbox } from './outbox/zixflow-outbox';
import { ZixflowQueueWorker } from './worker/zixflow-queue.worker';
import { ZixflowQueueConfigurableModuleClass } from './zixflow-queue.module-definition';

/**
 * A durable outbound queue for WhatsApp messages on BullMQ and Redis: sends survive restarts, are
 * retried with back-off across instances, and are paced by one limit shared by every worker.
 * Register it with `ZixflowQueueModule.forRoot({ connection: 'redis://…' })` or
 * `ZixflowQueueModule.forRootAsync(zixflowQueueConfig.asProvider())` next to `ZixflowModule`, then
 * inject {@link ZixflowOutbox} to enqueue. Each instance runs a worker unless given `worker: false`.
 *
 * The options are checked while the module is instantiated, so a missing Redis URL stops start-up.
 */
@Module({
  providers: [ZixflowOutbox, ZixflowQueueWorker],
  exports: [ZixflowOutbox],
})
export class ZixflowQueueModule extends ZixflowQueueConfigurableModuleClass {}
