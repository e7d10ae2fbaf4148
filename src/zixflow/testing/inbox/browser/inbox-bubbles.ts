import type {
  InboxButtonView,
  InboxContentView,
  InboxEntryView,
  InboxMessageStatus,
} from '../shared/inbox-view.types.js';
import { contentNode } from './inbox-content.js';
import { icon, make } from './inbox-dom.js';
import { timeOf } from './inbox-format.js';

/*
 * One message row: the bubble with its time and delivery ticks, the reply buttons a customer can
 * tap under it, and why the app did not take a customer message.
 */

/** Called when the person taps a reply button as the customer. */
export type TapHandler = (button: InboxButtonView) => void;

const STATUS_LABELS: Record<InboxMessageStatus, string> = {
  accepted: 'accepted by the API',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
};

/** WhatsApp's marks: a clock until sent, one tick, then two (blue once read, in the stylesheet). */
function statusNode(status: InboxMessageStatus): HTMLElement {
  const node = make('span', 'status');
  node.dataset.status = status;
  node.title = STATUS_LABELS[status] || status;
  node.setAttribute('aria-label', STATUS_LABELS[status] || status);
  node.setAttribute('role', 'img');
  node.appendChild(icon(status === 'accepted' ? 'clock' : status === 'sent' ? 'tick' : 'ticks'));
  return node;
}

function metaNode(entry: InboxEntryView): HTMLElement {
  const meta = make('span', 'meta');
  const time = make('time', 'time', timeOf(entry.at));
  time.dateTime = entry.at;
  meta.appendChild(time);
  if (entry.direction === 'outgoing' && entry.status) meta.appendChild(statusNode(entry.status));
  return meta;
}

function replyButtonsNode(content: Extract<InboxContentView, { kind: 'buttons' }>, onTap: TapHandler): HTMLElement {
  const list = make('div', 'reply-buttons');
  content.buttons.forEach((button) => {
    const node = make('button', 'reply-button');
    node.type = 'button';
    node.dataset.buttonId = button.id;
    node.title = 'Tap as the customer';
    node.appendChild(icon('reply'));
    node.appendChild(make('span', 'reply-title', button.title));
    node.addEventListener('click', () => onTap({ id: button.id, title: button.title }));
    list.appendChild(node);
  });
  return list;
}

/** One row; `first` starts a run of messages from one side, which gets the bubble's tail. */
export function entryNode(entry: InboxEntryView, first: boolean, onTap: TapHandler): HTMLElement {
  const row = make('div', `row ${entry.direction}` + (first ? ' first' : ''));
  row.dataset.entryId = entry.id;
  row.dataset.kind = entry.content.kind;
  const bubble = make('div', 'bubble' + (entry.pending ? ' pending' : ''));
  bubble.appendChild(contentNode(entry.content));
  bubble.appendChild(metaNode(entry));
  row.appendChild(bubble);
  if (entry.content.kind === 'buttons' && entry.content.buttons.length > 0) {
    row.classList.add('has-buttons');
    row.appendChild(replyButtonsNode(entry.content, onTap));
  }
  if (entry.problem) row.appendChild(make('div', 'problem', entry.problem));
  return row;
}
