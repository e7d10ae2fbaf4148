import type { Worker } from 'bullmq';

/** How a worker's shutdown went. */
export type WorkerCloseOutcome = 'finished' | 'abandoned';

/**
 * Closes a BullMQ worker within a time limit: it takes no new job at once (paused), and the sends
 * in flight may finish for up to `timeoutMs`. When they have not by then, the worker is closed by
 * force: their outcomes are no longer written (a send failing because the application is going
 * down must not fail its job for good), their locks are no longer renewed, and once the locks
 * expire another worker sends them again. `close(true)` is only forced after the pause, because
 * BullMQ keeps the first `close()` call and a later forced one could not cut it short.
 */
export async function closeWithin(
  worker: Pick<Worker, 'pause' | 'close'>,
  timeoutMs: number,
): Promise<WorkerCloseOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'abandoned'>((resolve) => {
    timer = setTimeout(() => resolve('abandoned'), timeoutMs);
  });
  const drained = worker.pause().then((): 'finished' => 'finished');
  const outcome = await Promise.race([drained, timedOut]);
  clearTimeout(timer);
  if (outcome === 'abandoned') {
    // Still waiting for the abandoned sends; whatever it ends with no longer matters.
    drained.catch(() => undefined);
  }
  await worker.close(outcome === 'abandoned');
  return outcome;
}
