import { conversationId, digitsOf, isCustomerNumber } from '../shared/customer-number.js';
import type { InboxButtonView, InboxCustomerMessage, InboxListRow } from '../shared/inbox-view.types.js';
import { pickedAccount } from './inbox-accounts.js';
import { fetchState, listenToEvents, postCustomerMessage } from './inbox-client.js';
import { icon } from './inbox-dom.js';
import { findElements, InboxRenderer } from './inbox-render.js';
import {
  applyAccounts,
  applyReset,
  applySnapshot,
  createState,
  currentChat,
  upsert,
  type InboxChat,
} from './inbox-state.js';

/*
 * The inbox page's entry module, loaded by inbox.html as `<script type="module">` (the
 * Content-Security-Policy allows no inline script): it finds the page's elements, wires the forms
 * and keeps the state in step with the sandbox.
 */

const state = createState();
const view = findElements();
const renderer = new InboxRenderer(view, state, {
  select,
  tap: (chat, button) => void send(chat, { reply: button }),
  pick: (chat, row) => void send(chat, { listReply: row }),
});

function render(): void {
  renderer.render();
}

function showError(message: string): void {
  renderer.showError(message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function select(id: string): void {
  state.selectedId = id;
  showError('');
  render();
  if (!view.input.disabled) view.input.focus();
}

async function loadState(): Promise<void> {
  try {
    applySnapshot(state, await fetchState());
    render();
  } catch (error) {
    showError(`Could not load the conversations: ${messageOf(error)}`);
  }
}

/** Sends as the customer; resolves false when it did not reach the app, so the composer can keep the text. */
async function send(
  chat: InboxChat,
  content: { text?: string; reply?: InboxButtonView; listReply?: InboxListRow },
): Promise<boolean> {
  const message: InboxCustomerMessage = { customer: chat.customer, phoneId: chat.phoneId };
  if (chat.account !== undefined) message.account = chat.account;
  const name = state.names.get(chat.id);
  if (name) message.name = name;
  if (content.text !== undefined) message.text = content.text;
  if (content.reply !== undefined) message.reply = content.reply;
  if (content.listReply !== undefined) message.listReply = content.listReply;
  showError('');
  try {
    const { ok, answer } = await postCustomerMessage(message);
    if (!ok) throw new Error(answer.message || 'The sandbox refused the message');
    const status = answer.webhookStatus;
    if (status !== undefined && (status < 200 || status >= 300)) {
      showError(`Your app answered the webhook with HTTP ${status}`);
    }
    return true;
  } catch (error) {
    showError(messageOf(error));
    return false;
  }
}

/** Shows a problem with the + form's number under that field; an empty message hides it. */
function showNumberError(message: string): void {
  view.newChatError.textContent = message;
  view.newChatError.hidden = !message;
  if (message) view.newChatNumber.setAttribute('aria-invalid', 'true');
  else view.newChatNumber.removeAttribute('aria-invalid');
}

function toggleNewChat(open: boolean): void {
  if (!open) showNumberError('');
  view.newChat.hidden = !open;
  view.newChatToggle.setAttribute('aria-expanded', String(open));
  // The first field, which is the account picker when there are several accounts.
  if (open) (view.newChatAccountField.hidden ? view.newChatNumber : view.newChatAccount).focus();
}

function startChat(event: SubmitEvent): void {
  event.preventDefault();
  const customer = digitsOf(view.newChatNumber.value);
  if (!isCustomerNumber(customer)) {
    showNumberError('Type the customer number with its country code, for example +1 302 389 5111');
    view.newChatNumber.focus();
    return;
  }
  showNumberError('');
  // The same number writing to two accounts is two chats, as on two WhatsApp business numbers.
  const account = pickedAccount(view.newChatAccount, state);
  const phoneId = account?.phoneId ?? state.phoneId;
  const id = conversationId(customer, phoneId, account?.account);
  const name = view.newChatName.value.trim();
  if (name) state.names.set(id, name);
  if (!state.conversations.has(id)) {
    state.draft = {
      id,
      customer,
      phoneId,
      entries: [],
      ...(account?.account !== undefined && { account: account.account }),
    };
  }
  const picked = view.newChatAccount.value;
  view.newChat.reset();
  // The next chat is most likely for the same account: keep the choice the form reset cleared.
  view.newChatAccount.value = picked;
  toggleNewChat(false);
  select(id);
}

function submitComposer(event: Event): void {
  event.preventDefault();
  const chat = currentChat(state);
  const text = view.input.value;
  if (!chat || text.trim() === '' || view.input.disabled) return;
  view.input.value = '';
  void send(chat, { text }).then((sent) => {
    if (!sent && view.input.value === '') view.input.value = text;
  });
}

/** Enter sends, Shift+Enter starts a new line, and Enter that ends an IME composition does neither. */
function composerKey(event: KeyboardEvent): void {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submitComposer(event);
}

function start(): void {
  view.sendButton.appendChild(icon('send'));
  view.newChatToggle.addEventListener('click', () => toggleNewChat(view.newChat.hidden));
  view.newChat.addEventListener('submit', startChat);
  view.composer.addEventListener('submit', submitComposer);
  view.input.addEventListener('keydown', composerKey);
  void loadState();
  listenToEvents({
    open: () => void loadState(),
    conversation: (conversation) => {
      upsert(state, conversation);
      render();
    },
    reset: ({ revision }) => {
      applyReset(state, revision);
      render();
    },
    app: ({ connected, accounts }) => {
      applyAccounts(state, accounts, connected);
      render();
    },
  });
}

start();
