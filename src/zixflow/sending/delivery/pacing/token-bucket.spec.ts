import { TokenBucket } from './token-bucket';

/** Takes tokens at the times they become available, starting at `from`, and returns those times. */
function schedule(bucket: TokenBucket, count: number, from = 0): number[] {
  const times: number[] = [];
  let now = from;
  for (let i = 0; i < count; i += 1) {
    now += bucket.delayMs(now);
    bucket.take(now);
    times.push(now);
  }
  return times;
}

/** Takes, as scheduled, every token available at `now` (the lane's loop after a late wake-up). */
function countReleasedAt(bucket: TokenBucket, now: number): number {
  let released = 0;
  while (bucket.delayMs(now) === 0 && released < 10_000) {
    bucket.takeAsScheduled(now);
    released += 1;
  }
  return released;
}

describe('TokenBucket', () => {
  it('a fresh bucket gives its first token at once', () => {
    expect(new TokenBucket(10, 1).delayMs(0)).toBe(0);
  });

  it('burst 1: tokens are evenly spaced at 1000 / perSecond ms', () => {
    expect(schedule(new TokenBucket(10, 1), 5)).toEqual([0, 100, 200, 300, 400]);
  });

  it('burst 3: three tokens at once, then the steady rate', () => {
    expect(schedule(new TokenBucket(10, 3), 6)).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('fractional rates: 0.5 per second is one token every 2 s', () => {
    expect(schedule(new TokenBucket(0.5, 1), 3)).toEqual([0, 2000, 4000]);
  });

  it('refills to at most burst after a quiet period', () => {
    const bucket = new TokenBucket(10, 2);
    schedule(bucket, 4);
    // Ten seconds of silence would be 100 tokens; the bucket holds 2.
    expect(schedule(bucket, 4, 10_000)).toEqual([10_000, 10_000, 10_100, 10_200]);
  });

  it('says how long until the next token', () => {
    const bucket = new TokenBucket(4, 1);
    bucket.take(0);
    expect(bucket.delayMs(0)).toBe(250);
    expect(bucket.delayMs(100)).toBe(150);
    expect(bucket.delayMs(250)).toBe(0);
    expect(bucket.delayMs(900)).toBe(0);
  });

  describe('takeAsScheduled (a waiter woken late by its timer)', () => {
    it('keeps the schedule instead of stretching the interval by the lateness', () => {
      const late = new TokenBucket(200, 1);
      const times: number[] = [];
      let now = 0;
      late.take(now);
      for (let i = 0; i < 200; i += 1) {
        now += late.delayMs(now) + 1.2; // every wake-up 1.2 ms late, as Node's timers are
        late.takeAsScheduled(now);
        times.push(now);
      }
      // 200 tokens at 200/s take 1 s of schedule; lateness must not add 200 × 1.2 ms to it.
      expect(times[times.length - 1]).toBeGreaterThanOrEqual(1000);
      expect(times[times.length - 1]).toBeLessThan(1000 + 2 * 1.2 + 5);
    });

    it('take() at the late time would have lost the lateness (the problem it solves)', () => {
      const naive = new TokenBucket(200, 1);
      let now = 0;
      naive.take(now);
      for (let i = 0; i < 200; i += 1) {
        now += naive.delayMs(now) + 1.2;
        naive.take(now);
      }
      expect(now).toBeCloseTo(200 * 6.2, 5);
    });

    it('catches up a stall of up to 50 ms: the sends it owes go at once, then the steady rate', () => {
      const bucket = new TokenBucket(200, 1);
      bucket.take(0);
      // Due at 5 ms, woken at 45 ms: the tokens of 5..45 ms are owed, 9 in all.
      const released = countReleasedAt(bucket, 45);
      expect(released).toBe(9);
      expect(bucket.delayMs(45)).toBe(5);
    });

    it('writes off a longer stall: at most 50 ms worth of sends (or one interval, if longer) at once', () => {
      const fast = new TokenBucket(200, 1);
      fast.take(0);
      // The event loop stalled for a second: 200 tokens' worth, but only ~50 ms of them are released.
      expect(countReleasedAt(fast, 1000)).toBe(11);
      expect(fast.delayMs(1000)).toBe(5);

      const slow = new TokenBucket(10, 1);
      slow.take(0);
      expect(countReleasedAt(slow, 1000)).toBe(2); // one interval (100 ms) of catch-up
    });
  });
});
