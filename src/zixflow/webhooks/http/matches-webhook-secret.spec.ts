import { createHash } from 'node:crypto';
import { matchesWebhookSecret } from './matches-webhook-secret';

const SECRET = 'whsec_0123456789abcdef';
const DIGEST = createHash('sha256').update(SECRET).digest();

describe('matchesWebhookSecret', () => {
  it('accepts the secret', () => {
    expect(matchesWebhookSecret(SECRET, DIGEST)).toBe(true);
  });

  it.each([
    ['a wrong secret of the same length', 'whsec_0123456789abcdeX'],
    ['a shorter secret', 'whsec_0123'],
    ['a longer secret', `${SECRET}0`],
    ['an empty string', ''],
    ['the secret with a trailing space', `${SECRET} `],
    ['missing', undefined],
    ['repeated headers', [SECRET, SECRET]],
  ])('refuses %s without throwing', (_case, candidate) => {
    expect(matchesWebhookSecret(candidate, DIGEST)).toBe(false);
  });
});
