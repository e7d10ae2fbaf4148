/**
 * Names of the events the bot emits through `@nestjs/event-emitter`, e.g. to forward a handoff to
 * a helpdesk: `@OnEvent(ZixflowBotEvents.HandoffStarted)`.
 */
export const ZixflowBotEvents = {
  /** A conversation was handed to a human; the payload is a `ZixflowBotHandoffEvent`. */
  HandoffStarted: 'zixflow.bot.handoff.started',
  /** A conversation was given back to the bot; the payload is a `ZixflowBotHandoffEvent`. */
  HandoffEnded: 'zixflow.bot.handoff.ended',
  /** A turn could not be completed (its state could not be saved); nothing was sent. Payload: `ZixflowBotTurnFailedEvent`. */
  TurnFailed: 'zixflow.bot.turn.failed',
} as const;

/** Payload of the handoff events. */
export interface ZixflowBotHandoffEvent {
  /** The conversation's key in the store. */
  conversationKey: string;
  /** The customer's number, digits only. */
  customer: string;
  /** Why, as given to `ctx.handoff(reason)`. */
  reason?: string;
}

/** Payload of {@link ZixflowBotEvents.TurnFailed}. */
export interface ZixflowBotTurnFailedEvent {
  conversationKey: string;
  /** The webhook event whose turn failed. */
  eventId: string;
  /** What went wrong (no secrets, numbers masked). */
  error: Error;
}
