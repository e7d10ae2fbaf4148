/**
 * Reads a `Retry-After` header, given either as delay-seconds or as an HTTP date, into
 * milliseconds from `now`. Undefined when the header is absent or unreadable, so callers fall
 * back to their own back-off instead of trusting a garbled value.
 */
export function parseRetryAfter(header: unknown, now: number = Date.now()): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') {
    return undefined;
  }
  const value = header.trim();
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
