import type { SandboxRecordedRequest } from './zixflow-sandbox.types';

interface RequestWaiter {
  count: number;
  resolve: (requests: SandboxRecordedRequest[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Every API request the sandbox received, in the order its body finished arriving, and the tests
 * waiting for a number of them. Hands out copies, so later traffic cannot change what a test holds.
 */
export class SandboxRequestRecorder {
  private readonly recorded: SandboxRecordedRequest[] = [];
  private readonly waiters = new Set<RequestWaiter>();

  /** A copy of every recorded request. */
  get all(): SandboxRecordedRequest[] {
    return [...this.recorded];
  }

  /** The latest request, if any. */
  get last(): SandboxRecordedRequest | undefined {
    return this.recorded[this.recorded.length - 1];
  }

  /** Records a request and releases the waiters it completes. */
  record(request: SandboxRecordedRequest): void {
    this.recorded.push(request);
    for (const waiter of this.waiters) {
      if (this.recorded.length < waiter.count) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve([...this.recorded]);
    }
  }

  /** Resolves once `count` requests exist; `stopped` refuses new waits on a sandbox that will never record again. */
  waitFor(count: number, timeoutMs: number, stopped: boolean): Promise<SandboxRecordedRequest[]> {
    if (!Number.isInteger(count) || count < 0)
      return Promise.reject(new RangeError(`ZixflowSandbox: invalid request count ${count}`));
    if (this.recorded.length >= count) return Promise.resolve([...this.recorded]);
    if (stopped) return Promise.reject(this.stoppedWhileWaitingError(count));
    return new Promise((resolve, reject) => {
      const waiter: RequestWaiter = {
        count,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(this.timeoutError(count, timeoutMs));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Forgets the recorded requests; pending waits keep waiting for new ones. */
  clear(): void {
    this.recorded.length = 0;
  }

  /** Rejects every pending wait, so a test never hangs on a stopped sandbox. */
  rejectWaiters(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(this.stoppedWhileWaitingError(waiter.count));
    }
    this.waiters.clear();
  }

  /** Names what did arrive, so a timed-out test shows whether the client called the wrong path or nothing. */
  private timeoutError(count: number, timeoutMs: number): Error {
    const seen = this.recorded.map((r) => `${r.method} ${r.path}`).join(', ') || 'none';
    return new Error(
      `ZixflowSandbox: timed out after ${timeoutMs} ms waiting for ${count} request(s); received ${this.recorded.length} (${seen})`,
    );
  }

  private stoppedWhileWaitingError(count: number): Error {
    return new Error(`ZixflowSandbox: stopped while waiting for ${count} request(s); received ${this.recorded.length}`);
  }
}
