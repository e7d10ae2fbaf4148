import { closeWithin } from './close-within';

/**
 * A stand-in for a BullMQ worker whose in-flight sends finish after `busyMs`. A forced close
 * abandons them, so their timer is cleared: left running, it would hold Jest open after the run.
 */
function fakeWorker(busyMs: number) {
  const calls: string[] = [];
  let busy: NodeJS.Timeout | undefined;
  return {
    calls,
    pause: () => {
      calls.push('pause');
      return new Promise<void>((resolve) => (busy = setTimeout(resolve, busyMs)));
    },
    close: (force?: boolean) => {
      calls.push(`close(${force === true})`);
      if (force === true) clearTimeout(busy);
      return Promise.resolve();
    },
  };
}

describe('closeWithin', () => {
  it('waits for the sends in flight, then closes normally', async () => {
    const worker = fakeWorker(20);
    await expect(closeWithin(worker, 1000)).resolves.toBe('finished');
    expect(worker.calls).toEqual(['pause', 'close(false)']);
  });

  it('gives up after the time limit and closes by force', async () => {
    const worker = fakeWorker(10_000);
    const startedAt = Date.now();
    await expect(closeWithin(worker, 30)).resolves.toBe('abandoned');
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(worker.calls).toEqual(['pause', 'close(true)']);
  });
});
