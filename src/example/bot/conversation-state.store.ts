import { Injectable } from '@nestjs/common';

/** Where a customer is in the conversation, when anywhere but the start. */
export type ConversationStep = 'awaiting-order-number';

/** A customer who goes quiet this long starts over: "1001" an hour later should not be read as an answer. */
export const CONVERSATION_TIMEOUT_MS = 15 * 60 * 1000;
/** Bounds memory if many customers start and abandon conversations. */
const MAX_CONVERSATIONS = 10_000;

/**
 * Per-customer conversation step, in memory, expiring after {@link CONVERSATION_TIMEOUT_MS} of
 * silence. Enough for one instance of the example; a real bot with several instances would keep
 * this in a shared store.
 */
@Injectable()
export class ConversationStateStore {
  private readonly conversations = new Map<string, { step: ConversationStep; expiresAt: number }>();

  /** The customer's current step, or undefined when they are at the start or timed out. */
  get(customer: string): ConversationStep | undefined {
    const conversation = this.conversations.get(customer);
    if (conversation === undefined || conversation.expiresAt <= Date.now()) {
      this.conversations.delete(customer);
      return undefined;
    }
    return conversation.step;
  }

  /** Moves the customer to `step` and restarts their time-out. */
  set(customer: string, step: ConversationStep): void {
    this.conversations.delete(customer);
    if (this.conversations.size >= MAX_CONVERSATIONS) {
      const oldest = this.conversations.keys().next().value as string;
      this.conversations.delete(oldest);
    }
    this.conversations.set(customer, { step, expiresAt: Date.now() + CONVERSATION_TIMEOUT_MS });
  }

  /** Back to the start. */
  clear(customer: string): void {
    this.conversations.delete(customer);
  }
}
