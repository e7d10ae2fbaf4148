import type { SandboxMessageKind, SandboxMessageStatus } from './zixflow-sandbox.types';

/*
 * The conversations the sandbox keeps, as `ZixflowSandbox.conversations` hands them out. Apart
 * from the other shapes so each file stays one topic; re-exported by zixflow-sandbox.types.ts.
 */

/** A message the app sent, as one conversation lists it. */
export interface SandboxOutgoingEntry {
  direction: 'outgoing';
  /** The sandbox's message id (see {@link SandboxSentMessage.messageId}). */
  id: string;
  at: Date;
  status: SandboxMessageStatus;
  /** Which send endpoint accepted it. */
  path: string;
  /** What kind of message it is. */
  kind: SandboxMessageKind;
  /** AI API only: the WhatsApp id, so a reaction to this message finds it. */
  wamid?: string;
  /** The send body as the app sent it. */
  body: Record<string, unknown>;
}

/** A customer message the sandbox delivered (or tried to deliver) to the app. */
export interface SandboxIncomingEntry {
  direction: 'incoming';
  /** The `wamid.`-style id of the simulated message. */
  id: string;
  at: Date;
  eventId: string;
  /** The `message` object of the webhook payload. */
  message: Record<string, unknown>;
  /** How the app answered the webhook; undefined while the call is in flight. */
  webhook?: { status?: number; error?: string };
}

/** One line of a conversation, in the order it happened. */
export type SandboxConversationEntry = SandboxOutgoingEntry | SandboxIncomingEntry;

/**
 * Everything exchanged between one customer and one business number (`phoneId`) of one account:
 * what the app sent to the customer and what the customer wrote to the app through the sandbox.
 * The same customer writing to two accounts is two conversations.
 */
export interface SandboxConversation {
  /**
   * `<customer>:<phoneId>` on the default account, `<account>:<customer>:<phoneId>` on another;
   * stable for the life of the conversation.
   */
  id: string;
  /** The `zixflowAccounts` name the conversation belongs to; absent for the default account. */
  account?: string;
  /** The customer's number, digits only, country code first. */
  customer: string;
  phoneId: string;
  /** The customer's WhatsApp profile name, from their latest message. */
  customerName?: string;
  entries: SandboxConversationEntry[];
}
