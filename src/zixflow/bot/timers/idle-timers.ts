import type { ZixflowBotClock } from './zixflow-bot-clock';
import type { ZixflowBotTimers } from './zixflow-bot-timers.interface';

/** What an idle timer does when it fires, if the conversation has not moved since it was set. */
export interface IdleTimerJob {
  conversationKey: string;
  /** `lastActivityAt` of the conversation when the timer was set; any later activity voids it. */
  activityAt: string;
  kind: 'nudge' | 'expire';
}

/**
 * One pending idle timer per conversation and kind; setting a new one replaces the old. In memory:
 * `nestjs-zixflow/redis` keeps them as delayed jobs that survive restarts.
 */
export class IdleTimers implements ZixflowBotTimers {
  private readonly pending = new Map<string, () => void>();
  private fire: ((job: IdleTimerJob) => Promise<void>) | undefined;

  /** @param clock - whose timers to use. */
  constructor(private readonly clock: ZixflowBotClock) {}

  /** Delivers due timers to `fire`. */
  start(fire: (job: IdleTimerJob) => Promise<void>): void {
    this.fire = fire;
  }

  /** Cancels every timer (at shutdown). */
  stop(): void {
    this.clearAll();
    this.fire = undefined;
  }

  /** Sets (or replaces) the conversation's timer of `job.kind`. */
  set(job: IdleTimerJob, delayMs: number): void {
    const id = `${job.conversationKey}|${job.kind}`;
    this.pending.get(id)?.();
    this.pending.set(
      id,
      this.clock.setTimer(() => {
        this.pending.delete(id);
        void this.fire?.(job);
      }, delayMs),
    );
  }

  /** Cancels the conversation's timers. */
  clear(conversationKey: string): void {
    for (const kind of ['nudge', 'expire']) {
      const id = `${conversationKey}|${kind}`;
      this.pending.get(id)?.();
      this.pending.delete(id);
    }
  }

  /** Cancels every timer (at shutdown). */
  clearAll(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}
