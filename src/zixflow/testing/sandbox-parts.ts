import { SandboxInbox } from './inbox/sandbox-inbox.routes';
import type { InboxAccountView } from './inbox/shared/inbox-view.types';
import { SandboxAccountDirectory } from './sandbox-account.directory';
import { DEFAULT_ACCOUNT_LABEL, type SandboxAccountSettings } from './sandbox-account.settings';
import { SandboxApiRules } from './sandbox-api.rules';
import { SandboxConversationLog } from './sandbox-conversation.log';
import { SandboxReportSender } from './sandbox-report-sender';
import { SandboxRequestPipeline } from './sandbox-request.pipeline';
import { SandboxRequestRecorder } from './sandbox-request.recorder';
import { SandboxScripts } from './sandbox-scripts';
import { SandboxServer } from './sandbox-server';
import type { SandboxSettings } from './sandbox-settings';
import { SandboxStatusTimeline } from './sandbox-status.timeline';
import { SandboxTemplateRegistry } from './sandbox-template-registry';
import { SandboxWebhookSimulator } from './sandbox-webhook.simulator';
import type { SandboxReportStatus, SandboxSentMessage } from './zixflow-sandbox.types';

/**
 * The parts of one sandbox, built and wired together here so that `ZixflowSandbox` stays a thin
 * facade: an accepted send flows to the conversation log, the reports and the status timeline; a
 * status step flows to the log and the reports; every request is matched to its account once, by
 * the one directory every part asks.
 */
export class SandboxParts {
  readonly recorder = new SandboxRequestRecorder();
  readonly scripts = new SandboxScripts();
  readonly templates = new SandboxTemplateRegistry();
  readonly conversationLog = new SandboxConversationLog();
  readonly accounts: SandboxAccountDirectory;
  readonly rules: SandboxApiRules;
  readonly reports: SandboxReportSender;
  readonly timeline: SandboxStatusTimeline;
  readonly webhooks: SandboxWebhookSimulator;
  readonly inbox: SandboxInbox | undefined;
  readonly server: SandboxServer;
  private stopping: Promise<void> | undefined;

  constructor(settings: SandboxSettings) {
    const accounts = new SandboxAccountDirectory(settings.accounts);
    this.accounts = accounts;
    this.reports = new SandboxReportSender(settings.reportsEnabled, (message) => this.accountOf(message).workspaceId);
    this.timeline = new SandboxStatusTimeline(settings.statusDelayMs, (message, status) =>
      this.statusChanged(message, status),
    );
    this.webhooks = new SandboxWebhookSimulator(accounts, this.conversationLog, this.timeline);
    this.rules = new SandboxApiRules({ accounts, templates: this.templates, timeline: this.timeline }, (message) =>
      this.messageAccepted(message),
    );
    this.inbox = settings.inbox ? this.createInbox() : undefined;
    const pipeline = new SandboxRequestPipeline({
      inbox: this.inbox,
      recorder: this.recorder,
      scripts: this.scripts,
      rules: this.rules,
      accountOf: (request) => accounts.ofRequest(request)?.name,
      stopped: () => this.stopped,
    });
    this.server = new SandboxServer((req, res) => pipeline.handle(req, res));
  }

  /** Whether {@link stop} was called. */
  get stopped(): boolean {
    return this.stopping !== undefined;
  }

  /** The inbox's and `zixflowAccounts`' view of each account, the default first. */
  accountViews(): InboxAccountView[] {
    return this.accounts.all.map((account) => ({
      ...(account.name !== undefined && { account: account.name }),
      label: account.name ?? DEFAULT_ACCOUNT_LABEL,
      phoneId: account.phoneId,
      appConnected: this.webhooks.connected(account.name),
    }));
  }

  /** Idempotent: stops every part, then frees the port. */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
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

  /** The account a message was sent with; messages only ever carry names the directory knows. */
  private accountOf(message: SandboxSentMessage): SandboxAccountSettings {
    return this.accounts.find(message.account) ?? this.accounts.main;
  }

  /** The inbox sees the sandbox only through this narrow backend, never its internals. */
  private createInbox(): SandboxInbox {
    return new SandboxInbox({
      port: () => this.server.port,
      log: this.conversationLog,
      accounts: () => this.accountViews(),
      deliver: (options) => this.webhooks.simulate(options),
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
