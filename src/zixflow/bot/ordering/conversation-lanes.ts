/**
 * Runs one conversation's turns one at a time, in the order they were added, and different
 * conversations in parallel up to a bound. A customer who sends two messages quickly gets the first
 * answered before the second is even read: no double replies, no replies out of order, nothing
 * dropped (the lane queues, it never rejects).
 */
export class ConversationLanes {
  private readonly lanes = new Map<string, Array<() => Promise<void>>>();
  private readonly waitingLanes: string[] = [];
  private running = 0;
  private idleWaiters: Array<() => void> = [];

  /** @param maxParallel - conversations whose turns may run at the same time. */
  constructor(private readonly maxParallel: number) {}

  /** Queues `turn` behind the conversation's earlier turns. Errors are the turn's to handle. */
  add(key: string, turn: () => Promise<void>): void {
    const lane = this.lanes.get(key);
    if (lane !== undefined) {
      lane.push(turn);
      return;
    }
    this.lanes.set(key, [turn]);
    this.waitingLanes.push(key);
    this.pump();
  }

  /** Resolves once every queued turn has run. */
  whenIdle(): Promise<void> {
    if (this.lanes.size === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** How many turns are queued or running. */
  get pending(): number {
    let count = 0;
    for (const lane of this.lanes.values()) count += lane.length;
    return count;
  }

  private pump(): void {
    while (this.running < this.maxParallel && this.waitingLanes.length > 0) {
      const key = this.waitingLanes.shift() as string;
      this.running += 1;
      void this.drain(key);
    }
  }

  private async drain(key: string): Promise<void> {
    const lane = this.lanes.get(key) as Array<() => Promise<void>>;
    while (lane.length > 0) {
      // The turn stays in the lane while it runs, so a message arriving meanwhile queues behind it.
      await lane[0]().catch(() => undefined);
      lane.shift();
    }
    this.lanes.delete(key);
    this.running -= 1;
    this.pump();
    if (this.lanes.size === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}
