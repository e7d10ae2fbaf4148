/**
 * Base class of every error the library throws, so callers can catch all of them with one
 * `instanceof ZixflowError` check.
 *
 * Errors are built from plain values only (never from an axios error or its config), because an
 * axios error carries the request headers and so the API key; `toJSON` exists so that
 * `JSON.stringify(error)` gives a useful, key-free record for structured logs.
 */
export class ZixflowError extends Error {
  /**
   * Whether sending the same message again is safe and may succeed: true only for rate limits,
   * 503 and connections that failed before the request was written (see the README's retry rules).
   */
  readonly retryable: boolean;

  /**
   * How many HTTP requests were made for this send, retries included: 0 when it was refused
   * before any request (invalid input, full send queue).
   */
  readonly attempts: number;

  /**
   * @param message - human-readable description; never contains a secret. When more than one
   * attempt was made, the count is appended so a log line alone tells that retries happened.
   */
  constructor(message: string, options: { retryable?: boolean; attempts?: number } = {}) {
    const attempts = options.attempts ?? 0;
    super(attempts > 1 ? `${message} (after ${attempts} attempts)` : message);
    this.name = new.target.name;
    this.retryable = options.retryable ?? false;
    this.attempts = attempts;
  }

  /** A plain, secret-free representation for loggers that call `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      fields[key] = value;
    }
    return fields;
  }
}
