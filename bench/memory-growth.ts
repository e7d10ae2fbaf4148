import type { ServiceClient } from './bench-clients';
import { RunRecorder, RunResult } from './measure';

/** Resident memory before and after a large bulk send, in megabytes. */
export interface MemoryGrowth {
  sends: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** Highest RSS seen during the run (sampled every 100 ms), and V8's committed heap at that moment. */
  rssPeakMb: number;
  heapTotalAtPeakMb: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  /** V8's committed heap after the run: pages it keeps for reuse count in RSS though nothing lives there. */
  heapTotalAfterMb: number;
  externalAfterMb: number;
  rssGrowthMb: number;
  /** Throughput of the run itself. */
  run: RunResult;
}

const MB = 1024 * 1024;

/** Collects garbage when the process runs with --expose-gc, so the numbers are not noise from old garbage. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Sends `sends` messages through one `sendMany` and compares RSS before and after, with the
 * outcomes array still held (as a caller holds it). Bounded streaming keeps the growth to that
 * array; 100 000 pending promises or request bodies would show here. "After" is taken after a
 * full GC, half a second for V8 to hand back what it no longer uses, and another GC, so it is
 * what the run retained rather than how high the heap went; the peak is reported beside it.
 */
export async function measureMemoryGrowth(
  service: ServiceClient,
  sends: number,
  concurrency: number,
): Promise<MemoryGrowth> {
  collectGarbage();
  const before = process.memoryUsage();
  let peak = before;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak = now.rss > peak.rss ? now : peak;
  }, 100);
  const recorder = new RunRecorder(concurrency);
  try {
    await recorder.timeBatch(() => service.sendMany(sends, concurrency), sends);
  } finally {
    clearInterval(sampler);
  }
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 500));
  collectGarbage();
  const after = process.memoryUsage();
  return {
    sends,
    rssBeforeMb: before.rss / MB,
    rssAfterMb: after.rss / MB,
    rssPeakMb: Math.max(peak.rss, after.rss) / MB,
    heapTotalAtPeakMb: peak.heapTotal / MB,
    heapBeforeMb: before.heapUsed / MB,
    heapAfterMb: after.heapUsed / MB,
    heapTotalAfterMb: after.heapTotal / MB,
    externalAfterMb: after.external / MB,
    rssGrowthMb: (after.rss - before.rss) / MB,
    run: recorder.result(),
  };
}
