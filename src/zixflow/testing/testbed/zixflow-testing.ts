import type { OnApplicationShutdown } from '@nestjs/common';
// Types from the main entry only: it names neither @nestjs/event-emitter nor @nestjs/testing.
import type { ZixflowModuleOptions } from '../../index';
import { ZixflowSandbox } from '../zixflow-sandbox';
import type { SandboxScriptedResponse, SandboxSentMessage, ZixflowSandboxOptions } from '../zixflow-sandbox.types';

/** How long {@link ZixflowTesting.waitForMessages} polls between looks, in ms. */
const POLL_MS = 10;

/** A phone number as the API receives it: digits, country code first (`+1 302…`, `001 302…` → `1302…`). */
function digitsOf(number: string): string {
  return number.replace(/\D/g, '').replace(/^00/, '');
}

/**
 * What `ZixflowTestingModule` gives a test: the {@link ZixflowSandbox} the real
 * `ZixflowWhatsappService` sends to, and assertions on what it received. Get it with
 * `moduleRef.get(ZixflowTesting)` or inject it. The sandbox stops when the application (or testing
 * module) closes.
 */
export class ZixflowTesting implements OnApplicationShutdown {
  private constructor(
    /** The sandbox itself, for everything else it offers (`requests`, `simulateIncoming`, `registerTemplate`, …). */
    readonly sandbox: ZixflowSandbox,
    private readonly overrides: Partial<ZixflowModuleOptions>,
  ) {}

  /** Starts a sandbox on 127.0.0.1 (inbox off unless `sandbox.inbox` says otherwise). */
  static async start(
    sandbox: ZixflowSandboxOptions = {},
    zixflow: Partial<ZixflowModuleOptions> = {},
  ): Promise<ZixflowTesting> {
    return new ZixflowTesting(await ZixflowSandbox.start({ inbox: false, ...sandbox }), zixflow);
  }

  /**
   * The `ZixflowModule` options that point the real client at this sandbox: its URL, its key (a
   * test never needs one of its own), its sender id as `defaultPhoneId`, and no retries, so a
   * scripted failure reaches the test at once; then the test's own options on top.
   */
  moduleOptions(): ZixflowModuleOptions {
    const ai = (this.overrides as { api?: unknown }).api === 'ai';
    return {
      apiKey: this.sandbox.apiKey,
      baseUrl: this.sandbox.url,
      defaultPhoneId: this.sandbox.phoneId,
      retry: false,
      ...(ai ? { workspaceId: this.sandbox.workspaceId } : {}),
      ...this.overrides,
    } as ZixflowModuleOptions;
  }

  /** Every message the sandbox accepted, oldest first (scripted answers and refused sends are not in it). */
  get messages(): readonly SandboxSentMessage[] {
    return this.sandbox.messages;
  }

  /** The last message accepted, if any. */
  get lastMessage(): SandboxSentMessage | undefined {
    return this.messages.at(-1);
  }

  /** The messages accepted for one number, in any spelling (`+1 302 389 5111`, `13023895111`), oldest first. */
  messagesTo(number: string): SandboxSentMessage[] {
    const digits = digitsOf(number);
    return this.messages.filter((message) => message.to === digits);
  }

  /** The last message accepted for one number, in any spelling; undefined when none was. */
  lastMessageTo(number: string): SandboxSentMessage | undefined {
    return this.messagesTo(number).at(-1);
  }

  /**
   * Makes the next sends fail: `failNext(503)`, `failNext(400, 'Invalid data Provided')`. The
   * answer is Zixflow's error shape (`{ status: false, message }`); the library turns it into its
   * typed error (`ZixflowServerError`, `ZixflowBadRequestError`, …). `times` makes that many
   * consecutive sends fail.
   */
  failNext(status: number, message = `Scripted failure (HTTP ${status})`, times = 1): this {
    const answer: SandboxScriptedResponse = { status, body: { status: false, message } };
    return this.respondNext(...Array.from({ length: times }, () => answer));
  }

  /**
   * Scripts the next answers exactly, in order: any status, body or headers, a delay, a dropped
   * connection (`{ drop: true }`) or no answer at all (`{ stall: true }`, for time-outs).
   */
  respondNext(...responses: SandboxScriptedResponse[]): this {
    this.sandbox.respondNext(...responses);
    return this;
  }

  /**
   * Resolves once the sandbox has accepted `count` messages in all, e.g. after an event whose
   * listener sends in the background; rejects after `timeoutMs` saying how many arrived.
   */
  async waitForMessages(count: number, timeoutMs = 5000): Promise<readonly SandboxSentMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() >= deadline) {
        throw new Error(
          `Expected ${count} message(s) within ${timeoutMs} ms; the sandbox accepted ${this.messages.length}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return this.messages;
  }

  /** Forgets every message, request and scripted answer, e.g. in `afterEach`. */
  clear(): void {
    this.sandbox.clear();
  }

  /** Stops the sandbox with the application, so no server outlives the test. */
  async onApplicationShutdown(): Promise<void> {
    await this.sandbox.stop();
  }
}
