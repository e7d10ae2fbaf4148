import { formatCustomerNumber } from '../shared/customer-number.js';
import type { InboxAccountView, InboxConversationView, InboxStateView } from '../shared/inbox-view.types.js';

/*
 * What the page knows. Conversations arrive twice over (a snapshot on load, and events as they
 * happen, in either order), so every update keeps whichever copy has the higher revision.
 */

/** A chat the page can open: a known conversation, or a draft started from the + form. */
export type InboxChat = Pick<InboxConversationView, 'id' | 'customer' | 'phoneId' | 'entries'> & {
  account?: string;
  customerName?: string;
};

/** The page's state. */
export interface InboxState {
  conversations: Map<string, InboxConversationView>;
  selectedId: string | null;
  /** A chat started from the + form that has no message yet, so the sandbox does not know it. */
  draft: InboxChat | null;
  /** Names typed in the + form, used until the customer's own messages carry one. */
  names: Map<string, string>;
  /** Whether an app is connected for the default account. */
  appConnected: boolean;
  /** The default account's business number. */
  phoneId: string;
  /** Every account the sandbox serves, the default first. */
  accounts: InboxAccountView[];
  /** Conversations at or below this revision were cleared and must not come back from a late copy. */
  resetRevision: number;
}

/** The state before the first snapshot. */
export function createState(): InboxState {
  return {
    conversations: new Map(),
    selectedId: null,
    draft: null,
    names: new Map(),
    appConnected: false,
    phoneId: '',
    accounts: [],
    resetRevision: 0,
  };
}

/** The open chat, if any. */
export function currentChat(state: InboxState): InboxChat | null {
  if (state.selectedId === null) return null;
  const conversation = state.conversations.get(state.selectedId);
  if (conversation) return conversation;
  if (state.draft && state.draft.id === state.selectedId) return state.draft;
  return null;
}

/** The customer's WhatsApp name, else the name typed in the + form, else the number as people write it. */
export function displayName(state: InboxState, chat: InboxChat): string {
  return chat.customerName || state.names.get(chat.id) || formatCustomerNumber(chat.customer);
}

/** Whether chats carry account labels: only when the sandbox serves more than one account, so one account looks as it always did. */
export function severalAccounts(state: InboxState): boolean {
  return state.accounts.length > 1;
}

/** The account a chat belongs to (the default one when the page has not heard of it yet). */
export function accountOf(state: InboxState, chat: Pick<InboxChat, 'account'>): InboxAccountView {
  const known = state.accounts.find((account) => account.account === chat.account);
  // Only before the first snapshot: the page knows the default account's number and app by then.
  const appConnected = chat.account === undefined && state.appConnected;
  return known ?? { account: chat.account, label: chat.account ?? 'default', phoneId: state.phoneId, appConnected };
}

/** Takes the accounts from a snapshot or an `app` event. */
export function applyAccounts(state: InboxState, accounts: InboxAccountView[], connected: boolean): void {
  state.accounts = accounts;
  state.appConnected = connected;
}

/** Takes a conversation from an event, unless the page already has a newer copy or it was cleared. */
export function upsert(state: InboxState, conversation: InboxConversationView): void {
  if (conversation.revision <= state.resetRevision) return;
  const known = state.conversations.get(conversation.id);
  if (known && known.revision >= conversation.revision) return;
  state.conversations.set(conversation.id, conversation);
  if (state.draft && state.draft.id === conversation.id) state.draft = null;
}

/** Takes a snapshot from `GET /inbox/api/conversations`. */
export function applySnapshot(state: InboxState, snapshot: InboxStateView): void {
  applyAccounts(state, snapshot.accounts, snapshot.appConnected);
  state.phoneId = snapshot.phoneId;
  // A snapshot can arrive after events that are newer than it: keep whichever copy is newer.
  const fresh = new Map<string, InboxConversationView>();
  snapshot.conversations.forEach((conversation) => {
    if (conversation.revision > state.resetRevision) fresh.set(conversation.id, conversation);
  });
  state.conversations.forEach((conversation, id) => {
    if (conversation.revision > snapshot.revision) fresh.set(id, conversation);
  });
  state.conversations = fresh;
  if (state.draft && fresh.has(state.draft.id)) state.draft = null;
}

/** Forgets the conversations a `clear()` removed. */
export function applyReset(state: InboxState, revision: number): void {
  state.resetRevision = revision;
  state.conversations.forEach((conversation, id) => {
    if (conversation.revision <= revision) state.conversations.delete(id);
  });
}

/** The conversation list, the most recently active first. */
export function sortedConversations(state: InboxState): InboxConversationView[] {
  return Array.from(state.conversations.values()).sort((a, b) =>
    (b.lastActivityAt || '').localeCompare(a.lastActivityAt || ''),
  );
}
