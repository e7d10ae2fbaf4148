import { ResolvedRateLimitOptions } from '../../options/zixflow-options.schema';
import { PacingRefusalError, ReleaseSlot } from './pacing-refusal';
import { TokenBucket } from './token-bucket';

/** A caller waiting for a slot, with the timer that refuses it when its wait budget runs out. */
interface Waiter {
  grant: (release: ReleaseSlot) => void;
  refuse: (error: Error) => void;
  expiry: NodeJS.Timeout;
}

/**
 * The send budget of one sending number: a token bucket for the rate, a count of requests in
 * flight for `maxConcurrent`, and a bounded first-in-first-out queue of callers waiting for both.
 * Callers are served strictly in arrival order; a newcomer never overtakes the queue, even when
 * a token happens to be free.
 */
export class SendLane {
  private readonly bucket: TokenBucket;
  private readonly waiting: Waiter[] = [];
  private inFlight = 0;
  /** Pending wake-up for the next token; while it is set, the queue waits on the rate, not on a slot. */
  private wakeUp: NodeJS.Timeout | undefined;
  /** The queue has been waiting on the bucket since it last emptied, so tokens are charged as scheduled. */
  private backlogged = false;

  /**
   * @param limits - rate, burst, concurrency and queue bound of this number.
   * @param now - monotonic clock in milliseconds.
   */
  constructor(
    private readonly limits: ResolvedRateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.bucket = new TokenBucket(limits.perSecond, limits.burst);
  }

  /**
   * Resolves with a release function once the caller may send, or rejects with
   * `refusalError('queue-full')` at once when `maxQueued` callers already wait, or with
   * `refusalError('wait-expired')` when no slot came within `waitMs`.
   */
  acquire(waitMs: number, refusalError: PacingRefusalError): Promise<ReleaseSlot> {
    if (this.waiting.length === 0 && this.inFlight < this.limits.maxConcurrent) {
      const now = this.now();
      if (this.bucket.delayMs(now) === 0) {
        this.bucket.take(now);
        return Promise.resolve(this.occupySlot());
      }
    }
    if (this.waiting.length >= this.limits.maxQueued) {
      return Promise.reject(refusalError('queue-full'));
    }
    return new Promise<ReleaseSlot>((grant, refuse) => {
      const waiter: Waiter = {
        grant,
        refuse,
        expiry: setTimeout(() => this.expire(waiter, refusalError), waitMs),
      };
      this.waiting.push(waiter);
      if (this.wakeUp === undefined) {
        this.serveQueue();
      }
    });
  }

  /** Grants waiting callers in order while both a slot and a token are free; otherwise sleeps until the next token. */
  private serveQueue(): void {
    this.wakeUp = undefined;
    while (this.waiting.length > 0 && this.inFlight < this.limits.maxConcurrent) {
      const now = this.now();
      const delayMs = this.bucket.delayMs(now);
      if (delayMs > 0) {
        this.backlogged = true;
        // Rounded up: a timer that fires before the token is due would only be set again.
        this.wakeUp = setTimeout(() => this.serveQueue(), Math.ceil(delayMs));
        return;
      }
      if (this.backlogged) {
        this.bucket.takeAsScheduled(now);
      } else {
        this.bucket.take(now);
      }
      const waiter = this.waiting.shift() as Waiter;
      clearTimeout(waiter.expiry);
      waiter.grant(this.occupySlot());
    }
    if (this.waiting.length === 0) {
      this.backlogged = false;
    }
  }

  private occupySlot(): ReleaseSlot {
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.inFlight -= 1;
      // While a wake-up is pending the queue waits on the rate: a freed slot changes nothing yet.
      if (this.waiting.length > 0 && this.wakeUp === undefined) {
        this.serveQueue();
      }
    };
  }

  private expire(waiter: Waiter, refusalError: PacingRefusalError): void {
    const index = this.waiting.indexOf(waiter);
    if (index === -1) {
      return;
    }
    this.waiting.splice(index, 1);
    if (this.waiting.length === 0) {
      clearTimeout(this.wakeUp);
      this.wakeUp = undefined;
      this.backlogged = false;
    }
    waiter.refuse(refusalError('wait-expired'));
  }
}
