/**
 * Names of the events the webhook module emits through `@nestjs/event-emitter`. Listen with
 * `@OnEvent(ZixflowEvents.MessageReceived)`, or use the `@OnWhatsappMessage()` /
 * `@OnWhatsappDeliveryReport()` handler decorators, which add filtering and per-event error logs.
 */
export const ZixflowEvents = {
  /** A customer's WhatsApp message; the payload is a `ZixflowIncomingMessage`. Emitted once per `eventId`. */
  MessageReceived: 'zixflow.whatsapp.message.received',
  /**
   * A delivery report posted to a message's `reportURL`, or an AI API post-back to its
   * `post_back_url`; the payload is a `ZixflowDeliveryReport` (its `callback` says which).
   */
  DeliveryReport: 'zixflow.whatsapp.delivery-report',
} as const;

/** One of the {@link ZixflowEvents} names. */
export type ZixflowEventName = (typeof ZixflowEvents)[keyof typeof ZixflowEvents];
