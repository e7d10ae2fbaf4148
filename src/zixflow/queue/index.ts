/**
 * `nestjs-zixflow/queue`: a durable outbound queue for WhatsApp messages on BullMQ and Redis, so
 * sends survive restarts and are paced across every instance of the application. A separate entry
 * point because it needs `bullmq` and `@nestjs/bullmq`, which apps that send directly do not have to
 * install.
 * @packageDocumentation
 */
export { ZixflowQueueModule } from './zixflow-queue.module';
export { ZIXFLOW_QUEUE_MODULE_OPTIONS } from './zixflow-queue.module-definition';
export type { ZixflowQueueModuleExtras } from './zixflow-queue.module-definition';
export type {
  ZixflowQueueModuleOptions,
  ZixflowQueueWorkerOptions,
  ZixflowQueueRateLimit,
  ZixflowQueueBackoffOptions,
  ZixflowQueueRetentionOptions,
  ZixflowQueueOptionsFactory,
} from './zixflow-queue-options.interface';
export { zixflowQueueConfig } from './zixflow-queue.config';
export { getZixflowQueueToken } from './zixflow-queue.tokens';
export { ZIXFLOW_QUEUE_MAX_PRIORITY } from './zixflow-queue.constants';
export * from './zixflow-queue.deprecated';
export { ZixflowOutbox } from './outbox/zixflow-outbox';
export type { ZixflowEnqueueOptions, ZixflowOutboxItem } from './outbox/zixflow-enqueue-options.interface';
export type { ZixflowEnqueued } from './outbox/zixflow-enqueued.interface';
export { ZixflowQueueEvents } from './zixflow-queue.events';
export type { ZixflowQueueEventName } from './zixflow-queue.events';
export type {
  ZixflowQueueJobEvent,
  ZixflowQueueMessageSentEvent,
  ZixflowQueueMessageFailedEvent,
} from './zixflow-queue-event-payloads.interface';
export type { ZixflowQueueJobData, ZixflowQueuedMessage } from './zixflow-queue-job.interface';
