import { conversationId } from './inbox/shared/customer-number';
import type { SandboxIncomingPayload } from './sandbox-incoming-payload';
import type {
  SandboxConversation,
  SandboxConversationEntry,
  SandboxIncomingEntry,
  SandboxMessageStatus,
  SandboxOutgoingEntry,
  SandboxSentMessage,
} from './zixflow-sandbox.types';

/** A conversation as the log keeps it: `revision` lets readers tell a newer copy from an older one. */
export interface LoggedConversation {
  conversation: SandboxConversation;
  /** The log's revision when this conversation last changed. */
  revision: number;
}

/** What subscribers of the log hear: one conversation changed, or everything was forgotten. */
export type ConversationLogEvent = ({ kind: 'changed' } & LoggedConversation) | { kind: 'cleared'; revision: number };

type ConversationLogListener = (event: ConversationLogEvent) => void;

/** What tells conversations apart. */
interface ConversationKey {
  customer: string;
  phoneId: string;
  account: string | undefined;
}

interface StoredConversation extends LoggedConversation {
  lastActivity: number;
}

/**
 * Both directions of every conversation the sandbox has seen, grouped by account, customer number
 * and business `phoneId`, as WhatsApp groups chats (one customer writing to two accounts is two
 * chats). An `account` of undefined is the default account. Listeners hear every change, so the inbox can
 * push updates instead of polling.
 */
export class SandboxConversationLog {
  private readonly conversations = new Map<string, StoredConversation>();
  /** Which conversation each entry id lives in, so status updates need no search. */
  private readonly homes = new Map<string, { stored: StoredConversation; entry: SandboxConversationEntry }>();
  private readonly listeners = new Set<ConversationLogListener>();
  private revision = 0;

  /** Adds a message the app sent, on either API (the body checks ensure its recipient and number). */
  addOutgoing(message: SandboxSentMessage): void {
    const entry: SandboxOutgoingEntry = {
      direction: 'outgoing',
      id: message.messageId,
      at: message.receivedAt,
      status: 'accepted',
      path: message.path,
      kind: message.kind,
      ...(message.wamid !== undefined && { wamid: message.wamid }),
      body: message.body,
    };
    this.append({ customer: message.to, phoneId: message.phoneId, account: message.account }, entry);
  }

  /** Adds a customer message before it is posted to the app, so it shows before the app's answer. */
  addIncoming(payload: SandboxIncomingPayload, account: string | undefined): SandboxIncomingEntry {
    const entry: SandboxIncomingEntry = {
      direction: 'incoming',
      id: payload.messageId,
      at: new Date(payload.timestamp),
      eventId: payload.eventId,
      message: payload.message,
    };
    const stored = this.append({ customer: payload.sender.number, phoneId: payload.phoneId, account }, entry, false);
    stored.conversation.customerName = payload.sender.name;
    this.changed(stored);
    return entry;
  }

  /** Records a new status of an outgoing message. */
  setStatus(messageId: string, status: SandboxMessageStatus): void {
    const home = this.homes.get(messageId);
    if (home?.entry.direction !== 'outgoing') return;
    home.entry.status = status;
    this.changed(home.stored);
  }

  /** Records how the app answered a customer message. */
  setWebhookResult(entryId: string, webhook: NonNullable<SandboxIncomingEntry['webhook']>): void {
    const home = this.homes.get(entryId);
    if (home?.entry.direction !== 'incoming') return;
    home.entry.webhook = webhook;
    this.changed(home.stored);
  }

  /** Ids of the app's messages in a conversation that the customer has not read yet. */
  unreadOutgoing(customer: string, phoneId: string, account: string | undefined): string[] {
    const stored = this.conversations.get(conversationId(customer, phoneId, account));
    const entries = stored?.conversation.entries ?? [];
    return entries
      .filter((entry) => entry.direction === 'outgoing' && entry.status !== 'read')
      .map((entry) => entry.id);
  }

  /** The customer's last known profile name in a conversation. */
  customerNameOf(customer: string, phoneId: string, account: string | undefined): string | undefined {
    return this.conversations.get(conversationId(customer, phoneId, account))?.conversation.customerName;
  }

  /** Copies of every conversation, the most recently active first. */
  list(): LoggedConversation[] {
    return [...this.conversations.values()].sort((a, b) => b.lastActivity - a.lastActivity).map(copyOf);
  }

  /** The log's current revision; every change increases it. */
  get currentRevision(): number {
    return this.revision;
  }

  /** Forgets every conversation. */
  clear(): void {
    this.conversations.clear();
    this.homes.clear();
    this.revision += 1;
    this.emit({ kind: 'cleared', revision: this.revision });
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: ConversationLogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private append(where: ConversationKey, entry: SandboxConversationEntry, announce = true): StoredConversation {
    const stored = this.conversationFor(where);
    stored.conversation.entries.push(entry);
    stored.lastActivity = entry.at.getTime();
    this.homes.set(entry.id, { stored, entry });
    if (announce) this.changed(stored);
    return stored;
  }

  private conversationFor({ customer, phoneId, account }: ConversationKey): StoredConversation {
    const id = conversationId(customer, phoneId, account);
    let stored = this.conversations.get(id);
    if (stored === undefined) {
      const conversation = { id, ...(account !== undefined && { account }), customer, phoneId, entries: [] };
      stored = { conversation, revision: this.revision, lastActivity: 0 };
      this.conversations.set(id, stored);
    }
    return stored;
  }

  private changed(stored: StoredConversation): void {
    this.revision += 1;
    stored.revision = this.revision;
    this.emit({ kind: 'changed', ...copyOf(stored) });
  }

  /** A failing listener (e.g. a browser that went away mid-write) must not break the sandbox's own flow. */
  private emit(event: ConversationLogEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // Listeners clean up after themselves; nothing useful to do here.
      }
    }
  }
}

function copyOf(stored: LoggedConversation): LoggedConversation {
  const { conversation } = stored;
  return { conversation: { ...conversation, entries: conversation.entries.map(copyEntry) }, revision: stored.revision };
}

function copyEntry(entry: SandboxConversationEntry): SandboxConversationEntry {
  if (entry.direction === 'outgoing') return { ...entry };
  return { ...entry, webhook: entry.webhook === undefined ? undefined : { ...entry.webhook } };
}
