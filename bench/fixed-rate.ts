import { percentile } from './common/stats';
import type { SendOnce } from './bench-clients';

/** Latency of sends started on a fixed schedule, measured from when each send was due. */
export interface FixedRateResult {
  perSecond: number;
  sends: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Open loop: starts `perSecond` sends a second for `seconds`, whether or not earlier ones have
 * answered, and times each from the moment it was due (not when the timer got round to it), so a
 * stalled event loop shows up in the latencies instead of silently lowering the rate.
 */
export async function runAtFixedRate(send: SendOnce, perSecond: number, seconds: number): Promise<FixedRateResult> {
  const total = Math.round(perSecond * seconds);
  const intervalMs = 1000 / perSecond;
  const latencies = new Float64Array(total);
  const pending: Array<Promise<void>> = [];
  const startedAt = performance.now();
  let started = 0;
  while (started < total) {
    const now = performance.now();
    while (started < total && startedAt + started * intervalMs <= now) {
      const index = started;
      const dueAt = startedAt + index * intervalMs;
      pending.push(
        send().then(() => {
          latencies[index] = performance.now() - dueAt;
        }),
      );
      started += 1;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(pending);
  const sorted = latencies.sort();
  return { perSecond, sends: total, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
}
