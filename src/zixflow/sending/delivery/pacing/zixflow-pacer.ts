import { ResolvedRateLimitOptions, ResolvedZixflowOptions } from '../../options/zixflow-options.schema';
import { PacingRefusalError } from './pacing-refusal';
import { SendLane } from './send-lane';

/**
 * Applies `rateLimit` per sending number: each `phoneId` gets its own {@link SendLane}, created on
 * first use (a workspace has a handful of numbers, so lanes are kept for the app's lifetime).
 * Without `rateLimit` every task runs at once.
 */
export class ZixflowPacer {
  private readonly lanes = new Map<string, SendLane>();

  constructor(private readonly options: ResolvedZixflowOptions) {}

  /**
   * Runs `task` once `phoneId` may send. `budgetMs` covers the wait plus the task, which receives
   * what is left of it; the wait fails with `refusalError` when the queue is full or the budget
   * runs out first.
   */
  run<T>(
    phoneId: string,
    budgetMs: number,
    refusalError: PacingRefusalError,
    task: (remainingMs: number) => Promise<T>,
  ): Promise<T> {
    const limits = this.options.rateLimit;
    return limits === undefined
      ? task(budgetMs)
      : this.runPaced(this.lane(phoneId, limits), budgetMs, refusalError, task);
  }

  private async runPaced<T>(
    lane: SendLane,
    budgetMs: number,
    refusalError: PacingRefusalError,
    task: (remainingMs: number) => Promise<T>,
  ): Promise<T> {
    const startedAt = performance.now();
    const release = await lane.acquire(budgetMs, refusalError);
    try {
      return await task(Math.max(1, Math.floor(budgetMs - (performance.now() - startedAt))));
    } finally {
      release();
    }
  }

  private lane(phoneId: string, limits: ResolvedRateLimitOptions): SendLane {
    let lane = this.lanes.get(phoneId);
    if (lane === undefined) {
      lane = new SendLane(limits);
      this.lanes.set(phoneId, lane);
    }
    return lane;
  }
}
