import { buildIncomingPayload, type SandboxAccount } from './sandbox-incoming-payload';
import type { SandboxConversationLog } from './sandbox-conversation.log';
import { loopbackUrlProblem, postJsonToLoopback } from './sandbox-loopback-client';
import type { SandboxStatusTimeline } from './sandbox-status.timeline';
import type { SandboxAppConnection, SandboxIncomingOptions, SandboxWebhookResult } from './zixflow-sandbox.types';

const DEFAULT_WEBHOOK_SECRET_HEADER = 'x-zixflow-secret';
const DEFAULT_WEBHOOK_TIMEOUT_MS = 5000;

/** Where one simulated message is posted. */
interface WebhookTarget {
  url: string;
  secret?: string;
  secretHeader?: string;
}

/**
 * Plays Zixflow calling the app's incoming-message webhook: builds the payload, posts it to a
 * loopback URL only, and writes the message and its outcome into the conversation log. It keeps
 * the connected app, and every call in flight so stop() can abort them.
 */
export class SandboxWebhookSimulator {
  private app: SandboxAppConnection | undefined;
  private readonly outbound = new Set<AbortController>();
  private stopped = false;

  constructor(
    private readonly account: SandboxAccount,
    private readonly log: SandboxConversationLog,
    private readonly timeline: SandboxStatusTimeline,
  ) {}

  /** Whether an app was connected. */
  get connected(): boolean {
    return this.app !== undefined;
  }

  /** Remembers where the app receives webhooks; only loopback `http://` URLs are accepted. */
  connect(connection: SandboxAppConnection): void {
    const problem = loopbackUrlProblem(connection.incomingUrl);
    if (problem !== undefined)
      throw new RangeError(`ZixflowSandbox: incomingUrl ${JSON.stringify(connection.incomingUrl)} ${problem}`);
    this.app = { ...connection };
  }

  /** Posts one customer message and resolves with the app's answer (see `ZixflowSandbox.simulateIncoming`). */
  async simulate(options: SandboxIncomingOptions): Promise<SandboxWebhookResult> {
    if (this.stopped) throw new Error('ZixflowSandbox: stopped; cannot simulate an incoming message');
    const target = this.target(options);
    const payload = buildIncomingPayload(options, this.account);
    const headers: Record<string, string> = { ...options.headers };
    if (target.secret !== undefined) headers[target.secretHeader ?? DEFAULT_WEBHOOK_SECRET_HEADER] = target.secret;
    const entry = this.log.addIncoming(payload);
    // On WhatsApp a customer who writes has seen what came before.
    this.timeline.markRead(this.log.unreadOutgoing(payload.sender.number, payload.phoneId));
    const controller = new AbortController();
    this.outbound.add(controller);
    try {
      const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
      const answer = await postJsonToLoopback(target.url, payload, { headers, timeoutMs, signal: controller.signal });
      this.log.setWebhookResult(entry.id, { status: answer.status });
      return { ...answer, payload };
    } catch (error) {
      this.log.setWebhookResult(entry.id, { error: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      this.outbound.delete(controller);
    }
  }

  /** Refuses further simulations and aborts the calls still waiting for the app. */
  stop(): void {
    this.stopped = true;
    this.outbound.forEach((controller) => controller.abort());
  }

  /** The explicit `to` (with only the secret given alongside), else the connected app. */
  private target(options: SandboxIncomingOptions): WebhookTarget {
    if (options.to !== undefined)
      return { url: options.to, secret: options.secret, secretHeader: options.secretHeader };
    if (this.app === undefined) {
      throw new Error(
        'ZixflowSandbox: simulateIncoming needs `to`, or an app connected with connectApp({ incomingUrl, secret })',
      );
    }
    return {
      url: this.app.incomingUrl,
      secret: options.secret ?? this.app.secret,
      secretHeader: options.secretHeader ?? this.app.secretHeader,
    };
  }
}
