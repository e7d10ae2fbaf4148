import type { LoggedConversation } from '../sandbox-conversation.log';
import type { SandboxConversationEntry, SandboxIncomingEntry } from '../zixflow-sandbox.types';
import { incomingContentView, outgoingContentView } from './inbox-content.view';
import { INBOX_MEDIA_LABELS } from './shared/inbox.constants';
import type { InboxContentView, InboxConversationView, InboxEntryView, InboxRichText } from './shared/inbox-view.types';

/** Enough for one line of the conversation list. */
const PREVIEW_MAX = 80;

/** A conversation as the inbox page receives it. */
export function conversationView({ conversation, revision }: LoggedConversation): InboxConversationView {
  const entries = conversation.entries.map(entryView);
  const last = entries[entries.length - 1];
  return {
    id: conversation.id,
    customer: conversation.customer,
    phoneId: conversation.phoneId,
    ...(conversation.customerName !== undefined && { customerName: conversation.customerName }),
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
    return { id: entry.id, direction: 'outgoing', at, status: entry.status, content: outgoingContentView(entry.body) };
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
      return plain(content.body);
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
