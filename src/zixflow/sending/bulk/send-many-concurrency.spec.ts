import { sendManyConcurrency } from './send-many-concurrency';

describe('sendManyConcurrency', () => {
  it('defaults to 10', () => {
    expect(sendManyConcurrency({})).toBe(10);
    expect(sendManyConcurrency({ concurrency: undefined })).toBe(10);
  });

  it('keeps a whole number of 1 or more', () => {
    expect(sendManyConcurrency({ concurrency: 1 })).toBe(1);
    expect(sendManyConcurrency({ concurrency: 256 })).toBe(256);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p with a RangeError', (concurrency) => {
    expect(() => sendManyConcurrency({ concurrency })).toThrow(RangeError);
    expect(() => sendManyConcurrency({ concurrency })).toThrow(/concurrency must be a whole number of 1 or more/);
  });
});
