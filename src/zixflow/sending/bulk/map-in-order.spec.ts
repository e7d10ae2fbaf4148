import { mapInOrder } from './map-in-order';

/** A task that finishes after a delay that varies by item, so completion order differs from input order. */
function slowDouble(tracker: { inFlight: number; peak: number }): (item: number) => Promise<number> {
  return async (item) => {
    tracker.inFlight += 1;
    tracker.peak = Math.max(tracker.peak, tracker.inFlight);
    await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5));
    tracker.inFlight -= 1;
    return item * 2;
  };
}

describe('mapInOrder', () => {
  it('returns results in input order, whatever order the tasks finish in', async () => {
    const tracker = { inFlight: 0, peak: 0 };
    const results = await mapInOrder([5, 4, 3, 2, 1, 0, 9, 8], 3, slowDouble(tracker));
    expect(results).toEqual([10, 8, 6, 4, 2, 0, 18, 16]);
  });

  it.each([1, 2, 7, 64])('never has more than %d tasks in flight', async (concurrency) => {
    const tracker = { inFlight: 0, peak: 0 };
    await mapInOrder(
      Array.from({ length: 100 }, (_, i) => i),
      concurrency,
      slowDouble(tracker),
    );
    expect(tracker.peak).toBe(Math.min(concurrency, 100));
  });

  it('passes each item its index', async () => {
    expect(await mapInOrder(['a', 'b', 'c'], 2, async (item, index) => `${index}:${item}`)).toEqual([
      '0:a',
      '1:b',
      '2:c',
    ]);
  });

  it('handles an empty input and more workers than items', async () => {
    expect(await mapInOrder([], 10, async (item: number) => item)).toEqual([]);
    expect(await mapInOrder([1], 10, async (item) => item)).toEqual([1]);
  });

  it('pulls a generator lazily: never more than `concurrency` items ahead of the finished ones', async () => {
    let pulled = 0;
    let finished = 0;
    let maxAhead = 0;
    function* messages(): Generator<number> {
      for (let i = 0; i < 100_000; i += 1) {
        pulled += 1;
        maxAhead = Math.max(maxAhead, pulled - finished);
        yield i;
      }
    }
    const results = await mapInOrder(messages(), 16, async (item) => {
      await Promise.resolve();
      finished += 1;
      return item;
    });
    expect(results).toHaveLength(100_000);
    expect(results[99_999]).toBe(99_999);
    expect(maxAhead).toBeLessThanOrEqual(16);
  });

  it('accepts an async iterable and never calls next() twice at once', async () => {
    let pending = 0;
    let overlapping = false;
    const source: AsyncIterable<number> = {
      [Symbol.asyncIterator]() {
        let i = 0;
        return {
          async next(): Promise<IteratorResult<number>> {
            pending += 1;
            overlapping ||= pending > 1;
            await new Promise((resolve) => setTimeout(resolve, 1));
            pending -= 1;
            return i < 20 ? { done: false, value: i++ } : { done: true, value: undefined };
          },
        };
      },
    };
    const results = await mapInOrder(source, 5, async (item) => item + 1);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(overlapping).toBe(false);
  });

  it('rejects when the input throws while being read, and stops pulling', async () => {
    let pulled = 0;
    function* failing(): Generator<number> {
      for (;;) {
        pulled += 1;
        if (pulled === 5) {
          throw new Error('cursor lost');
        }
        yield pulled;
      }
    }
    await expect(mapInOrder(failing(), 2, async (item) => item)).rejects.toThrow('cursor lost');
    expect(pulled).toBe(5);
  });

  it('rejects when a task throws (a bug, not a failed message)', async () => {
    await expect(
      mapInOrder([1, 2, 3], 1, async (item) => {
        if (item === 2) {
          throw new TypeError('bug');
        }
        return item;
      }),
    ).rejects.toThrow('bug');
  });
});
