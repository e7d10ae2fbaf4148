import type {
  InboxButtonView,
  InboxContentView,
  InboxEntryView,
  InboxListRow,
  InboxMessageStatus,
} from '../shared/inbox-view.types.js';
import { contentNode } from './inbox-content.js';
import { icon, make } from './inbox-dom.js';
import { timeOf } from './inbox-format.js';
import { ctaButtonNode } from './inbox-kinds.js';

/*
 * One message row: the bubble with its time and delivery ticks, the reply buttons a customer can
 * tap under it, and why the app did not take a customer message.
 */

/** Called when the person taps a reply button as the customer. */
export type TapHandler = (button: InboxButtonView) => void;

/** Called when the person picks a list row as the customer. */
export type PickHandler = (row: InboxListRow) => void;

/** What the person can do as the customer from under a bubble. */
export interface BubbleActions {
  onTap: TapHandler;
  onPick: PickHandler;
}

/** Lists whose picker is open, by entry id, so a redraw (every change redraws) keeps it open. */
const openPickers = new Set<string>();

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

/** The list's menu button, and the picker it opens: the sections and their rows, each a button. */
function listPickerNode(
  entryId: string,
  content: Extract<InboxContentView, { kind: 'list' }>,
  onPick: PickHandler,
): HTMLElement {
  const box = make('div', 'reply-buttons list-controls');
  const menu = make('button', 'reply-button list-menu');
  menu.type = 'button';
  menu.title = 'Open the list as the customer';
  menu.setAttribute('aria-expanded', String(openPickers.has(entryId)));
  menu.appendChild(make('span', 'reply-title', content.button));
  box.appendChild(menu);
  const picker = make('div', 'list-picker');
  picker.hidden = !openPickers.has(entryId);
  content.sections.forEach((section) => {
    if (section.title) picker.appendChild(make('div', 'list-section-title', section.title));
    section.rows.forEach((row) => {
      const option = make('button', 'list-row');
      option.type = 'button';
      option.dataset.rowId = row.id;
      option.appendChild(make('span', 'list-row-title', row.title));
      if (row.description) option.appendChild(make('span', 'list-row-description', row.description));
      option.addEventListener('click', () => {
        openPickers.delete(entryId);
        onPick({ ...row });
      });
      picker.appendChild(option);
    });
  });
  menu.addEventListener('click', () => {
    if (openPickers.has(entryId)) openPickers.delete(entryId);
    else openPickers.add(entryId);
    picker.hidden = !openPickers.has(entryId);
    menu.setAttribute('aria-expanded', String(!picker.hidden));
  });
  box.appendChild(picker);
  return box;
}

/** The reactions on a bubble, as WhatsApp draws them on its lower edge. */
function reactionsNode(reactions: readonly string[]): HTMLElement {
  const node = make('span', 'reactions', reactions.join(''));
  node.setAttribute('aria-label', `Reactions: ${reactions.join(' ')}`);
  return node;
}

/** One row; `first` starts a run of messages from one side, which gets the bubble's tail. */
export function entryNode(entry: InboxEntryView, first: boolean, actions: BubbleActions): HTMLElement {
  const row = make('div', `row ${entry.direction}` + (first ? ' first' : ''));
  row.dataset.entryId = entry.id;
  row.dataset.kind = entry.content.kind;
  const bubble = make('div', 'bubble' + (entry.pending ? ' pending' : ''));
  bubble.appendChild(contentNode(entry.content));
  bubble.appendChild(metaNode(entry));
  if (entry.reactions && entry.reactions.length > 0) {
    bubble.classList.add('has-reactions');
    bubble.appendChild(reactionsNode(entry.reactions));
  }
  row.appendChild(bubble);
  const { content } = entry;
  if (content.kind === 'buttons' && content.buttons.length > 0) {
    row.classList.add('has-buttons');
    row.appendChild(replyButtonsNode(content, actions.onTap));
  }
  if (content.kind === 'list') {
    row.classList.add('has-buttons');
    row.appendChild(listPickerNode(entry.id, content, actions.onPick));
  }
  if (content.kind === 'cta-url') {
    row.classList.add('has-buttons');
    row.appendChild(ctaButtonNode(content));
  }
  if (entry.problem) row.appendChild(make('div', 'problem', entry.problem));
  return row;
}
