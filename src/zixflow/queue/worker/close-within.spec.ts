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

  it('gives up at the time limit, not when the sends finish, and closes by force', async () => {
    jest.useFakeTimers();
    try {
      const worker = fakeWorker(10_000);
      let outcome: string | undefined;
      const closing = closeWithin(worker, 30).then((result) => (outcome = result));
      await jest.advanceTimersByTimeAsync(29);
      expect(outcome).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      await closing;
      // 30 ms of the clock, while the sends would have needed 10 s.
      expect(outcome).toBe('abandoned');
      expect(worker.calls).toEqual(['pause', 'close(true)']);
    } finally {
      jest.useRealTimers();
    }
  });
});
