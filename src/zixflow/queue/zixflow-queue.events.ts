/**
 * Names of the events the queue worker emits through `@nestjs/event-emitter`, when the application
 * has `EventEmitterModule` (without it, nothing is emitted). Listen with
 * `@OnEvent(ZixflowQueueEvents.MessageSent)`. Each is emitted by the instance whose worker ran the
 * job, after the job's state was written to Redis.
 */
export const ZixflowQueueEvents = {
  /** Zixflow accepted a queued message; the payload is a `ZixflowQueueMessageSentEvent`. */
  MessageSent: 'zixflow.queue.message.sent',
  /**
   * A queued message failed for good (a non-retryable error, or its attempts ran out); the payload
   * is a `ZixflowQueueMessageFailedEvent`. Not emitted for attempts that will be retried.
   */
  MessageFailed: 'zixflow.queue.message.failed',
} as const;

/** One of the {@link ZixflowQueueEvents} names. */
export type ZixflowQueueEventName = (typeof ZixflowQueueEvents)[keyof typeof ZixflowQueueEvents];
