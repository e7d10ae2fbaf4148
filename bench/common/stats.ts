/** Latency percentiles in milliseconds over a set of timed operations. */
export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

/** The value at `fraction` of an ascending array (nearest rank, no interpolation). */
export function percentile(sorted: ArrayLike<number>, fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/** The median; the mean of the middle two for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The median of the per-round ratios `subject[i] / baseline[i]`: each round of the subject is
 * compared with the baseline's round run right next to it, so a slow spell of the shared machine
 * weighs on one round's pair, not on one side.
 */
export function medianRatio(subject: readonly number[], baseline: readonly number[], name?: string): number {
  const ratios = subject.map((value, index) => value / baseline[index]);
  if (name !== undefined) {
    roundRatios[name] = ratios.map((ratio) => Number(ratio.toFixed(3)));
  }
  return median(ratios);
}

/**
 * Every named ratio's per-round values, for the JSON line and the spread printed next to each
 * goal: how much the shared machine moved the figure within one run.
 */
export const roundRatios: Record<string, number[]> = {};

/** p50, p99 and mean of `latenciesMs`. */
export function summarize(latenciesMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length),
    maxMs: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
  };
}

/** Rounds for the JSON line; null stays null. */
export function round(value: number | null | undefined, digits: number): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : Number(value.toFixed(digits));
}

/** A number for the printed table, or a dash. */
export function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/** Wall-clock time shared by every process on the machine (CLOCK_MONOTONIC on Linux), in ms. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Writes one line to stdout. */
export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
