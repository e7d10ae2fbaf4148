/*
 * The JSON the inbox page and the sandbox exchange. Messages are turned into these plain shapes on
 * the server, so the page's script only builds DOM nodes from them (with textContent) and never
 * parses or interprets message content itself. Both sides compile this file, so a change to the
 * contract fails the type check of whichever side was not updated. Types only: nothing to run.
 */

/**
 * Where an outgoing message is. The same steps as the public `SandboxMessageStatus`, spelt out here
 * because the page cannot import the server's types; the server's views only type-check while the
 * two agree.
 */
export type InboxMessageStatus = 'accepted' | 'sent' | 'delivered' | 'read';

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
  | {
      kind: 'media';
      media: InboxMediaKind;
      link?: InboxLinkView;
      /** An uploaded media id (AI API) instead of a link. */
      mediaId?: string;
      filename?: string;
      caption?: InboxRichText;
    }
  | { kind: 'location'; latitude: string; longitude: string; name?: string; address?: string; map?: InboxLinkView }
  | { kind: 'buttons'; header?: InboxContentView; body: InboxRichText; footer?: string; buttons: InboxButtonView[] }
  | {
      kind: 'list';
      header?: string;
      body: InboxRichText;
      footer?: string;
      button: string;
      sections: InboxListSection[];
    }
  | {
      kind: 'cta-url';
      header?: InboxContentView;
      body: InboxRichText;
      footer?: string;
      label: string;
      link: InboxLinkView;
    }
  | { kind: 'location-request'; body: InboxRichText }
  | { kind: 'address-request'; body: InboxRichText; footer?: string; country: string; values: InboxTemplateVariable[] }
  | { kind: 'contacts'; contacts: InboxContactView[] }
  | { kind: 'reaction'; emoji: string; messageId: string }
  | { kind: 'template'; name: string; language: string; variables: InboxTemplateVariable[] }
  | { kind: 'button-tap'; id: string; title: string; fromList?: true }
  | { kind: 'unsupported'; type: string; detail: string };

/** A section of a list message: what the customer's picker shows. */
export interface InboxListSection {
  title?: string;
  rows: InboxListRow[];
}

/** A row the customer can pick; its `id` goes back to the app in a `list_reply`. */
export interface InboxListRow {
  id: string;
  title: string;
  description?: string;
}

/** One contact card. */
export interface InboxContactView {
  name: string;
  phones: string[];
  emails: string[];
  org?: string;
}

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
  status?: InboxMessageStatus;
  /** Incoming only: why the app did not take the message, e.g. `the app answered HTTP 401`. */
  problem?: string;
  /** Incoming only: true while the app has not answered the webhook yet. */
  pending?: true;
  /** Reactions on this bubble, the business's and the customer's (a removed one is gone). */
  reactions?: string[];
  content: InboxContentView;
}

/** One conversation in the list, with all its bubbles. */
export interface InboxConversationView {
  id: string;
  /** The account the chat belongs to; absent for the default account. */
  account?: string;
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

/**
 * One Zixflow account the sandbox serves, as the page labels its chats. Never its key or
 * workspace id: the page shows what a person needs to tell accounts apart, nothing to sign in with.
 */
export interface InboxAccountView {
  /** The account's name; absent for the default account. */
  account?: string;
  /** The label on its chats: the name, or `default`. */
  label: string;
  /** Its business number, for new conversations. */
  phoneId: string;
  /** Whether an app is connected for it, so the page can write as its customers. */
  appConnected: boolean;
}

/** `GET /inbox/api/conversations`. */
export interface InboxStateView {
  /** Whether an app is connected for the default account. */
  appConnected: boolean;
  /** The default account's business number. */
  phoneId: string;
  /** Every account, the default first; the page labels chats only when there is more than one. */
  accounts: InboxAccountView[];
  revision: number;
  conversations: InboxConversationView[];
}

/** Server-Sent Events on `GET /inbox/api/events`, by event name. */
export interface InboxEvents {
  /** A conversation changed (or began). */
  conversation: InboxConversationView;
  /** `clear()` was called: every conversation up to `revision` is gone. */
  reset: { revision: number };
  /** An app was connected (or changed); `connected` is the default account's, `accounts` every account's. */
  app: { connected: boolean; accounts: InboxAccountView[] };
}

/** What the inbox page posts to `POST /inbox/api/customer-message`. */
export interface InboxCustomerMessage {
  /** The customer's number as typed; the sandbox reduces it to digits. */
  customer: string;
  /** The account the customer writes to; default the default account. */
  account?: string;
  /** The business number the customer writes to; default the account's. */
  phoneId?: string;
  /** The customer's profile name; default the one from their last message. */
  name?: string;
  /** A text… */
  text?: string;
  /** …or a tapped reply button… */
  reply?: InboxButtonView;
  /** …or a row picked from a list. */
  listReply?: InboxListRow;
}

/** The answer to a customer message: where it went and how the app answered, or why it was refused. */
export interface InboxCustomerMessageAnswer {
  conversationId?: string;
  /** The app's HTTP status for the webhook call. */
  webhookStatus?: number;
  /** Why the message was refused or not delivered. */
  message?: string;
}
