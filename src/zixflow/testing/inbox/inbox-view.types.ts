import type { SandboxMessageStatus } from '../zixflow-sandbox.types';

/*
 * The JSON the inbox page receives. Messages are turned into these plain shapes on the server, so
 * the page's script only builds DOM nodes from them (with textContent) and never parses or
 * interprets message content itself.
 */

/** A run of text with the WhatsApp styles that apply to it. */
export interface InboxTextSegment {
  text: string;
  bold?: true;
  italic?: true;
  strike?: true;
  mono?: true;
  /** Set only for a checked `http:`/`https:` URL found in the text. */
  href?: string;
}

/** Text as a list of styled runs. */
export type InboxRichText = InboxTextSegment[];

/** A URL to show; `href` is set only when it is a plain `http:`/`https:` URL, so nothing else can become a live link. */
export interface InboxLinkView {
  text: string;
  href?: string;
}

/** Media kinds the inbox draws as a placeholder card; the media itself is never fetched. */
export type InboxMediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/** What one bubble shows. */
export type InboxContentView =
  | { kind: 'text'; text: InboxRichText }
  | { kind: 'media'; media: InboxMediaKind; link?: InboxLinkView; filename?: string; caption?: InboxRichText }
  | { kind: 'location'; latitude: string; longitude: string; name?: string; address?: string; map?: InboxLinkView }
  | { kind: 'buttons'; header?: InboxContentView; body: InboxRichText; footer?: string; buttons: InboxButtonView[] }
  | { kind: 'template'; name: string; language: string; variables: InboxTemplateVariable[] }
  | { kind: 'button-tap'; id: string; title: string }
  | { kind: 'unsupported'; type: string; detail: string };

/** A reply button under a message. */
export interface InboxButtonView {
  id: string;
  title: string;
}

/** One template variable, in the order the app gave them. */
export interface InboxTemplateVariable {
  name: string;
  value: string;
}

/** One bubble. */
export interface InboxEntryView {
  id: string;
  /** `outgoing`: sent by the app to the customer; `incoming`: written by the customer. */
  direction: 'outgoing' | 'incoming';
  /** ISO time. */
  at: string;
  /** Outgoing only. */
  status?: SandboxMessageStatus;
  /** Incoming only: why the app did not take the message, e.g. `the app answered HTTP 401`. */
  problem?: string;
  /** Incoming only: true while the app has not answered the webhook yet. */
  pending?: true;
  content: InboxContentView;
}

/** One conversation in the list, with all its bubbles. */
export interface InboxConversationView {
  id: string;
  customer: string;
  phoneId: string;
  customerName?: string;
  /** One line for the conversation list. */
  preview: string;
  lastActivityAt?: string;
  /** Increases with every change; the page ignores a copy older than the one it has. */
  revision: number;
  entries: InboxEntryView[];
}

/** `GET /inbox/api/conversations`. */
export interface InboxStateView {
  appConnected: boolean;
  /** The sandbox's own business number, used for new conversations. */
  phoneId: string;
  revision: number;
  conversations: InboxConversationView[];
}
