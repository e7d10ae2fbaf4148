import type { SandboxAccountInfo } from './sandbox-accounts.types';
import { SandboxParts } from './sandbox-parts';
import { resolveSandboxSettings, type SandboxSettings } from './sandbox-settings';
import type { SandboxTemplate } from './sandbox-template-registry';
import type {
  SandboxAppConnection,
  SandboxConversation,
  SandboxIncomingOptions,
  SandboxMessageStatus,
  SandboxRecordedRequest,
  SandboxReportDelivery,
  SandboxScriptedResponse,
  SandboxSentMessage,
  SandboxWebhookResult,
  SandboxWhatsappAccount,
  ZixflowSandboxOptions,
} from './zixflow-sandbox.types';

/*
 * A fake of Zixflow's WhatsApp APIs (campaign and AI) that runs in-process on
 * 127.0.0.1. It only depends on node built-ins and on its own body checks so
 * that it can catch client bugs instead of sharing them. This class is the
 * facade: each job lives in its own part, and the class wires them together.
 */

/**
 * Local stand-in for Zixflow's two WhatsApp APIs, for tests and the example app: the campaign API
 * (`/api/v1/campaign/…`, Bearer key) and the AI API (`/api/ingest/…` and `/api/data/…`,
 * `x-api-key` + `x-workspace-id`), every message kind with checks that mirror the docs.
 * It validates requests more strictly than the docs strictly require, records
 * everything it receives, and can be scripted to misbehave (errors, delays,
 * dropped or stalled connections) so client failure paths can be tested
 * without touching the real, billed API. It also plays Zixflow's webhooks:
 * customer messages ({@link ZixflowSandbox.simulateIncoming}) and delivery
 * reports to a message's `reportURL`, posted to loopback addresses only. At
 * {@link ZixflowSandbox.inboxUrl} it serves the inbox, a WhatsApp-like page of
 * every conversation where a person can also write as the customer. One sandbox can serve several
 * Zixflow accounts at once (`zixflowAccounts`), each told apart by its credentials, with its own
 * business number, conversations and connected app.
 */
export class ZixflowSandbox {
  private readonly parts: SandboxParts;

  private constructor(settings: SandboxSettings) {
    this.parts = new SandboxParts(settings);
  }

  /** Starts a sandbox on 127.0.0.1 only, so tests never expose a fake API to the network. */
  static async start(options: ZixflowSandboxOptions = {}): Promise<ZixflowSandbox> {
    const settings = resolveSandboxSettings(options);
    const sandbox = new ZixflowSandbox(settings);
    await sandbox.parts.server.listen(settings.port);
    return sandbox;
  }

  /** Base URL to configure the client with, e.g. `http://127.0.0.1:49152`. */
  get url(): string {
    return this.parts.server.url;
  }

  /** The port the sandbox listens on (the OS picked it unless `port` was given). */
  get port(): number {
    return this.parts.server.port;
  }

  /**
   * The inbox page, e.g. `http://127.0.0.1:49152/`: every conversation as WhatsApp-like bubbles with
   * live delivery statuses, and a composer to write as the customer (once {@link connectApp} was
   * called). Served on 127.0.0.1 only; undefined when started with `inbox: false`.
   */
  get inboxUrl(): string | undefined {
    return this.parts.inbox === undefined ? undefined : `${this.url}/`;
  }

  /** Every conversation so far (the app's sends and the customers' messages), the most recently active first. Copies. */
  get conversations(): SandboxConversation[] {
    return this.parts.conversationLog.list().map(({ conversation }) => conversation);
  }

  /** Where an accepted message is: `accepted`, `sent`, `delivered` or `read`; undefined for an unknown id. */
  messageStatus(messageId: string): SandboxMessageStatus | undefined {
    return this.parts.timeline.statusOf(messageId);
  }

  /**
   * Tells the sandbox where your app receives customer messages, so the inbox can write as a
   * customer and {@link simulateIncoming} works without `to` and `secret`. Call it again to change
   * it. With `account`, it is that account's app (e.g. its `…/zixflow/webhooks/brand-b/incoming`
   * route and brand-b's secret): each account keeps its own. Only loopback `http://` URLs are
   * accepted; an account the sandbox does not serve throws a RangeError.
   */
  connectApp(connection: SandboxAppConnection): this {
    this.parts.webhooks.connect(connection);
    this.parts.inbox?.appChanged();
    return this;
  }

  /** The key the sandbox expects: `Authorization: Bearer <apiKey>` (campaign API), `x-api-key` (AI API). */
  get apiKey(): string {
    return this.parts.accounts.main.apiKey;
  }

  /** The workspace id the AI API expects in `x-workspace-id`. */
  get workspaceId(): string {
    return this.parts.accounts.main.workspaceId;
  }

  /** The WhatsApp accounts the AI API's accounts endpoint lists for the default key. Copies. */
  get whatsappAccounts(): SandboxWhatsappAccount[] {
    return this.parts.accounts.main.whatsappAccounts.map((account) => ({ ...account }));
  }

  /** Business phone-number id that simulated customers of the default account write to. */
  get phoneId(): string {
    return this.parts.accounts.main.phoneId;
  }

  /** WhatsApp Business Account id in the default account's simulated incoming messages. */
  get wabaId(): string {
    return this.parts.accounts.main.wabaId;
  }

  /**
   * Every Zixflow account this sandbox serves, the default (`name` undefined) first, then
   * `zixflowAccounts` in order: workspace, business number, and whether an app is connected for
   * it. Keys are left out: the test gave them. Copies.
   */
  get zixflowAccounts(): SandboxAccountInfo[] {
    return this.parts.accountViews().map((view, index) => {
      const { workspaceId, wabaId } = this.parts.accounts.all[index];
      const { account: name, label, phoneId, appConnected } = view;
      return { name, label, workspaceId, phoneId, wabaId, appConnected };
    });
  }

  /**
   * The sends accepted on one account's credentials, oldest first: `messagesOf('brand-b')`, or
   * `messagesOf()` for the default account's. An unknown name throws, so a typo cannot pass as
   * "sent nothing".
   */
  messagesOf(account?: string): SandboxSentMessage[] {
    const name = this.parts.accounts.get(account, 'messagesOf').name;
    return this.messages.filter((message) => message.account === name);
  }

  /**
   * Delivery reports posted (or skipped) for messages with a `reportURL`, and post-backs for AI
   * messages with a `post_back_url`, oldest first. A copy.
   */
  get reportDeliveries(): readonly SandboxReportDelivery[] {
    return this.parts.reports.records;
  }

  /** Every request in the order its body finished arriving, rejected ones included. A copy, so later traffic cannot change it under a test. */
  get requests(): readonly SandboxRecordedRequest[] {
    return this.parts.recorder.all;
  }

  /** The latest recorded request, if any. */
  get lastRequest(): SandboxRecordedRequest | undefined {
    return this.parts.recorder.last;
  }

  /** Sends the sandbox accepted (normal logic only; scripted responses never add here). */
  get messages(): readonly SandboxSentMessage[] {
    return this.parts.rules.messages;
  }

  /** Queues one-shot responses consumed in order by the next requests on any path; they bypass auth and body checks. */
  respondNext(...responses: SandboxScriptedResponse[]): this {
    this.parts.scripts.enqueue(responses);
    return this;
  }

  /** Sets the response used whenever the one-shot queue is empty; `undefined` restores normal behaviour. */
  respondAlways(response: SandboxScriptedResponse | undefined): this {
    this.parts.scripts.setFallback(response);
    return this;
  }

  /**
   * Plays a customer writing to your WhatsApp number: POSTs a realistic `incoming.whatsapp.message`
   * payload (fresh `eventId`, 13-digit timestamp, `wamid.` id) to your app's webhook URL, with the
   * secret in the `x-zixflow-secret` header, and resolves with your app's answer. Without `to`, the
   * app given to {@link connectApp} for the message's `account` is called with its secret. Only
   * loopback URLs are called. The message joins that account's conversation in the inbox, and
   * marks the app's earlier messages in that conversation `read`.
   */
  simulateIncoming(options: SandboxIncomingOptions): Promise<SandboxWebhookResult> {
    return this.parts.webhooks.simulate(options);
  }

  /**
   * Makes a template known to the variable-keys endpoints of both APIs and to the AI API's templates
   * list, so template pre-flight checks and template listings can be tested. Four templates named
   * `sandbox_…` are known from the start. `clear()` does not forget templates.
   */
  registerTemplate(template: SandboxTemplate): this {
    this.parts.templates.register(template);
    return this;
  }

  /**
   * Forgets recorded requests, messages, conversations, queued responses, the `respondAlways`
   * default and delivery reports (pending status steps and reports are cancelled), so one sandbox
   * can serve many tests. The connected app stays connected.
   */
  clear(): void {
    const { timeline, reports, conversationLog, recorder, rules, scripts } = this.parts;
    timeline.forgetAll();
    reports.cancelAll();
    reports.forget();
    conversationLog.clear();
    recorder.clear();
    rules.clear();
    scripts.clear();
  }

  /**
   * Resolves with all recorded requests once at least `count` exist. Lets a
   * test synchronise with fire-and-forget or retrying clients without sleeps.
   */
  waitForRequests(count: number, timeoutMs = 5000): Promise<SandboxRecordedRequest[]> {
    return this.parts.recorder.waitFor(count, timeoutMs, this.parts.stopped);
  }

  /**
   * Idempotent. Destroys every socket (idle keep-alive and stalled ones too)
   * and releases pending delays, so the port is freed at once and jest does
   * not report open handles.
   */
  async stop(): Promise<void> {
    await this.parts.stop();
  }
}
