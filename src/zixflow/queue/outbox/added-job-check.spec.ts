import { uniqueJobTimestamp } from './added-job-check';

describe('uniqueJobTimestamp', () => {
  it('is the clock when it moved on, and one later than the last one when it did not', () => {
    const base = Date.now() + 10_000;
    expect(uniqueJobTimestamp(base)).toBe(base);
    expect(uniqueJobTimestamp(base)).toBe(base + 1);
    expect(uniqueJobTimestamp(base - 5)).toBe(base + 2);
    expect(uniqueJobTimestamp(base + 50)).toBe(base + 50);
  });
});
