import { ResolvedRateLimitOptions } from '../../options/zixflow-options.schema';
import { PacingRefusal } from './pacing-refusal';
import { SendLane } from './send-lane';

class Refused extends Error {
  constructor(readonly refusal: PacingRefusal) {
    super(refusal);
  }
}

const refusalError = (refusal: PacingRefusal): Error => new Refused(refusal);

function lane(limits: Partial<ResolvedRateLimitOptions>): SendLane {
  return new SendLane({ perSecond: 10, burst: 1, maxConcurrent: Infinity, maxQueued: 1000, ...limits }, () =>
    jest.now(),
  );
}

/** What happened to each acquire, with the fake time it happened at. */
interface Outcome {
  name: string;
  at: number;
  granted: boolean;
  refusal?: PacingRefusal;
  release?: () => void;
}

function track(outcomes: Outcome[], name: string, promise: Promise<() => void>): void {
  promise.then(
    (release) => outcomes.push({ name, at: jest.now(), granted: true, release }),
    (error: Refused) => outcomes.push({ name, at: jest.now(), granted: false, refusal: error.refusal }),
  );
}

describe('SendLane', () => {
  let outcomes: Outcome[];

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
    outcomes = [];
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  async function advance(ms: number): Promise<void> {
    await jest.advanceTimersByTimeAsync(ms);
  }

  it('grants a caller at once when a token and a slot are free', async () => {
    track(outcomes, 'a', lane({}).acquire(1000, refusalError));
    await advance(0);
    expect(outcomes).toEqual([expect.objectContaining({ name: 'a', at: 0, granted: true })]);
  });

  it('spaces callers at the rate, in arrival order', async () => {
    const paced = lane({ perSecond: 10 });
    for (const name of ['a', 'b', 'c', 'd']) {
      track(outcomes, name, paced.acquire(10_000, refusalError));
    }
    await advance(1000);
    expect(outcomes.map(({ name, at }) => [name, at])).toEqual([
      ['a', 0],
      ['b', 100],
      ['c', 200],
      ['d', 300],
    ]);
  });

  it('lets a burst go at once, then paces', async () => {
    const paced = lane({ perSecond: 10, burst: 3 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      track(outcomes, name, paced.acquire(10_000, refusalError));
    }
    await advance(1000);
    expect(outcomes.map(({ at }) => at)).toEqual([0, 0, 0, 100, 200]);
  });

  it('keeps at most maxConcurrent in flight; a release lets the next caller in', async () => {
    const paced = lane({ perSecond: 1000, maxConcurrent: 2 });
    for (const name of ['a', 'b', 'c']) {
      track(outcomes, name, paced.acquire(10_000, refusalError));
    }
    await advance(50);
    expect(outcomes.map(({ name }) => name)).toEqual(['a', 'b']);

    outcomes[0].release?.();
    outcomes[0].release?.(); // a second call must not free a second slot
    await advance(10);
    expect(outcomes.map(({ name }) => name)).toEqual(['a', 'b', 'c']);

    track(outcomes, 'd', paced.acquire(10_000, refusalError));
    await advance(50);
    expect(outcomes.map(({ name }) => name)).toEqual(['a', 'b', 'c']);
  });

  it('refuses at once, with queue-full, a caller beyond maxQueued waiting callers', async () => {
    const paced = lane({ perSecond: 1, maxQueued: 2 });
    for (const name of ['sent', 'queued-1', 'queued-2', 'refused']) {
      track(outcomes, name, paced.acquire(60_000, refusalError));
    }
    await advance(0);
    expect(outcomes.map(({ name, granted, refusal }) => [name, granted, refusal])).toEqual([
      ['sent', true, undefined],
      ['refused', false, 'queue-full'],
    ]);
    await advance(2000);
    expect(outcomes.map(({ name, at }) => [name, at])).toEqual([
      ['sent', 0],
      ['refused', 0],
      ['queued-1', 1000],
      ['queued-2', 2000],
    ]);
  });

  it('maxQueued 0 never lets a caller wait', async () => {
    const paced = lane({ perSecond: 1, maxQueued: 0 });
    track(outcomes, 'sent', paced.acquire(60_000, refusalError));
    track(outcomes, 'refused', paced.acquire(60_000, refusalError));
    await advance(0);
    expect(outcomes.map(({ name, refusal }) => [name, refusal])).toEqual([
      ['sent', undefined],
      ['refused', 'queue-full'],
    ]);
  });

  it('refuses a caller with wait-expired when its wait budget runs out, and serves the next one on time', async () => {
    const paced = lane({ perSecond: 1 });
    track(outcomes, 'a', paced.acquire(60_000, refusalError));
    track(outcomes, 'impatient', paced.acquire(300, refusalError));
    track(outcomes, 'patient', paced.acquire(60_000, refusalError));
    await advance(299);
    expect(outcomes.map(({ name }) => name)).toEqual(['a']);
    await advance(1);
    expect(outcomes[1]).toMatchObject({ name: 'impatient', at: 300, granted: false, refusal: 'wait-expired' });
    await advance(700);
    expect(outcomes[2]).toMatchObject({ name: 'patient', at: 1000, granted: true });
  });

  it('a queue emptied by expiries leaves no timer behind', async () => {
    const paced = lane({ perSecond: 1 });
    track(outcomes, 'a', paced.acquire(60_000, refusalError));
    track(outcomes, 'b', paced.acquire(100, refusalError));
    await advance(100);
    expect(outcomes.map(({ name, granted }) => [name, granted])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('a newcomer never overtakes waiting callers, even when a token is free', async () => {
    const paced = lane({ perSecond: 10, maxConcurrent: 1 });
    track(outcomes, 'a', paced.acquire(10_000, refusalError));
    track(outcomes, 'b', paced.acquire(10_000, refusalError));
    await advance(500); // tokens are free from 100 ms on; b waits for a's slot
    track(outcomes, 'c', paced.acquire(10_000, refusalError));
    await advance(0);
    expect(outcomes.map(({ name }) => name)).toEqual(['a']);

    outcomes[0].release?.();
    await advance(0);
    expect(outcomes.map(({ name }) => name)).toEqual(['a', 'b']);
  });
});
