import { fullJitterDelayMs } from './full-jitter-backoff';

describe('fullJitterDelayMs', () => {
  it.each<[number, number]>([
    [1, 250],
    [2, 500],
    [3, 1000],
    [6, 8000],
    [7, 10_000],
    [30, 10_000],
  ])('attempt %d: the largest delay is %d ms (250 ms base, 10 s cap)', (attempt, ceiling) => {
    expect(fullJitterDelayMs(attempt, 250, 10_000, () => 0.999_999_9)).toBe(ceiling);
  });

  it('the smallest delay is 0 (full jitter, not "equal jitter")', () => {
    expect(fullJitterDelayMs(5, 250, 10_000, () => 0)).toBe(0);
  });

  it('scales uniformly between 0 and the ceiling', () => {
    expect(fullJitterDelayMs(3, 250, 10_000, () => 0.5)).toBe(500);
    expect(fullJitterDelayMs(3, 250, 10_000, () => 0.25)).toBe(250);
  });

  it('a zero base means no delay', () => {
    expect(fullJitterDelayMs(4, 0, 10_000, () => 0.9)).toBe(0);
  });

  it('uses Math.random by default and stays within bounds', () => {
    for (let i = 0; i < 1000; i += 1) {
      const delay = fullJitterDelayMs(2, 100, 10_000);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(200);
      expect(Number.isInteger(delay)).toBe(true);
    }
  });
});
