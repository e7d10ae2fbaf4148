import type { ZixflowMessage } from '../../sending/messages/zixflow-message.types';

/** How one message is enqueued. */
export interface ZixflowEnqueueOptions {
  /**
   * Makes enqueueing idempotent: the same key yields the same job, and so one send, for as long as
   * the job is kept (`retention`, 24 hours after it finished by default). Use a key that names the
   * intent, e.g. `order-1001-shipped` or `${broadcastId}:${recipient}`. Any non-empty string.
   */
  idempotencyKey?: string;
  /**
   * The account to send through: a `ZixflowModule` registration's `name` or a `ZixflowTenants`
   * tenant id. Stored in the job (the name only, never a key); the worker sends through that
   * account's service. Idempotency keys are per account. Default: the default registration.
   */
  account?: string;
  /** Wait this long before the message may be sent, in milliseconds. Default 0. */
  delayMs?: number;
  /**
   * BullMQ priority from 1 (most urgent) to 2 097 152. Messages without a priority go before any
   * prioritised message; use it to let urgent messages overtake a large broadcast.
   */
  priority?: number;
}

/** One entry of `ZixflowOutbox.enqueueMany`: a message with its own enqueue options. */
export interface ZixflowOutboxItem extends ZixflowEnqueueOptions {
  /** Any message kind, tagged with its `type`. */
  message: ZixflowMessage;
}
