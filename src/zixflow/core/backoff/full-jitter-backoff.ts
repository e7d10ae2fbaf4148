/**
 * "Full jitter" exponential back-off (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * a uniformly random delay from 0 to `min(maxDelayMs, minDelayMs * 2^(attempt - 1))`. The
 * randomness spreads out the retries of every client hit by the same outage, so they do not come
 * back in lockstep and cause the next one.
 *
 * @param attempt - the attempt that just failed, from 1.
 * @param random - a source of numbers in [0, 1); injectable for tests.
 */
export function fullJitterDelayMs(
  attempt: number,
  minDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
