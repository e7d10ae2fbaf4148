/** What replaces a secret wherever it would otherwise be shown. */
export const REDACTED = '[REDACTED]';

/**
 * Returns a copy of `value` in which every occurrence of `secret` inside strings is replaced.
 * Applied to response bodies before they are attached to errors, because a proxy or a misbehaving
 * server can echo the Authorization header back, and errors end up in logs.
 */
export function redactSecret<T>(value: T, secret: string): T {
  if (!secret) {
    return value;
  }
  if (typeof value === 'string') {
    return value.split(secret).join(REDACTED) as T;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => redactSecret(item, secret)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactSecret(key, secret), redactSecret(item, secret)]),
    ) as T;
  }
  return value;
}
