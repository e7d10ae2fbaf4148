import { redactLogLine } from './redact-log-line';

const KEY = 'zx-key-0123456789abcdef';

describe('redactLogLine', () => {
  it.each<[string, string, string]>([
    ['the key', `Unauthorised: Bearer ${KEY}`, 'Unauthorised: Bearer [REDACTED]'],
    ['a phone number', 'Invalid data Provided for 13023895111', 'Invalid data Provided for 1302***5111'],
    ['several numbers', 'to 919876543210 and 2901234', 'to 9198***3210 and 29***34'],
    [
      'the key and a number (digits inside the key are not masked first)',
      `${KEY} 13023895111`,
      '[REDACTED] 1302***5111',
    ],
    [
      'short numbers (status, milliseconds) left alone',
      'HTTP 503 after 4 attempts in 10000 ms',
      'HTTP 503 after 4 attempts in 10000 ms',
    ],
    ['nothing to hide', 'all good', 'all good'],
  ])('redacts %s', (_name, line, expected) => {
    expect(redactLogLine(line, KEY)).toBe(expected);
  });
});
