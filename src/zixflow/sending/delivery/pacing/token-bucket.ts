/**
 * A token bucket holding up to `burst` tokens and refilled at `perSecond`, kept as one timestamp
 * (the generic cell rate algorithm) rather than a token count: `nextAt` is when the bucket will
 * next be empty-but-one, so taking a token is one addition and there is no refill loop.
 *
 * Times are milliseconds on a monotonic clock (`performance.now()`), passed in so the bucket is
 * a pure calculation that tests can drive without timers.
 */
/**
 * How far behind schedule a waiting caller may be served as if on time. Pauses of the event loop
 * of this size (garbage collection, a busy tick, a noisy virtual machine) happen routinely; their
 * sends are caught up so the rate holds. Longer stalls are written off, so a process that was
 * blocked for seconds never releases a flood of sends at once.
 */
const MAX_CATCH_UP_MS = 50;

export class TokenBucket {
  private readonly intervalMs: number;
  /** How far ahead of the steady schedule a send may start: the `burst - 1` spare tokens. */
  private readonly toleranceMs: number;
  /** How far behind schedule a waiter is still charged as scheduled: see {@link MAX_CATCH_UP_MS}. */
  private readonly catchUpMs: number;
  private nextAt = Number.NEGATIVE_INFINITY;

  /**
   * @param perSecond - refill rate, tokens per second (above 0).
   * @param burst - capacity: how many tokens a bucket left alone accumulates (1 or more).
   */
  constructor(perSecond: number, burst: number) {
    this.intervalMs = 1000 / perSecond;
    this.toleranceMs = (burst - 1) * this.intervalMs;
    this.catchUpMs = Math.max(this.intervalMs, MAX_CATCH_UP_MS);
  }

  /** Milliseconds until a token is available; 0 when one is available now. */
  delayMs(now: number): number {
    return Math.max(0, this.nextAt - this.toleranceMs - now);
  }

  /** Takes a token now. Call only when {@link delayMs} is 0. */
  take(now: number): void {
    this.nextAt = Math.max(this.nextAt, now) + this.intervalMs;
  }

  /**
   * Takes a token for a caller that was waiting for it, as of the moment it became available
   * rather than now. A timer always fires a little late (about 1 ms in Node, more under load);
   * charging the token at the late wake-up would stretch every interval and undershoot the rate by
   * 10-20 % at a few hundred per second. Lateness up to 50 ms (or one interval, if longer) is
   * caught up; beyond that the schedule restarts from now, so a long stall causes no flood.
   */
  takeAsScheduled(now: number): void {
    this.nextAt = Math.max(this.nextAt, now - this.toleranceMs - this.catchUpMs) + this.intervalMs;
  }
}
