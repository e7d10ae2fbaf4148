import type { ServiceClient } from './bench-clients';
import { RunRecorder, RunResult } from './measure';

/** Resident memory before and after a large bulk send, in megabytes. */
export interface MemoryGrowth {
  sends: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  heapAfterMb: number;
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
 * array; 100 000 pending promises or request bodies would show here.
 */
export async function measureMemoryGrowth(
  service: ServiceClient,
  sends: number,
  concurrency: number,
): Promise<MemoryGrowth> {
  collectGarbage();
  const before = process.memoryUsage();
  const recorder = new RunRecorder(concurrency);
  await recorder.timeBatch(() => service.sendMany(sends, concurrency), sends);
  collectGarbage();
  const after = process.memoryUsage();
  return {
    sends,
    rssBeforeMb: before.rss / MB,
    rssAfterMb: after.rss / MB,
    heapAfterMb: after.heapUsed / MB,
    rssGrowthMb: (after.rss - before.rss) / MB,
    run: recorder.result(),
  };
}
