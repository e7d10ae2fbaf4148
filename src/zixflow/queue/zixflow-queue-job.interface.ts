import type { ZixflowMessage } from '../sending/messages/zixflow-message.types';

/**
 * A message as it is stored in a job: validated when it was enqueued and kept as plain data, with
 * its `type` and `to` normalised to digits. It holds nothing but the message: no API key, no
 * options, so Redis never sees a secret.
 */
export type ZixflowQueuedMessage = ZixflowMessage;

/** The data of one job of the Zixflow queue. */
export interface ZixflowQueueJobData {
  /** The message to send. */
  message: ZixflowQueuedMessage;
  /** The account it is sent through (a registration's `name` or a tenant id); absent: the default. */
  account?: string;
  /** The caller's idempotency key, when one was given; the job id is derived from it. */
  idempotencyKey?: string;
}
