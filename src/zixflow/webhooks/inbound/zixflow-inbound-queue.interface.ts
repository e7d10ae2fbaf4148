import type { ZixflowIncomingMessage } from '../incoming/zixflow-incoming-message.interface';
import type { ZixflowDeliveryReport } from '../reports/zixflow-delivery-report.interface';

/** One accepted webhook event, as a durable inbound queue stores it. */
export type ZixflowInboundEvent =
  | { kind: 'message'; dedupeKey: string; conversationKey: string; message: ZixflowIncomingMessage }
  | { kind: 'report'; dedupeKey: string | undefined; conversationKey: string; report: ZixflowDeliveryReport };

/**
 * A durable home for webhook events, so the webhook is answered 200 only once its event is stored
 * and handlers run from the store (in order per conversation, taken over by another instance when
 * one dies). Give one as `inbound` to `ZixflowWebhooksModule`; `nestjs-zixflow/redis` ships it.
 * Without one, events are deduplicated with the dedupe store and handled in this process.
 */
export interface ZixflowInboundQueue {
  /**
   * Stores the event unless its `dedupeKey` was stored before, atomically. Resolves true when it
   * was stored, false for a duplicate; a rejection makes the webhook answer 503, so Zixflow retries.
   */
  enqueue(event: ZixflowInboundEvent): Promise<boolean>;
}
