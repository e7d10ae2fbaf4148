import { percentile } from './common/stats';

/** Throughput and latency of one client at one concurrency, over all its rounds. */
export interface RunResult {
  sends: number;
  concurrency: number;
  throughput: number;
  /** Throughput of each round, in order: ratios are taken round by round. */
  roundThroughputs: number[];
  /** This process's CPU time (user + system) per send in each round, in µs. */
  roundCpuUsPerSend: number[];
  /** Latency percentiles in milliseconds; undefined where single sends cannot be timed (sendMany). */
  p50Ms: number | undefined;
  p99Ms: number | undefined;
  meanMs: number | undefined;
}

/** Collects the rounds of one client: sends, busy time and (for single sends) every latency. */
export class RunRecorder {
  private sent = 0;
  private elapsedMs = 0;
  private readonly latencies: number[] = [];
  private readonly rounds: number[] = [];
  private readonly cpuUs: number[] = [];

  constructor(private readonly concurrency: number) {}

  /** Runs `send` `total` times with `concurrency` callers in flight, timing every call. */
  async timeEach(send: () => Promise<unknown>, total: number): Promise<void> {
    let next = 0;
    const caller = async (): Promise<void> => {
      while (next < total) {
        next += 1;
        const startedAt = performance.now();
        await send();
        this.latencies.push(performance.now() - startedAt);
      }
    };
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: this.concurrency }, caller));
    this.record(total, performance.now() - startedAt, process.cpuUsage(cpuBefore));
  }

  /** Times one call that sends `total` messages itself (sendMany); only throughput is observable. */
  async timeBatch(sendBatch: () => Promise<unknown>, total: number): Promise<void> {
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    await sendBatch();
    this.record(total, performance.now() - startedAt, process.cpuUsage(cpuBefore));
  }

  /** Throughput over all rounds, and latency percentiles over all timed sends. */
  result(): RunResult {
    const sorted = Float64Array.from(this.latencies).sort();
    const timed = sorted.length > 0;
    return {
      sends: this.sent,
      concurrency: this.concurrency,
      throughput: (this.sent / this.elapsedMs) * 1000,
      roundThroughputs: [...this.rounds],
      roundCpuUsPerSend: [...this.cpuUs],
      p50Ms: timed ? percentile(sorted, 0.5) : undefined,
      p99Ms: timed ? percentile(sorted, 0.99) : undefined,
      meanMs: timed ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : undefined,
    };
  }

  private record(sends: number, elapsedMs: number, cpu: NodeJS.CpuUsage): void {
    this.sent += sends;
    this.elapsedMs += elapsedMs;
    this.rounds.push((sends / elapsedMs) * 1000);
    this.cpuUs.push((cpu.user + cpu.system) / sends);
  }
}
