import { inspect } from 'node:util';
import { webhookSecretMatcher } from './webhook-secret-matcher';

const SECRET = 'whsec_0123456789abcdef';

describe('webhookSecretMatcher', () => {
  const matcher = webhookSecretMatcher(SECRET);

  it('accepts the secret', () => {
    expect(matcher.matches(SECRET)).toBe(true);
    expect(matcher.matches(`${SECRET.slice(0, 5)}${SECRET.slice(5)}`)).toBe(true);
  });

  it.each([
    ['a wrong secret of the same length', 'whsec_0123456789abcdeX'],
    ['a shorter secret', 'whsec_0123'],
    ['a prefix of the secret', SECRET.slice(0, -1)],
    ['a longer secret', `${SECRET}0`],
    ['an empty string', ''],
    ['the secret with a trailing space', `${SECRET} `],
    ['the secret with a NUL byte added', `${SECRET}\u0000`],
    ['a string of the same length in bytes, not in characters', `${SECRET.slice(0, -2)}é`],
    ['missing', undefined],
    ['null', null],
    ['a number', 42],
    ['repeated headers', [SECRET, SECRET]],
    ['a Buffer of the secret', Buffer.from(SECRET)],
  ])('refuses %s without throwing', (_case, candidate) => {
    expect(matcher.matches(candidate)).toBe(false);
  });

  it('shows nothing of the secret when logged or serialised', () => {
    expect(inspect(matcher, { depth: 5, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify({ secret: matcher })).not.toContain(SECRET);
    expect(Object.values(matcher).map(String).join()).not.toContain(SECRET);
  });

  it('keeps one matcher per secret apart from another', () => {
    const other = webhookSecretMatcher('another-secret-0123456789');
    expect(other.matches(SECRET)).toBe(false);
    expect(matcher.matches('another-secret-0123456789')).toBe(false);
  });
});
