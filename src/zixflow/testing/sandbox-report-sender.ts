import { loopbackUrlProblem, postJsonToLoopback } from './sandbox-loopback-client';
import { callbackUrlOf, campaignReportPayload, postBackPayload } from './sandbox-report-payloads';
import type { SandboxReportDelivery, SandboxReportStatus, SandboxSentMessage } from './zixflow-sandbox.types';

/** Sandbox answer time-out for a report POST; the receiving app should answer at once. */
const REPORT_TIMEOUT_MS = 5000;

/**
 * Plays Zixflow's side of `reportURL` (campaign API) and `post_back_url` (AI API): for every
 * accepted message that has one, POSTs each status the sandbox's timeline reaches (`sent`,
 * `delivered`, then `read` when the customer writes back), one at a time and in order. Post-backs
 * are shaped as §4.1 of the API notes documents; the campaign report format is undocumented and
 * follows them with the campaign API's camelCase ids. Only loopback URLs are called; others are
 * recorded as skipped.
 */
export class SandboxReportSender {
  private readonly deliveries: SandboxReportDelivery[] = [];
  /** Per message, the report POST in progress; resolves whether the app took it. */
  private readonly chains = new Map<string, Promise<boolean>>();
  /** Messages whose endpoint refused or failed a report, so it gets no further reports. */
  private readonly givenUp = new Set<string>();
  private readonly inFlight = new Set<AbortController>();
  /** Bumped by {@link cancelAll}, so a chain started before it never posts afterwards. */
  private generation = 0;
  private stopped = false;

  /**
   * @param enabled - false sends no reports at all (`deliveryReports: false`).
   * @param workspaceOf - the workspace id of the account that sent a message, named in its
   *   post-backs as Zixflow's name theirs.
   */
  constructor(
    private readonly enabled: boolean,
    private readonly workspaceOf: (message: SandboxSentMessage) => string,
  ) {}

  /** Every report sent or skipped so far, oldest first. */
  get records(): readonly SandboxReportDelivery[] {
    return [...this.deliveries];
  }

  /**
   * Checks a just-accepted message's `reportURL` at once, so a URL the sandbox will never call is
   * recorded as skipped (as its first report, `sent`) before the test looks.
   */
  accept(message: SandboxSentMessage): void {
    const url = callbackUrlOf(message);
    if (!this.enabled || this.stopped || typeof url !== 'string') return;
    const problem = loopbackUrlProblem(url);
    if (problem === undefined) return;
    this.givenUp.add(message.messageId);
    const field = message.api === 'ai' ? 'post_back_url' : 'reportURL';
    this.deliveries.push({ ...this.describe(message, url, 'sent'), error: `not sent: ${field} ${problem}` });
  }

  /** Reports one status step of a message, after the reports of its earlier steps. */
  report(message: SandboxSentMessage, status: SandboxReportStatus): void {
    const url = callbackUrlOf(message);
    if (!this.enabled || this.stopped || typeof url !== 'string' || this.givenUp.has(message.messageId)) return;
    const generation = this.generation;
    const previous = this.chains.get(message.messageId) ?? Promise.resolve(true);
    const next = previous.then(
      (delivered) => delivered && generation === this.generation && this.post(message, url, status),
    );
    this.chains.set(message.messageId, next);
  }

  /** Cancels pending and running reports, e.g. between tests. */
  cancelAll(): void {
    this.generation += 1;
    this.chains.clear();
    this.givenUp.clear();
    this.inFlight.forEach((controller) => controller.abort());
    this.inFlight.clear();
  }

  /** Cancels everything and refuses new work. */
  stop(): void {
    this.stopped = true;
    this.cancelAll();
  }

  /** Forgets the records (pending reports are cancelled by {@link cancelAll}). */
  forget(): void {
    this.deliveries.length = 0;
  }

  /** Resolves whether the report reached the app, so a dead endpoint gets no further reports. */
  private async post(message: SandboxSentMessage, url: string, status: SandboxReportStatus): Promise<boolean> {
    const record = this.describe(message, url, status);
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      const answer = await postJsonToLoopback(url, record.rawBody, {
        rawJson: true,
        timeoutMs: REPORT_TIMEOUT_MS,
        signal: controller.signal,
      });
      this.deliveries.push({ ...record, responseStatus: answer.status });
      const delivered = answer.status >= 200 && answer.status < 300;
      if (!delivered) this.givenUp.add(message.messageId);
      return delivered;
    } catch (error) {
      if (controller.signal.aborted) return false;
      this.deliveries.push({ ...record, error: error instanceof Error ? error.message : String(error) });
      this.givenUp.add(message.messageId);
      return false;
    } finally {
      this.inFlight.delete(controller);
    }
  }

  private describe(message: SandboxSentMessage, url: string, status: SandboxReportStatus): SandboxReportDelivery {
    const now = new Date();
    const { payload, json } =
      message.api === 'ai'
        ? postBackPayload(message, status, now, this.workspaceOf(message))
        : campaignReportPayload(message, status, now);
    return {
      messageId: message.messageId,
      api: message.api,
      ...(message.account !== undefined && { account: message.account }),
      url,
      status,
      sentAt: now,
      payload,
      rawBody: json,
    };
  }
}
