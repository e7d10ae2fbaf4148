import type { InboxButtonView, InboxConversationView, InboxListRow } from '../shared/inbox-view.types.js';
import { formatCustomerNumber } from '../shared/customer-number.js';
import { accountLabel, connectionNotice, renderAccountPicker } from './inbox-accounts.js';
import { entryNode } from './inbox-bubbles.js';
import { byId, fillAvatar, make } from './inbox-dom.js';
import { dayOf, timeOf } from './inbox-format.js';
import {
  accountOf,
  currentChat,
  displayName,
  severalAccounts,
  sortedConversations,
  type InboxChat,
  type InboxState,
} from './inbox-state.js';

/*
 * Draws the whole page from the state, every time something changes: the lists are small, and
 * redrawing from scratch means the page can never show a half-updated conversation.
 */

/** What the person can do from a drawn node. */
export interface InboxActions {
  select(id: string): void;
  tap(chat: InboxChat, button: InboxButtonView): void;
  pick(chat: InboxChat, row: InboxListRow): void;
}

/** How far from the bottom still counts as "reading the latest", so new messages scroll into view. */
const STICK_TO_BOTTOM_PX = 60;

/** The page's fixed elements, found once at start. */
export function findElements() {
  return {
    businessNumber: byId('business-number', HTMLElement),
    appNotice: byId('app-notice', HTMLParagraphElement),
    list: byId('conversation-list', HTMLUListElement),
    emptyList: byId('empty-list', HTMLParagraphElement),
    newChat: byId('new-chat', HTMLFormElement),
    newChatToggle: byId('new-chat-toggle', HTMLButtonElement),
    newChatAccountField: byId('new-chat-account-field', HTMLLabelElement),
    newChatAccount: byId('new-chat-account', HTMLSelectElement),
    newChatNumber: byId('new-chat-number', HTMLInputElement),
    newChatName: byId('new-chat-name', HTMLInputElement),
    newChatError: byId('new-chat-error', HTMLParagraphElement),
    placeholder: byId('chat-placeholder', HTMLDivElement),
    header: byId('chat-header', HTMLElement),
    avatar: byId('chat-avatar', HTMLSpanElement),
    title: byId('chat-title', HTMLHeadingElement),
    chatAccount: byId('chat-account', HTMLSpanElement),
    subtitle: byId('chat-subtitle', HTMLParagraphElement),
    messages: byId('messages', HTMLDivElement),
    error: byId('composer-error', HTMLParagraphElement),
    composer: byId('composer', HTMLFormElement),
    input: byId('composer-input', HTMLTextAreaElement),
    sendButton: byId('composer-send', HTMLButtonElement),
  };
}

/** The page's fixed elements. */
export type InboxElements = ReturnType<typeof findElements>;

/** Draws the state into the page's elements. */
export class InboxRenderer {
  constructor(
    private readonly view: InboxElements,
    private readonly state: InboxState,
    private readonly actions: InboxActions,
  ) {}

  /** Redraws everything. */
  render(): void {
    this.renderNotice();
    this.renderList();
    this.renderChat();
  }

  /** Shows a problem above the composer; an empty message hides it. */
  showError(message: string): void {
    this.view.error.textContent = message;
    this.view.error.hidden = !message;
  }

  private renderNotice(): void {
    const { view, state } = this;
    view.businessNumber.textContent = severalAccounts(state)
      ? `${state.accounts.length} accounts: ${state.accounts.map((account) => account.label).join(', ')}`
      : state.phoneId
        ? `Business phoneId ${state.phoneId}`
        : '';
    const notice = connectionNotice(state);
    view.appNotice.hidden = notice === '';
    view.appNotice.textContent = notice;
    renderAccountPicker(view.newChatAccountField, view.newChatAccount, state);
  }

  private renderList(): void {
    const items = sortedConversations(this.state).map((conversation) => this.listItem(conversation));
    this.view.list.replaceChildren(...items);
    this.view.emptyList.hidden = items.length > 0;
  }

  private listItem(conversation: InboxConversationView): HTMLElement {
    const item = make('li');
    const button = make('button', 'conversation');
    button.type = 'button';
    button.dataset.conversationId = conversation.id;
    button.setAttribute('aria-current', String(conversation.id === this.state.selectedId));
    const name = displayName(this.state, conversation);
    const avatar = make('span', 'avatar');
    fillAvatar(avatar, conversation.id, name);
    const main = make('span', 'conversation-main');
    const top = make('span', 'conversation-top');
    top.appendChild(make('span', 'conversation-name', name));
    const account = accountOf(this.state, conversation);
    if (severalAccounts(this.state)) top.appendChild(accountLabel(account));
    const time = conversation.lastActivityAt ? timeOf(conversation.lastActivityAt) : '';
    top.appendChild(make('span', 'conversation-time', time));
    const bottom = make('span', 'conversation-bottom');
    bottom.appendChild(make('span', 'conversation-preview', conversation.preview));
    if (conversation.phoneId !== account.phoneId) {
      bottom.appendChild(make('span', 'conversation-via', `to ${conversation.phoneId}`));
    }
    main.appendChild(top);
    main.appendChild(bottom);
    button.appendChild(avatar);
    button.appendChild(main);
    button.addEventListener('click', () => this.actions.select(conversation.id));
    item.appendChild(button);
    return item;
  }

  private renderChat(): void {
    const { view, state } = this;
    const chat = currentChat(state);
    const open = chat !== null;
    view.placeholder.hidden = open;
    view.header.hidden = !open;
    view.messages.hidden = !open;
    view.composer.hidden = !open;
    if (!open) return;
    const name = displayName(state, chat);
    fillAvatar(view.avatar, chat.id, name);
    view.title.textContent = name;
    const number = formatCustomerNumber(chat.customer);
    view.subtitle.textContent = (name === number ? '' : `${number} · `) + `writes to phoneId ${chat.phoneId}`;
    const account = accountOf(state, chat);
    view.chatAccount.replaceChildren(...(severalAccounts(state) ? [accountLabel(account)] : []));
    view.chatAccount.hidden = !severalAccounts(state);
    this.renderMessages(chat);
    const canWrite = account.appConnected;
    view.input.disabled = !canWrite;
    view.sendButton.disabled = !canWrite;
    view.input.placeholder = canWrite ? 'Type a message as the customer' : 'Connect your app to write as the customer';
  }

  private renderMessages(chat: InboxChat): void {
    const box = this.view.messages;
    const switched = box.dataset.conversationId !== chat.id;
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < STICK_TO_BOTTOM_PX;
    const nodes: HTMLElement[] = [];
    let previous: InboxChat['entries'][number] | null = null;
    for (const entry of chat.entries || []) {
      const day = dayOf(entry.at);
      const newDay = !previous || dayOf(previous.at) !== day;
      if (newDay) nodes.push(make('div', 'day', day));
      const first = newDay || previous?.direction !== entry.direction;
      nodes.push(
        entryNode(entry, first, {
          onTap: (button) => this.actions.tap(chat, button),
          onPick: (row) => this.actions.pick(chat, row),
        }),
      );
      previous = entry;
    }
    if (nodes.length === 0) {
      const hint = 'Write the first message as this customer: it is delivered to your app like a WhatsApp message.';
      nodes.push(make('div', 'empty-chat', hint));
    }
    box.replaceChildren(...nodes);
    box.dataset.conversationId = chat.id;
    if (switched || atBottom) box.scrollTop = box.scrollHeight;
  }
}
