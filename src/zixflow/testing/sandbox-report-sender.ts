import { loopbackUrlProblem, postJsonToLoopback } from './sandbox-loopback-client';
import type { SandboxReportDelivery, SandboxReportStatus, SandboxSentMessage } from './zixflow-sandbox.types';

/** Sandbox answer time-out for a report POST; the receiving app should answer at once. */
const REPORT_TIMEOUT_MS = 5000;
const REPORT_STATUSES: readonly SandboxReportStatus[] = ['sent', 'delivered'];

/**
 * Plays Zixflow's side of `reportURL`: for every accepted message that has one, POSTs a `sent`
 * report and then a `delivered` one, `delayMs` apart. The report format is undocumented; the payload
 * follows the AI API's post-back (§4.1 of the API notes) with the campaign API's camelCase ids.
 * Only loopback URLs are called; others are recorded as skipped.
 */
export class SandboxReportSender {
  private readonly deliveries: SandboxReportDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private stopped = false;

  /** @param delayMs - wait before each report, or false to send none. */
  constructor(private readonly delayMs: number | false) {}

  /** Every report sent or skipped so far, oldest first. */
  get records(): readonly SandboxReportDelivery[] {
    return [...this.deliveries];
  }

  /** Starts the report sequence for a message the sandbox accepted. */
  schedule(message: SandboxSentMessage): void {
    const url = message.body.reportURL;
    if (this.delayMs === false || this.stopped || typeof url !== 'string') return;
    const problem = loopbackUrlProblem(url);
    if (problem !== undefined) {
      this.deliveries.push({ ...this.describe(message, url, 'sent'), error: `not sent: reportURL ${problem}` });
      return;
    }
    this.sendInTurn(message, url, 0);
  }

  /** Cancels pending and running reports, e.g. between tests. */
  cancelAll(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
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

  private sendInTurn(message: SandboxSentMessage, url: string, index: number): void {
    const status = REPORT_STATUSES[index];
    if (status === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.post(message, url, status).then((posted) => {
        if (posted) this.sendInTurn(message, url, index + 1);
      });
    }, this.delayMs || 0);
    this.timers.add(timer);
  }

  /** Resolves whether the report reached the app, so a dead endpoint gets no further reports. */
  private async post(message: SandboxSentMessage, url: string, status: SandboxReportStatus): Promise<boolean> {
    const record = this.describe(message, url, status);
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      const answer = await postJsonToLoopback(url, record.payload, { timeoutMs: REPORT_TIMEOUT_MS, signal: controller.signal });
      this.deliveries.push({ ...record, responseStatus: answer.status });
      return answer.status >= 200 && answer.status < 300;
    } catch (error) {
      if (!controller.signal.aborted) this.deliveries.push({ ...record, error: error instanceof Error ? error.message : String(error) });
      return false;
    } finally {
      this.inFlight.delete(controller);
    }
  }

  private describe(message: SandboxSentMessage, url: string, status: SandboxReportStatus): SandboxReportDelivery {
    const now = new Date();
    const recipient = message.body.to;
    return {
      messageId: message.messageId,
      url,
      status,
      sentAt: now,
      payload: {
        type: 'delivery_status',
        channel: 'whatsapp',
        messageId: message.messageId,
        campaignId: message.campaignId,
        status,
        recipient,
        to: recipient,
        phoneId: message.body.phoneId,
        timestamp: now.getTime(),
        status_at: now.toISOString(),
        remark: '',
      },
    };
  }
}
