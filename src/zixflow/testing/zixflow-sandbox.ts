import { SandboxInbox } from './inbox/sandbox-inbox.routes';
import { SandboxApiRules } from './sandbox-api.rules';
import { SandboxConversationLog } from './sandbox-conversation.log';
import type { SandboxAccount } from './sandbox-incoming-payload';
import { SandboxReportSender } from './sandbox-report-sender';
import { SandboxRequestPipeline } from './sandbox-request.pipeline';
import { SandboxRequestRecorder } from './sandbox-request.recorder';
import { SandboxScripts } from './sandbox-scripts';
import { SandboxServer } from './sandbox-server';
import { resolveSandboxSettings, type SandboxSettings } from './sandbox-settings';
import { SandboxStatusTimeline } from './sandbox-status.timeline';
import { SandboxTemplate, SandboxTemplateRegistry } from './sandbox-template-registry';
import { SandboxWebhookSimulator } from './sandbox-webhook.simulator';
import type {
  SandboxAppConnection,
  SandboxConversation,
  SandboxIncomingOptions,
  SandboxMessageStatus,
  SandboxRecordedRequest,
  SandboxReportDelivery,
  SandboxReportStatus,
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
 * every conversation where a person can also write as the customer.
 */
export class ZixflowSandbox {
  private readonly server: SandboxServer;
  private readonly recorder = new SandboxRequestRecorder();
  private readonly scripts = new SandboxScripts();
  private readonly templates = new SandboxTemplateRegistry();
  private readonly conversationLog = new SandboxConversationLog();
  private readonly rules: SandboxApiRules;
  private readonly reports: SandboxReportSender;
  private readonly timeline: SandboxStatusTimeline;
  private readonly webhooks: SandboxWebhookSimulator;
  private readonly inbox: SandboxInbox | undefined;
  private readonly account: SandboxAccount;
  private readonly accounts: SandboxWhatsappAccount[];
  private readonly expectedApiKey: string;
  private readonly expectedWorkspaceId: string;
  private stopping: Promise<void> | undefined;

  private constructor(settings: SandboxSettings) {
    this.account = settings.account;
    this.accounts = settings.accounts;
    this.expectedApiKey = settings.apiKey;
    this.expectedWorkspaceId = settings.workspaceId;
    this.reports = new SandboxReportSender(settings.reportsEnabled, settings.workspaceId);
    this.timeline = new SandboxStatusTimeline(settings.statusDelayMs, (message, status) =>
      this.statusChanged(message, status),
    );
    this.webhooks = new SandboxWebhookSimulator(this.account, this.conversationLog, this.timeline);
    this.rules = new SandboxApiRules(
      {
        apiKey: this.expectedApiKey,
        workspaceId: this.expectedWorkspaceId,
        accounts: this.accounts,
        templates: this.templates,
        timeline: this.timeline,
      },
      (message) => this.messageAccepted(message),
    );
    this.inbox = settings.inbox ? this.createInbox() : undefined;
    const pipeline = new SandboxRequestPipeline({
      inbox: this.inbox,
      recorder: this.recorder,
      scripts: this.scripts,
      rules: this.rules,
      stopped: () => this.stopping !== undefined,
    });
    this.server = new SandboxServer((req, res) => pipeline.handle(req, res));
  }

  /** Starts a sandbox on 127.0.0.1 only, so tests never expose a fake API to the network. */
  static async start(options: ZixflowSandboxOptions = {}): Promise<ZixflowSandbox> {
    const settings = resolveSandboxSettings(options);
    const sandbox = new ZixflowSandbox(settings);
    await sandbox.server.listen(settings.port);
    return sandbox;
  }

  /** Base URL to configure the client with, e.g. `http://127.0.0.1:49152`. */
  get url(): string {
    return this.server.url;
  }

  /** The port the sandbox listens on (the OS picked it unless `port` was given). */
  get port(): number {
    return this.server.port;
  }

  /**
   * The inbox page, e.g. `http://127.0.0.1:49152/`: every conversation as WhatsApp-like bubbles with
   * live delivery statuses, and a composer to write as the customer (once {@link connectApp} was
   * called). Served on 127.0.0.1 only; undefined when started with `inbox: false`.
   */
  get inboxUrl(): string | undefined {
    return this.inbox === undefined ? undefined : `${this.url}/`;
  }

  /** Every conversation so far (the app's sends and the customers' messages), the most recently active first. Copies. */
  get conversations(): SandboxConversation[] {
    return this.conversationLog.list().map(({ conversation }) => conversation);
  }

  /** Where an accepted message is: `accepted`, `sent`, `delivered` or `read`; undefined for an unknown id. */
  messageStatus(messageId: string): SandboxMessageStatus | undefined {
    return this.timeline.statusOf(messageId);
  }

  /**
   * Tells the sandbox where your app receives customer messages, so the inbox can write as a
   * customer and {@link simulateIncoming} works without `to` and `secret`. Call it again to change
   * it. Only loopback `http://` URLs are accepted.
   */
  connectApp(connection: SandboxAppConnection): this {
    this.webhooks.connect(connection);
    this.inbox?.appChanged();
    return this;
  }

  /** The key the sandbox expects: `Authorization: Bearer <apiKey>` (campaign API), `x-api-key` (AI API). */
  get apiKey(): string {
    return this.expectedApiKey;
  }

  /** The workspace id the AI API expects in `x-workspace-id`. */
  get workspaceId(): string {
    return this.expectedWorkspaceId;
  }

  /** The WhatsApp accounts the AI API's accounts endpoint lists. Copies. */
  get whatsappAccounts(): SandboxWhatsappAccount[] {
    return this.accounts.map((account) => ({ ...account }));
  }

  /** Business phone-number id that simulated customers write to. */
  get phoneId(): string {
    return this.account.phoneId;
  }

  /** WhatsApp Business Account id in simulated incoming messages. */
  get wabaId(): string {
    return this.account.wabaId;
  }

  /**
   * Delivery reports posted (or skipped) for messages with a `reportURL`, and post-backs for AI
   * messages with a `post_back_url`, oldest first. A copy.
   */
  get reportDeliveries(): readonly SandboxReportDelivery[] {
    return this.reports.records;
  }

  /** Every request in the order its body finished arriving, rejected ones included. A copy, so later traffic cannot change it under a test. */
  get requests(): readonly SandboxRecordedRequest[] {
    return this.recorder.all;
  }

  /** The latest recorded request, if any. */
  get lastRequest(): SandboxRecordedRequest | undefined {
    return this.recorder.last;
  }

  /** Sends the sandbox accepted (normal logic only; scripted responses never add here). */
  get messages(): readonly SandboxSentMessage[] {
    return this.rules.messages;
  }

  /** Queues one-shot responses consumed in order by the next requests on any path; they bypass auth and body checks. */
  respondNext(...responses: SandboxScriptedResponse[]): this {
    this.scripts.enqueue(responses);
    return this;
  }

  /** Sets the response used whenever the one-shot queue is empty; `undefined` restores normal behaviour. */
  respondAlways(response: SandboxScriptedResponse | undefined): this {
    this.scripts.setFallback(response);
    return this;
  }

  /**
   * Plays a customer writing to your WhatsApp number: POSTs a realistic `incoming.whatsapp.message`
   * payload (fresh `eventId`, 13-digit timestamp, `wamid.` id) to your app's webhook URL, with the
   * secret in the `x-zixflow-secret` header, and resolves with your app's answer. Without `to`, the
   * app given to {@link connectApp} is called with its secret. Only loopback URLs are called. The
   * message joins the conversation in the inbox, and marks the app's earlier messages in that
   * conversation `read`.
   */
  simulateIncoming(options: SandboxIncomingOptions): Promise<SandboxWebhookResult> {
    return this.webhooks.simulate(options);
  }

  /**
   * Makes a template known to the variable-keys endpoints of both APIs and to the AI API's templates
   * list, so template pre-flight checks and template listings can be tested. Four templates named
   * `sandbox_…` are known from the start. `clear()` does not forget templates.
   */
  registerTemplate(template: SandboxTemplate): this {
    this.templates.register(template);
    return this;
  }

  /**
   * Forgets recorded requests, messages, conversations, queued responses, the `respondAlways`
   * default and delivery reports (pending status steps and reports are cancelled), so one sandbox
   * can serve many tests. The connected app stays connected.
   */
  clear(): void {
    this.timeline.forgetAll();
    this.reports.cancelAll();
    this.reports.forget();
    this.conversationLog.clear();
    this.recorder.clear();
    this.rules.clear();
    this.scripts.clear();
  }

  /**
   * Resolves with all recorded requests once at least `count` exist. Lets a
   * test synchronise with fire-and-forget or retrying clients without sleeps.
   */
  waitForRequests(count: number, timeoutMs = 5000): Promise<SandboxRecordedRequest[]> {
    return this.recorder.waitFor(count, timeoutMs, this.stopping !== undefined);
  }

  /**
   * Idempotent. Destroys every socket (idle keep-alive and stalled ones too)
   * and releases pending delays, so the port is freed at once and jest does
   * not report open handles.
   */
  async stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    await this.stopping;
  }

  private async shutDown(): Promise<void> {
    this.timeline.stop();
    this.reports.stop();
    this.inbox?.close();
    this.webhooks.stop();
    this.scripts.releaseDelays();
    this.recorder.rejectWaiters();
    await this.server.close();
  }

  /** The inbox sees the sandbox only through this narrow backend, never its internals. */
  private createInbox(): SandboxInbox {
    return new SandboxInbox({
      port: () => this.server.port,
      phoneId: this.account.phoneId,
      log: this.conversationLog,
      isAppConnected: () => this.webhooks.connected,
      deliver: (options) => this.simulateIncoming(options),
    });
  }

  /**
   * An accepted send starts its life: a bubble in the inbox and reports to its `reportURL` or
   * `post_back_url`; the rules start its status timeline right after.
   */
  private messageAccepted(message: SandboxSentMessage): void {
    this.conversationLog.addOutgoing(message);
    this.reports.accept(message);
  }

  /** One step of a message's timeline: shown in the inbox and reported to its `reportURL` or `post_back_url`. */
  private statusChanged(message: SandboxSentMessage, status: SandboxReportStatus): void {
    this.conversationLog.setStatus(message.messageId, status);
    this.reports.report(message, status);
  }
}
