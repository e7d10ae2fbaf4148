import type { ZixflowConversationState } from '../sessions/zixflow-conversation.interface';

/** The state of a conversation that has none saved yet. */
export function freshState(session: object): ZixflowConversationState {
  return { session: session as Record<string, unknown>, dialogs: [] };
}
