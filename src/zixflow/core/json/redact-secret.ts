/** What replaces a secret wherever it would otherwise be shown. */
export const REDACTED = '[REDACTED]';

/** What replaces the part of a value nested deeper than {@link MAX_REDACTION_DEPTH}. */
export const NESTED_TOO_DEEP = '[nested too deep]';

/**
 * How deep {@link redactSecret} copies: far deeper than any body Zixflow documents (three levels),
 * and shallow enough that the recursion can never come near the stack limit, whatever the body.
 */
export const MAX_REDACTION_DEPTH = 32;

/**
 * Returns a copy of `value` in which every occurrence of `secret` (or of each of several secrets:
 * the API key, the AI API's workspace id, the webhook secret inside a post-back URL) inside strings
 * is replaced. Applied to response bodies before they are attached to errors, because a proxy or a
 * misbehaving server can echo the credential headers back, and errors end up in logs.
 *
 * The copy is bounded: whatever is nested deeper than {@link MAX_REDACTION_DEPTH} levels is
 * replaced by {@link NESTED_TOO_DEEP}. A hostile answer can nest JSON a hundred thousand levels
 * deep; walking it all would overflow the stack, and the error holding it could not be logged.
 */
export function redactSecret<T>(value: T, secret: string | readonly string[]): T {
  // Longest first, so a secret that contains another is removed whole, not left half visible.
  const secrets = (typeof secret === 'string' ? [secret] : [...secret])
    .filter((candidate) => candidate !== '')
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) {
    return value;
  }
  return redactAt(value, secrets, 0) as T;
}

function redactText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);
}

function redactAt(value: unknown, secret: readonly string[], depth: number): unknown {
  if (typeof value === 'string') {
    return redactText(value, secret);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (depth >= MAX_REDACTION_DEPTH) {
    return NESTED_TOO_DEEP;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => redactAt(item, secret, depth + 1));
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redactText(key, secret), redactAt(item, secret, depth + 1)]),
  );
}
