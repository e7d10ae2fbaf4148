import { ZixflowInMemoryDedupeStore } from './zixflow-in-memory-dedupe.store';

const HOUR = 60 * 60 * 1000;

function storeWithClock(maxEntries?: number): { store: ZixflowInMemoryDedupeStore; clock: { now: number } } {
  const clock = { now: 1_000_000 };
  return { store: new ZixflowInMemoryDedupeStore({ maxEntries, now: () => clock.now }), clock };
}

describe('ZixflowInMemoryDedupeStore', () => {
  it('accepts a key once and refuses it again within the TTL', () => {
    const { store, clock } = storeWithClock();
    expect(store.setIfAbsent('incoming:a', 72 * HOUR)).toBe(true);
    expect(store.setIfAbsent('incoming:a', 72 * HOUR)).toBe(false);
    clock.now += 72 * HOUR - 1;
    expect(store.setIfAbsent('incoming:a', 72 * HOUR)).toBe(false);
  });

  it('accepts the key again once its TTL has passed', () => {
    const { store, clock } = storeWithClock();
    store.setIfAbsent('incoming:a', 72 * HOUR);
    clock.now += 72 * HOUR;
    expect(store.setIfAbsent('incoming:a', 72 * HOUR)).toBe(true);
    expect(store.setIfAbsent('incoming:a', 72 * HOUR)).toBe(false);
  });

  it('a refused duplicate does not extend the TTL', () => {
    const { store, clock } = storeWithClock();
    store.setIfAbsent('k', 10 * HOUR);
    clock.now += 9 * HOUR;
    store.setIfAbsent('k', 10 * HOUR);
    clock.now += HOUR;
    expect(store.setIfAbsent('k', 10 * HOUR)).toBe(true);
  });

  it('tells different keys apart', () => {
    const { store } = storeWithClock();
    expect(store.setIfAbsent('incoming:a', HOUR)).toBe(true);
    expect(store.setIfAbsent('incoming:b', HOUR)).toBe(true);
    expect(store.setIfAbsent('report:a:sent', HOUR)).toBe(true);
  });

  it('never holds more than maxEntries keys, dropping the oldest first', () => {
    const { store } = storeWithClock(3);
    for (const key of ['a', 'b', 'c', 'd']) store.setIfAbsent(key, HOUR);
    expect(store.size).toBe(3);
    expect(store.setIfAbsent('a', HOUR)).toBe(true);
    expect(store.setIfAbsent('d', HOUR)).toBe(false);
    expect(store.size).toBe(3);
  });

  it('sweeps expired keys as new ones arrive, so memory follows the live set', () => {
    const { store, clock } = storeWithClock();
    for (let index = 0; index < 1000; index += 1) store.setIfAbsent(`old-${index}`, HOUR);
    clock.now += HOUR;
    store.setIfAbsent('new', HOUR);
    expect(store.size).toBe(1);
  });

  it('stays bounded under a flood of distinct keys', () => {
    const { store } = storeWithClock(100);
    for (let index = 0; index < 10_000; index += 1) store.setIfAbsent(`flood-${index}`, HOUR);
    expect(store.size).toBe(100);
  });

  it('a key set again after it expired takes its new place in the order, not its old one', () => {
    const { store, clock } = storeWithClock(3);
    store.setIfAbsent('b', 10 * HOUR);
    store.setIfAbsent('a', HOUR);
    clock.now += HOUR;
    expect(store.setIfAbsent('a', 10 * HOUR)).toBe(true); // expired behind the live 'b': set again
    store.setIfAbsent('c', 10 * HOUR);
    store.setIfAbsent('d', 10 * HOUR); // full: drops 'b', the oldest; 'a' stays
    expect(store.setIfAbsent('a', 10 * HOUR)).toBe(false);
    store.setIfAbsent('e', 10 * HOUR); // full: drops 'a' now, the oldest insertion
    expect(store.size).toBe(3);
    expect(store.setIfAbsent('c', 10 * HOUR)).toBe(false);
    expect(store.setIfAbsent('a', 10 * HOUR)).toBe(true);
  });

  it('stays correct across many evictions (its internal order is compacted now and then)', () => {
    const { store } = storeWithClock(10);
    for (let index = 0; index < 5_000; index += 1) store.setIfAbsent(`k-${index}`, HOUR);
    expect(store.size).toBe(10);
    for (let index = 4_990; index < 5_000; index += 1) expect(store.setIfAbsent(`k-${index}`, HOUR)).toBe(false);
    expect(store.setIfAbsent('k-4989', HOUR)).toBe(true);
  });

  it('uses the real clock by default', () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    try {
      const store = new ZixflowInMemoryDedupeStore();
      store.setIfAbsent('k', 1000);
      jest.advanceTimersByTime(999);
      expect(store.setIfAbsent('k', 1000)).toBe(false);
      jest.advanceTimersByTime(1);
      expect(store.setIfAbsent('k', 1000)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %p', (maxEntries) => {
    expect(() => new ZixflowInMemoryDedupeStore({ maxEntries })).toThrow(RangeError);
  });
});
