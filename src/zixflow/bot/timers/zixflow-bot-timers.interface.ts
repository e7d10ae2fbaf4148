import type { IdleTimerJob } from './idle-timers';

/**
 * Where dialog idle time-outs and nudges wait. The default keeps them in this process (lost on
 * restart); `nestjs-zixflow/redis` keeps them as delayed BullMQ jobs that survive restarts and fire
 * on whichever instance is up. A timer that fires after the conversation moved on does nothing.
 */
export interface ZixflowBotTimers {
  /** Sets (or replaces) the conversation's timer of `job.kind`, due in `delayMs`. */
  set(job: IdleTimerJob, delayMs: number): void | Promise<void>;
  /** Cancels the conversation's timers. */
  clear(conversationKey: string): void | Promise<void>;
  /** Starts delivering due timers to `fire`. */
  start(fire: (job: IdleTimerJob) => Promise<void>): void | Promise<void>;
  /** Stops delivering; timers stay set where they are durable. */
  stop(): void | Promise<void>;
}
