const HTTP_DATE = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b.*\b\d{4}\b/i;

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
  // Only an HTTP date (it names a month, e.g. "Wed, 21 Oct 2026 07:28:00 GMT"): Date.parse alone
  // would read garbage such as "1.5" or "-1" as dates in 2001 and mean "retry now".
  if (!HTTP_DATE.test(value)) {
    return undefined;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
