import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a candidate with the configured secret in constant time. Both sides are hashed first so
 * the buffers always have the same length: `timingSafeEqual` would otherwise throw on a length
 * mismatch, and an early length check would tell an attacker how long the secret is.
 */
export function matchesWebhookSecret(candidate: unknown, secretDigest: Buffer): boolean {
  if (typeof candidate !== 'string') {
    return false;
  }
  return timingSafeEqual(createHash('sha256').update(candidate).digest(), secretDigest);
}
