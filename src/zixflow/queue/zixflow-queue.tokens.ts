import { getQueueToken } from '@nestjs/bullmq';
import { ZIXFLOW_QUEUE_DEFAULT_NAME } from './zixflow-queue.constants';

/**
 * Injection token of the BullMQ `Queue` behind the outbox, for inspecting or managing jobs (counts,
 * a failed job's reason, a dashboard such as Bull Board). It is `@nestjs/bullmq`'s queue token, so
 * `@InjectQueue(ZIXFLOW_QUEUE_DEFAULT_NAME)` injects the same queue. Pass the `queueName` given to
 * `ZixflowQueueModule.forRoot`, if any.
 */
export function getZixflowQueueToken(queueName: string = ZIXFLOW_QUEUE_DEFAULT_NAME): string {
  return getQueueToken(queueName);
}
