import { closestName } from './did-you-mean';

describe('closestName', () => {
  const KNOWN = ['retries', 'minDelayMs', 'maxDelayMs', 'ttlMs', 'apiKey', 'burst'];

  it.each([
    ['retrys', 'retries'],
    ['apikey', 'apiKey'],
    ['maxDelay', 'maxDelayMs'],
    ['ttl', 'ttlMs'],
    ['brust', 'burst'],
    ['minDelayMS', 'minDelayMs'],
  ])('%s → %s', (name, expected) => {
    expect(closestName(name, KNOWN)).toBe(expected);
  });

  it.each(['colour', 'x', 'timeout'])('suggests nothing for %s', (name) => {
    expect(closestName(name, KNOWN)).toBeUndefined();
  });
});
