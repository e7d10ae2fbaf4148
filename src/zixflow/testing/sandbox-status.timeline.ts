import type { SandboxMessageStatus, SandboxSentMessage } from './zixflow-sandbox.types';

/** Called for every step a message takes after `accepted`, in order, never twice for one step. */
export type SandboxStatusListener = (
  message: SandboxSentMessage,
  status: Exclude<SandboxMessageStatus, 'accepted'>,
) => void;

/** The order a message moves through; a later step implies every earlier one, as on WhatsApp. */
const STEPS: readonly SandboxMessageStatus[] = ['accepted', 'sent', 'delivered', 'read'];
/** Steps that happen by themselves after a pause; `read` only happens when the customer writes back. */
const TIMED_STEPS = new Set<SandboxMessageStatus>(['sent', 'delivered']);

interface TrackedMessage {
  message: SandboxSentMessage;
  status: SandboxMessageStatus;
  /** When the message reached `status`, for the AI API's delivery report (`statusAt`). */
  changedAt: Date;
  timer?: NodeJS.Timeout;
}

/**
 * Plays what happens to a message after the API accepted it: `sent`, then `delivered`, each
 * `delayMs` after the previous step, then `read` once the customer writes in the same
 * conversation (the surest sign a person has read it). One timeline feeds both the delivery
 * reports and the inbox, so the two can never disagree.
 */
export class SandboxStatusTimeline {
  private readonly tracked = new Map<string, TrackedMessage>();
  private stopped = false;

  constructor(
    private readonly delayMs: number,
    private readonly onChange: SandboxStatusListener,
  ) {}

  /** Starts the timeline of a message the sandbox has just accepted. */
  track(message: SandboxSentMessage): void {
    if (this.stopped) return;
    const entry: TrackedMessage = { message, status: 'accepted', changedAt: message.receivedAt };
    this.tracked.set(message.messageId, entry);
    this.scheduleNextStep(entry);
  }

  /** The message's current status, or undefined when the sandbox does not know the id. */
  statusOf(messageId: string): SandboxMessageStatus | undefined {
    return this.tracked.get(messageId)?.status;
  }

  /** The message's current status and when it was reached, or undefined for an unknown id. */
  stateOf(messageId: string): { status: SandboxMessageStatus; changedAt: Date } | undefined {
    const entry = this.tracked.get(messageId);
    return entry === undefined ? undefined : { status: entry.status, changedAt: entry.changedAt };
  }

  /** Marks messages read, passing through the steps they had not reached yet so listeners see every step. */
  markRead(messageIds: Iterable<string>): void {
    for (const id of messageIds) {
      const entry = this.tracked.get(id);
      if (entry === undefined) continue;
      clearTimeout(entry.timer);
      while (entry.status !== 'read') this.advance(entry);
    }
  }

  /** Cancels pending steps and forgets every message, e.g. between tests. */
  forgetAll(): void {
    this.tracked.forEach((entry) => clearTimeout(entry.timer));
    this.tracked.clear();
  }

  /** Cancels everything and ignores later messages. */
  stop(): void {
    this.stopped = true;
    this.forgetAll();
  }

  private scheduleNextStep(entry: TrackedMessage): void {
    const next = nextStep(entry.status);
    if (next === undefined || !TIMED_STEPS.has(next)) return;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (this.tracked.get(entry.message.messageId) !== entry) return;
      this.advance(entry);
      this.scheduleNextStep(entry);
    }, this.delayMs);
  }

  private advance(entry: TrackedMessage): void {
    const next = nextStep(entry.status);
    if (next === undefined || next === 'accepted') return;
    entry.status = next;
    entry.changedAt = new Date();
    this.onChange(entry.message, next);
  }
}

function nextStep(status: SandboxMessageStatus): SandboxMessageStatus | undefined {
  return STEPS[STEPS.indexOf(status) + 1];
}
