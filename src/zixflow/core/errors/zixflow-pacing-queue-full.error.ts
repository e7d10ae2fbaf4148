import { ZixflowError } from './zixflow.error';

/** Where a send was refused because its phone number's send queue was full. */
export interface ZixflowPacingQueueFullErrorDetails {
  /** The API path the message was for. */
  endpoint: string;
  /** The sending number whose queue was full. */
  phoneId: string;
  /** The configured bound, `rateLimit.maxQueued`. */
  maxQueued: number;
  /** Requests already made for this send (non-zero when the queue filled up between retries). */
  attempts?: number;
}

/**
 * Refused at once, without waiting and without sending: `rateLimit.maxQueued` messages for the
 * same `phoneId` were already waiting for a send slot. Bounding the queue keeps a burst of sends
 * from growing memory (and waits) without limit; back off, or raise `maxQueued` or `perSecond`.
 * Not retryable by the library: retrying at once would only meet the same full queue.
 */
export class ZixflowPacingQueueFullError extends ZixflowError {
  /** The API path the message was for. */
  readonly endpoint: string;
  /** The sending number whose queue was full. */
  readonly phoneId: string;
  /** The configured bound that was reached. */
  readonly maxQueued: number;

  /** @param details - the path, the sending number and the bound that was reached. */
  constructor(details: ZixflowPacingQueueFullErrorDetails) {
    super(
      `Not sent: ${details.maxQueued} messages for phoneId ${details.phoneId} are already waiting for a send slot ` +
        `(rateLimit.maxQueued); POST ${details.endpoint} was refused`,
      { retryable: false, attempts: details.attempts ?? 0 },
    );
    this.endpoint = details.endpoint;
    this.phoneId = details.phoneId;
    this.maxQueued = details.maxQueued;
  }
}

/** @deprecated Renamed {@link ZixflowPacingQueueFullError} (it belongs to pacing, not to `nestjs-zixflow/queue`). */
export const ZixflowQueueFullError = ZixflowPacingQueueFullError;
/** @deprecated Renamed {@link ZixflowPacingQueueFullError}. */
export type ZixflowQueueFullError = ZixflowPacingQueueFullError;
/** @deprecated Renamed {@link ZixflowPacingQueueFullErrorDetails}. */
export type ZixflowQueueFullErrorDetails = ZixflowPacingQueueFullErrorDetails;
