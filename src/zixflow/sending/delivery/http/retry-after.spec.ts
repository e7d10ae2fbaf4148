import { parseRetryAfter } from './retry-after';

// Fixed clock: Wed, 21 Oct 2015 07:28:00 GMT.
const NOW = Date.UTC(2015, 9, 21, 7, 28, 0);

describe('parseRetryAfter', () => {
  it.each<[string, string, number]>([
    ['whole seconds', '2', 2000],
    ['zero', '0', 0],
    ['large delay', '120', 120_000],
    ['surrounding whitespace', '  3  ', 3000],
    ['leading zeros', '007', 7000],
  ])('delay-seconds: %s (%j) → %d ms', (_name, header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ['10 s in the future', 'Wed, 21 Oct 2015 07:28:10 GMT', 10_000],
    ['1 h in the future', 'Wed, 21 Oct 2015 08:28:00 GMT', 3_600_000],
    ['exactly now', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
    ['in the past', 'Wed, 21 Oct 2015 07:27:00 GMT', 0],
    ['long in the past', 'Thu, 01 Jan 1970 00:00:00 GMT', 0],
  ])('HTTP date %s → %d ms', (_name, header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it('measures a date from the given now, not the real clock', () => {
    const header = 'Wed, 21 Oct 2015 07:28:30 GMT';
    expect(parseRetryAfter(header, NOW)).toBe(30_000);
    expect(parseRetryAfter(header, NOW + 10_000)).toBe(20_000);
  });

  it('defaults now to Date.now()', () => {
    const header = new Date(Date.now() + 60_000).toUTCString();
    const result = parseRetryAfter(header);
    expect(result).toBeGreaterThan(58_000);
    expect(result).toBeLessThanOrEqual(60_000);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['empty string', ''],
    ['whitespace only', '   '],
    ['a word', 'soon'],
    ['a unit suffix', '2 minutes'],
    ['digits followed by letters', '12abc'],
    ['hex', '0x10'],
    ['exponent notation', '1e3'],
    ['a number instead of a string', 2],
    ['an array of values', ['2']],
  ])('unreadable header: %s → undefined', (_name, header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });

  // V8's lenient Date.parse reads these non-HTTP-date values as dates in 2001; they must stay
  // unreadable (undefined, use your own back-off) rather than mean "retry now".
  it.each<[string]>([['1.5'], ['-1'], ['+5'], ['abc 1']])(
    'garbage that V8 parses as a date (%j) → undefined',
    (header) => {
      expect(parseRetryAfter(header, NOW)).toBeUndefined();
    },
  );
});
