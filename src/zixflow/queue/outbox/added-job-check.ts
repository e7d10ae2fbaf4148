import type { Queue } from 'bullmq';

/**
 * BullMQ's add answers the same job id whether it stored a new job or found one under that id, and
 * records the creation time given with the add (`timestamp`) only when it stores. So each add of
 * this process carries a time no other add of this process uses, and reading the stored time back
 * tells which add created the job. Two processes adding the same id in the same millisecond could
 * both see their own time; that miscounts a report, never adds a second job.
 */
let lastTimestamp = 0;

/** A creation time, in ms, later than every one handed out before in this process. */
export function uniqueJobTimestamp(now: number = Date.now()): number {
  lastTimestamp = now > lastTimestamp ? now : lastTimestamp + 1;
  return lastTimestamp;
}

/**
 * For each job id, whether the job stored under it was created by the add that gave `timestamp`,
 * in one round trip. A job already gone (finished and removed at once) counts as created by it: it
 * was found missing a moment ago, when the add ran.
 */
export async function createdByAdd(queue: Queue, jobIds: readonly string[], timestamp: number): Promise<boolean[]> {
  if (jobIds.length === 0) return [];
  const client = await queue.client;
  // Sent together on the one connection, so one round trip whatever the number of ids.
  const stored = await Promise.all(jobIds.map((jobId) => client.hget(queue.toKey(jobId), 'timestamp')));
  return stored.map((value) => value === null || Number(value) === timestamp);
}
