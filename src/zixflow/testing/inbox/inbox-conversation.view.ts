import type { LoggedConversation } from '../sandbox-conversation.log';
import type { SandboxConversationEntry, SandboxIncomingEntry } from '../zixflow-sandbox.types';
import { incomingContentView, outgoingContentView } from './inbox-content.view';
import { INBOX_MEDIA_LABELS, SANDBOX_PLACEHOLDER_NAME } from './shared/inbox.constants';
import type { InboxContentView, InboxConversationView, InboxEntryView, InboxRichText } from './shared/inbox-view.types';

/** Enough for one line of the conversation list. */
const PREVIEW_MAX = 80;

/** A reaction entry: who reacted, to which message id, with which emoji (`''` takes it back). */
interface Reaction {
  direction: SandboxConversationEntry['direction'];
  target: string;
  emoji: string;
}

function reactionOf(entry: SandboxConversationEntry): Reaction | undefined {
  const holder = entry.direction === 'outgoing' ? (entry.kind === 'reaction' ? entry.body : undefined) : entry.message;
  if (holder === undefined || (entry.direction === 'incoming' && holder.type !== 'reaction')) return undefined;
  const reaction = holder.reaction as Record<string, unknown> | undefined;
  const target = reaction?.message_id;
  const emoji = reaction?.emoji;
  return typeof target === 'string' && typeof emoji === 'string'
    ? { direction: entry.direction, target, emoji }
    : undefined;
}

/**
 * Draws reactions as WhatsApp does, on the bubble they react to (found by its id or WhatsApp id),
 * one per side, the latest winning and `''` taking it back; a reaction to a message the
 * conversation does not hold stays a bubble of its own.
 */
function withReactions(entries: readonly SandboxConversationEntry[]): InboxEntryView[] {
  const targets = new Map<string, SandboxConversationEntry>();
  for (const entry of entries) {
    targets.set(entry.id, entry);
    if (entry.direction === 'outgoing' && entry.wamid !== undefined) targets.set(entry.wamid, entry);
  }
  const onBubble = new Map<string, Map<string, string>>();
  const views: InboxEntryView[] = [];
  for (const entry of entries) {
    const reaction = reactionOf(entry);
    const target = reaction === undefined ? undefined : targets.get(reaction.target);
    if (reaction === undefined || target === undefined) {
      views.push(entryView(entry));
      continue;
    }
    const sides = onBubble.get(target.id) ?? new Map<string, string>();
    if (reaction.emoji === '') sides.delete(reaction.direction);
    else sides.set(reaction.direction, reaction.emoji);
    onBubble.set(target.id, sides);
  }
  return views.map((view) => {
    const emoji = [...(onBubble.get(view.id)?.values() ?? [])];
    return emoji.length === 0 ? view : { ...view, reactions: emoji };
  });
}

/**
 * A tap that carries only the button's or row's id (as `tap(id)` of the testbed sends it, title
 * = id) shows the title the customer saw: the latest earlier business bubble that offered that id.
 */
function withTappedTitles(views: InboxEntryView[]): InboxEntryView[] {
  const offered = new Map<string, string>();
  return views.map((view) => {
    const { content } = view;
    if (view.direction === 'outgoing') {
      if (content.kind === 'buttons') content.buttons.forEach((button) => offered.set(button.id, button.title));
      if (content.kind === 'list') {
        content.sections.forEach((section) => section.rows.forEach((row) => offered.set(row.id, row.title)));
      }
      return view;
    }
    const title = content.kind === 'button-tap' && content.title === content.id ? offered.get(content.id) : undefined;
    return title === undefined || content.kind !== 'button-tap' ? view : { ...view, content: { ...content, title } };
  });
}

/** A conversation as the inbox page receives it. */
export function conversationView({ conversation, revision }: LoggedConversation): InboxConversationView {
  const entries = withTappedTitles(withReactions(conversation.entries));
  const name = conversation.customerName;
  const last = entries[entries.length - 1];
  return {
    id: conversation.id,
    ...(conversation.account !== undefined && { account: conversation.account }),
    customer: conversation.customer,
    phoneId: conversation.phoneId,
    ...(name !== undefined && name !== SANDBOX_PLACEHOLDER_NAME && { customerName: name }),
    preview: last === undefined ? '' : previewOf(last.content),
    ...(last !== undefined && { lastActivityAt: last.at }),
    revision,
    entries,
  };
}

/** One bubble. */
export function entryView(entry: SandboxConversationEntry): InboxEntryView {
  const at = entry.at.toISOString();
  if (entry.direction === 'outgoing') {
    const content = outgoingContentView(entry.body, entry.kind);
    return { id: entry.id, direction: 'outgoing', at, status: entry.status, content };
  }
  const problem = webhookProblem(entry.webhook);
  return {
    id: entry.id,
    direction: 'incoming',
    at,
    ...(entry.webhook === undefined && { pending: true }),
    ...(problem !== undefined && { problem }),
    content: incomingContentView(entry.message),
  };
}

/** Why the app did not take a customer message, in words for the bubble; undefined when it did (2xx). */
function webhookProblem(webhook: SandboxIncomingEntry['webhook']): string | undefined {
  if (webhook === undefined) return undefined;
  if (webhook.error !== undefined) return `Not delivered to the app: ${webhook.error}`;
  const status = webhook.status ?? 0;
  return status >= 200 && status < 300 ? undefined : `The app answered HTTP ${status}`;
}

/** One line describing a bubble, for the conversation list. */
export function previewOf(content: InboxContentView): string {
  return shorten(describe(content).replace(/\s+/g, ' ').trim());
}

function describe(content: InboxContentView): string {
  switch (content.kind) {
    case 'text':
      return plain(content.text);
    case 'media': {
      const label = INBOX_MEDIA_LABELS[content.media] ?? content.media;
      const detail = content.caption !== undefined ? plain(content.caption) : content.filename;
      return detail === undefined ? label : `${label}: ${detail}`;
    }
    case 'location':
      return `Location${content.name === undefined ? '' : `: ${content.name}`}`;
    case 'buttons':
    case 'list':
    case 'cta-url':
    case 'location-request':
    case 'address-request':
      return plain(content.body);
    case 'contacts':
      return `Contact: ${content.contacts.map((contact) => contact.name).join(', ')}`;
    case 'reaction':
      return content.emoji === '' ? 'Removed a reaction' : `Reacted ${content.emoji}`;
    case 'template':
      return `Template: ${content.name}`;
    case 'button-tap':
      return content.title;
    case 'unsupported':
      return `Unsupported message (${content.type})`;
  }
}

function plain(text: InboxRichText): string {
  return text.map((segment) => segment.text).join('');
}

function shorten(text: string): string {
  return text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX - 1)}…` : text;
}
