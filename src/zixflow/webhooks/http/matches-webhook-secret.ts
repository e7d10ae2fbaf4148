import { createHash, hash, timingSafeEqual } from 'node:crypto';

/**
 * SHA-256 of a secret (or a candidate for one) as a Buffer: the digest the options keep and the one
 * each request's candidate is compared with, made by this one function so the two always match. The one-shot `crypto.hash` (Node ≥ 20.12) skips building a
 * `Hash` object per call, which every webhook request pays for; `engines` allows Node 20.0, so
 * older releases keep `createHash`. Both hash the string's UTF-8 bytes, so digests are equal.
 * Named imports: `import * as` compiles to a getter that would run on every request.
 */
export const digestWebhookSecret: (text: string) => Buffer =
  typeof hash === 'function'
    ? (text) => hash('sha256', text, 'buffer')
    : (text) => createHash('sha256').update(text).digest();

/**
 * Compares a candidate with the configured secret in constant time. Both sides are hashed first so
 * the buffers always have the same length: `timingSafeEqual` would otherwise throw on a length
 * mismatch, and an early length check would tell an attacker how long the secret is.
 */
export function matchesWebhookSecret(candidate: unknown, secretDigest: Buffer): boolean {
  if (typeof candidate !== 'string') {
    return false;
  }
  return timingSafeEqual(digestWebhookSecret(candidate), secretDigest);
}
