/**
 * Runs `task` over `items` with at most `concurrency` tasks in flight and resolves with their
 * results in input order. Items are pulled from the (possibly async, possibly endless-looking)
 * iterable only as slots free up, so 100 000 messages never become 100 000 pending promises:
 * memory holds the window plus the results. Tasks are expected to settle their own failures; a
 * task or iterator that throws rejects the whole run and no further items are pulled.
 */
export async function mapInOrder<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const next = pullOneAtATime(items);
  const results: R[] = [];
  let nextIndex = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed) {
      const pulled = await next();
      if (pulled.done === true) {
        return;
      }
      const index = nextIndex++;
      results[index] = await task(pulled.value, index);
    }
  };
  const workers = Array.from({ length: concurrency }, () =>
    worker().catch((error: unknown) => {
      failed = true;
      throw error;
    }),
  );
  await Promise.all(workers);
  return results;
}

/**
 * A `next()` that is safe to call from several workers at once: calls on an async iterator are
 * chained, because not every async iterator accepts overlapping `next()` calls.
 */
function pullOneAtATime<T>(items: Iterable<T> | AsyncIterable<T>): () => Promise<IteratorResult<T>> {
  if (Symbol.asyncIterator in items) {
    const iterator = items[Symbol.asyncIterator]();
    let previous: Promise<unknown> = Promise.resolve();
    return () => {
      const pulled = previous.then(() => iterator.next());
      previous = pulled.catch(() => undefined);
      return pulled;
    };
  }
  const iterator = items[Symbol.iterator]();
  return () => Promise.resolve(iterator.next());
}
