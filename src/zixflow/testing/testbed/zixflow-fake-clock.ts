import type { ZixflowBotClock } from '../../bot/timers/zixflow-bot-clock';

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/**
 * A clock that moves only when told: `advance(ms)` runs every timer that falls due, in time order,
 * so a test fires a 10-minute idle time-out in a millisecond.
 */
export class ZixflowFakeClock implements ZixflowBotClock {
  private current: number;
  private readonly timers = new Set<Timer>();
  private seq = 0;

  /** @param start - the clock's first time. Default 2026-01-01T09:00:00Z. */
  constructor(start: Date = new Date('2026-01-01T09:00:00Z')) {
    this.current = start.getTime();
  }

  /** {@inheritDoc ZixflowBotClock.now} */
  now(): number {
    return this.current;
  }

  /** {@inheritDoc ZixflowBotClock.setTimer} */
  setTimer(callback: () => void, ms: number): () => void {
    const timer: Timer = { at: this.current + Math.max(0, ms), seq: (this.seq += 1), callback };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Timers not yet run. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, running each timer that falls due at its own time. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (let next = this.nextDue(end); next !== undefined; next = this.nextDue(end)) {
      this.timers.delete(next);
      this.current = next.at;
      next.callback();
    }
    this.current = end;
  }

  private nextDue(end: number): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of this.timers) {
      if (
        timer.at <= end &&
        (next === undefined || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq))
      ) {
        next = timer;
      }
    }
    return next;
  }
}
