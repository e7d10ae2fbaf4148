import type { SandboxAccountDirectory } from './sandbox-account.directory';
import { buildIncomingPayload } from './sandbox-incoming-payload';
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
 * the app connected for each account (a customer of brand-b reaches brand-b's route with
 * brand-b's secret, never another's), and every call in flight so stop() can abort them.
 */
export class SandboxWebhookSimulator {
  /** By account name; undefined is the default account. */
  private readonly apps = new Map<string | undefined, SandboxAppConnection>();
  private readonly outbound = new Set<AbortController>();
  private stopped = false;

  constructor(
    private readonly accounts: SandboxAccountDirectory,
    private readonly log: SandboxConversationLog,
    private readonly timeline: SandboxStatusTimeline,
  ) {}

  /** Whether an app was connected for the account (undefined: the default account). */
  connected(account: string | undefined): boolean {
    return this.apps.has(account);
  }

  /** Remembers where the app receives an account's webhooks; only loopback `http://` URLs are accepted. */
  connect(connection: SandboxAppConnection): void {
    const account = this.accounts.get(connection.account, 'connectApp account').name;
    const problem = loopbackUrlProblem(connection.incomingUrl);
    if (problem !== undefined)
      throw new RangeError(`ZixflowSandbox: incomingUrl ${JSON.stringify(connection.incomingUrl)} ${problem}`);
    this.apps.set(account, { ...connection });
  }

  /** Posts one customer message and resolves with the app's answer (see `ZixflowSandbox.simulateIncoming`). */
  async simulate(options: SandboxIncomingOptions): Promise<SandboxWebhookResult> {
    if (this.stopped) throw new Error('ZixflowSandbox: stopped; cannot simulate an incoming message');
    const account = this.accounts.get(options.account, 'simulateIncoming account');
    const target = this.target(options, account.name);
    const payload = buildIncomingPayload(options, account);
    const headers: Record<string, string> = { ...options.headers };
    if (target.secret !== undefined) headers[target.secretHeader ?? DEFAULT_WEBHOOK_SECRET_HEADER] = target.secret;
    const entry = this.log.addIncoming(payload, account.name);
    // On WhatsApp a customer who writes has seen what came before.
    this.timeline.markRead(this.log.unreadOutgoing(payload.sender.number, payload.phoneId, account.name));
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

  /** The explicit `to` (with only the secret given alongside), else the app connected for the account. */
  private target(options: SandboxIncomingOptions, account: string | undefined): WebhookTarget {
    if (options.to !== undefined)
      return { url: options.to, secret: options.secret, secretHeader: options.secretHeader };
    const app = this.apps.get(account);
    if (app === undefined) {
      const connect = account === undefined ? '' : `account: ${JSON.stringify(account)}, `;
      throw new Error(
        `ZixflowSandbox: simulateIncoming needs \`to\`, or an app connected with connectApp({ ${connect}incomingUrl, secret })`,
      );
    }
    return {
      url: app.incomingUrl,
      secret: options.secret ?? app.secret,
      secretHeader: options.secretHeader ?? app.secretHeader,
    };
  }
}
