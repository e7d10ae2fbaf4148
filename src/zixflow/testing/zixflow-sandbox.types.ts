import type { ZixflowSandboxAccountOptions } from './sandbox-accounts.types';

export type {
  SandboxConversation,
  SandboxConversationEntry,
  SandboxIncomingEntry,
  SandboxOutgoingEntry,
} from './sandbox-conversation.types';

/**
 * Settings for {@link ZixflowSandbox.start}. All are optional so a test can
 * start a sandbox with no ceremony and still run in parallel with other
 * suites (port 0 lets the OS pick a free port).
 */
export interface ZixflowSandboxOptions {
  /** TCP port on 127.0.0.1. Default 0: the OS picks a free port, so parallel jest workers never collide. */
  port?: number;
  /**
   * Key the sandbox expects: in `Authorization: Bearer <apiKey>` on the campaign API, in `x-api-key`
   * on the AI API. Default `'sandbox-api-key'`.
   */
  apiKey?: string;
  /** Workspace id the AI API expects in `x-workspace-id`. Default `'sandbox-workspace'`. */
  workspaceId?: string;
  /**
   * The WhatsApp accounts `GET /api/data/whatsapp/v1/accounts` lists. Default: one account for
   * `phoneId` / `wabaId`, verified name `Sandbox Business`, quality `GREEN`, daily limit 1000.
   */
  accounts?: SandboxWhatsappAccount[];
  /** Business phone-number id simulated customers write to. Default `'100000000000001'`. */
  phoneId?: string;
  /** WhatsApp Business Account id in simulated incoming messages. Default `'100000000000002'`. */
  wabaId?: string;
  /**
   * Every accepted message moves `accepted` → `sent` → `delivered`, each step `delayMs` after the
   * previous one (default 50), then `read` when the customer writes in the same conversation. Each
   * step is POSTed as a delivery report to the message's `reportURL` (campaign API) or as a
   * post-back to its `post_back_url` (AI API), loopback URLs only. `false` posts nothing; the inbox
   * still shows the steps, at the default pace.
   */
  deliveryReports?: { delayMs?: number } | false;
  /**
   * More Zixflow accounts served by this one sandbox, each with its own key, workspace, business
   * number, conversations and connected app; the options above stay the default account's. A
   * request belongs to the account whose credentials it carries (`Authorization: Bearer <apiKey>`
   * on the campaign API; `x-api-key` with that account's own `x-workspace-id` on the AI API);
   * credentials of no account are a 401, as ever. Default: none.
   */
  zixflowAccounts?: ZixflowSandboxAccountOptions[];
  /**
   * Serve the inbox, a WhatsApp-like page of every conversation, at `GET /` (see
   * {@link ZixflowSandbox.inboxUrl}). Default true. Its routes live under `/` and `/inbox/` only,
   * need no API key and are never recorded in `requests`.
   */
  inbox?: boolean;
}

/**
 * Where the app under test receives Zixflow's incoming-message webhook. Once connected, the inbox
 * can play a customer, and {@link ZixflowSandbox.simulateIncoming} works without `to` and `secret`.
 */
export interface SandboxAppConnection {
  /**
   * Which of the sandbox's Zixflow accounts this app receives for (a name from `zixflowAccounts`),
   * e.g. with `incomingUrl` `…/zixflow/webhooks/brand-b/incoming` and brand-b's secret. Default: the
   * default account. Each account keeps its own connection.
   */
  account?: string;
  /** The app's incoming-webhook URL, e.g. `http://127.0.0.1:3000/zixflow/webhooks/incoming`; only loopback `http://` URLs. */
  incomingUrl: string;
  /** The webhook secret the app expects. */
  secret?: string;
  /** Header that carries `secret`. Default `x-zixflow-secret`. */
  secretHeader?: string;
}

/**
 * One HTTP request exactly as the sandbox received it. Tests assert on this
 * record rather than on client internals, so it keeps the wire-level view:
 * raw text, node's lower-case header names and the parsed JSON (if any).
 */
export interface SandboxRecordedRequest {
  method: string;
  /** Pathname only; the query string is split out into `query`. */
  path: string;
  /** Query parameters; when a name repeats, the last value wins. */
  query: Record<string, string>;
  /** Node's lower-case header map, copied so later requests cannot change it. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined when the body is not JSON (or exceeded the 1 MB cap). */
  body: unknown;
  /** Body decoded as UTF-8; empty when the body exceeded the 1 MB cap and was discarded. */
  rawBody: string;
  /** When the whole body had been received (the moment the request was recorded). */
  receivedAt: Date;
  /**
   * The `zixflowAccounts` name whose credentials the request carried. Absent for the default
   * account's credentials and for credentials of no account (those were answered 401).
   */
  account?: string;
}

/**
 * A canned answer that replaces the sandbox's normal behaviour for one
 * request (or for all, via `respondAlways`). It exists so tests can make the
 * "API" misbehave in ways the real Zixflow might: rate limits, HTML error
 * pages, malformed JSON, slow answers, dropped or hung connections.
 */
export interface SandboxScriptedResponse {
  /** HTTP status. Default 200. */
  status?: number;
  /** Objects are JSON-encoded; a string is sent raw, so tests can send HTML or malformed JSON. Omitted: empty body. */
  body?: unknown;
  /** Extra response headers; they override the default `content-type: application/json; charset=utf-8`. */
  headers?: Record<string, string>;
  /** Wait this long before answering (or before dropping the connection). */
  delayMs?: number;
  /** Read the whole request body, then destroy the socket without any response. */
  drop?: boolean;
  /** Read the body and never answer (until `stop()`), to exercise client time-outs. */
  stall?: boolean;
}

/** One WhatsApp account (business number) as the AI API's accounts endpoint lists it (§3.16). */
export interface SandboxWhatsappAccount {
  phone_id: string;
  waba_id: string;
  display_phone_number: string;
  verified_name: string;
  /** `GREEN`, `YELLOW` or `RED`. */
  quality_rating: string;
  daily_limit: number;
}

/** Which of Zixflow's two APIs a request was sent to. */
export type SandboxApi = 'campaign' | 'ai';

/**
 * Every message kind the sandbox accepts, by one name on both APIs: the campaign API's `type`
 * values (its `interactive` is `reply_buttons`, its `interactive` with `type: "list"` is `list`),
 * and the AI API's send paths (`…/interactive/url-button/send` is `cta_url`).
 */
export type SandboxMessageKind =
  | 'text'
  | 'image'
  | 'video'
  | 'audio'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'reaction'
  | 'reply_buttons'
  | 'list'
  | 'cta_url'
  | 'location_request'
  | 'address_request'
  | 'template';

/**
 * A send the sandbox accepted, with the ids it generated. Tests use it to
 * check what "reached Zixflow" without parsing `requests` themselves, and to
 * correlate ids returned to the client with the message that produced them.
 */
export interface SandboxSentMessage {
  /** 24 hex characters, like the Mongo ObjectIds the campaign API returns. Generated even when not returned. */
  messageId: string;
  /** 24 hex characters, like the Mongo ObjectIds the real API returns. Generated even when not returned. */
  campaignId: string;
  /** Which API accepted it. */
  api: SandboxApi;
  /** The `zixflowAccounts` name it was sent with; absent when sent with the default account's credentials. */
  account?: string;
  /** What kind of message it is. */
  kind: SandboxMessageKind;
  /** The recipient, digits only (`to` on the campaign API, `recipient` on the AI API). */
  to: string;
  /** The business number it was sent from (`phoneId` / `phone_id`). */
  phoneId: string;
  /** AI API only: the `request_id` UUID the send answered with, used by post-backs and delivery reports. */
  requestId?: string;
  /** AI API only: the `wamid.`-style WhatsApp id the delivery report names. */
  wamid?: string;
  /** AI API only: Zixflow's numeric message id as decimal digits; post-backs carry it as a JSON number above 2^53. */
  zixflowMessageId?: string;
  /** Which send endpoint accepted it. */
  path: string;
  body: Record<string, unknown>;
  receivedAt: Date;
}

/**
 * A customer message for {@link ZixflowSandbox.simulateIncoming}, posted to your app as Zixflow's
 * `incoming.whatsapp.message` webhook. Give exactly one of `text` or `message`.
 */
export interface SandboxIncomingOptions {
  /**
   * Your app's incoming-webhook URL; only `http://` on 127.0.0.1, localhost or [::1] is called.
   * Leave it out to use the app given to {@link ZixflowSandbox.connectApp}, with its secret.
   */
  to?: string;
  /**
   * Sent in the `secretHeader` header; leave it out to test that your app refuses the call. When
   * `to` is left out too, the connected app's secret is used.
   */
  secret?: string;
  /** Header that carries `secret`. Default `x-zixflow-secret` (or the connected app's). */
  secretHeader?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /**
   * The `zixflowAccounts` name the customer writes to: its business number, its conversation and,
   * without `to`, the app connected for it. Default: the default account.
   */
  account?: string;
  /** The customer's number as people type it (`+1 302 389 5111`); sent as digits only. */
  from: string;
  /** The customer's WhatsApp profile name. Default `Sandbox Customer`. */
  name?: string;
  /** A text message. */
  text?: string;
  /** Any `message` object, sent as given, e.g. a button reply or a type your app does not know. */
  message?: Record<string, unknown>;
  /** Reuse an event id to simulate Zixflow retrying a delivery. Default: a fresh UUID. */
  eventId?: string;
  /** Default: a fresh `wamid.`-style id. */
  messageId?: string;
  /** Default: now. Sent as 13-digit epoch milliseconds. */
  timestamp?: Date | number;
  /** Business phone-number id the customer wrote to. Default: the account's `phoneId`. */
  phoneId?: string;
  /** Default: the account's `wabaId`. */
  wabaId?: string;
  /** How long to wait for your app's answer. Default 5000 ms. */
  timeoutMs?: number;
}

/** What happened to one simulated incoming message. */
export interface SandboxWebhookResult {
  /** Your app's HTTP status. */
  status: number;
  /** Your app's answer, parsed when it is JSON. */
  body: unknown;
  /** The payload that was posted, `eventId` included. */
  payload: Record<string, unknown>;
}

/**
 * Where a message the sandbox accepted is, as the sandbox simulates it: `accepted` by the API,
 * `sent` and `delivered` after a pause each, `read` once the customer writes back.
 */
export type SandboxMessageStatus = 'accepted' | 'sent' | 'delivered' | 'read';

/** The statuses the sandbox reports for each message with a `reportURL`, in order (`read` only once the customer writes back). */
export type SandboxReportStatus = Exclude<SandboxMessageStatus, 'accepted'>;

/**
 * One delivery report the sandbox posted (or did not) to a message's `reportURL` (campaign API),
 * or one post-back to its `post_back_url` (AI API, shaped as §4.1 of the API notes documents).
 */
export interface SandboxReportDelivery {
  /** The sandbox's id of the reported message. */
  messageId: string;
  /** `campaign`: a report to `reportURL`; `ai`: a post-back to `post_back_url`. */
  api: SandboxApi;
  /** The `zixflowAccounts` name the reported message was sent with; absent for the default account. */
  account?: string;
  /** The message's `reportURL` or `post_back_url`. */
  url: string;
  status: SandboxReportStatus;
  /**
   * The payload as an object. A post-back's `message_id` is a JSON number above 2^53 on the wire,
   * which JavaScript cannot hold exactly, so here it is the digits as a string; see `rawBody`.
   */
  payload: Record<string, unknown>;
  /** The exact JSON text posted. */
  rawBody: string;
  sentAt: Date;
  /** Your app's HTTP status; undefined when the report was not delivered. */
  responseStatus?: number;
  /** Why the report was not delivered: a non-loopback URL, or a connection error. */
  error?: string;
}
