import type { ZixflowIncomingMessage } from '../../webhooks';
import type { ZixflowConversationState } from '../sessions/zixflow-conversation.interface';

/**
 * One conversation per (business number, customer): the same customer writing to two of the
 * business's numbers has two conversations, as on their phone.
 */
export function conversationKeyOf(incoming: ZixflowIncomingMessage): string {
  return `${incoming.phoneId ?? 'default'}:${incoming.sender.number}`;
}

/** The state of a conversation that has none saved yet. */
export function freshState(session: object): ZixflowConversationState {
  return { session: session as Record<string, unknown>, dialogs: [] };
}
