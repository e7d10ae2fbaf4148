import { ZixflowError } from './zixflow.error';

/** Where a transport failure happened, which decides whether the message may have left. */
export interface ZixflowTransportErrorDetails {
  /** The API path that was called. */
  endpoint: string;
  /** The HTTP method of the request: `POST` for sends (the default), `GET` for reads. */
  method?: string;
  /** The system error code (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, …) when there is one. */
  code?: string;
  /** True when the request was fully written before the failure: Zixflow may have got it. */
  requestSent: boolean;
  /** Requests made for this send, retries included. Defaults to 1. */
  attempts?: number;
}

/**
 * No HTTP answer was received: connection refused, reset, DNS failure. Retryable only when the
 * request was never written, because otherwise the message may already have gone out.
 */
export class ZixflowNetworkError extends ZixflowError {
  /** The API path that was called. */
  readonly endpoint: string;
  /** The HTTP method of the request (`POST`, `GET`). */
  readonly method: string;
  /** The system error code, when known. */
  readonly code: string | undefined;
  /** Whether Zixflow may have received the request. */
  readonly requestSent: boolean;

  /** @param details - where and how the connection failed. */
  constructor(details: ZixflowTransportErrorDetails) {
    const when = details.requestSent ? 'after the request was sent' : 'before the request was sent';
    const method = details.method ?? 'POST';
    super(`Network error calling Zixflow ${method} ${details.endpoint} (${details.code ?? 'unknown'}) ${when}`, {
      retryable: !details.requestSent,
      attempts: details.attempts ?? 1,
    });
    this.endpoint = details.endpoint;
    this.method = method;
    this.code = details.code;
    this.requestSent = details.requestSent;
  }
}

/** What a time-out carries: where, which budget expired, and whether the request had left. */
export interface ZixflowTimeoutErrorDetails {
  /** The API path that was called. */
  endpoint: string;
  /** The HTTP method of the request: `POST` for sends (the default), `GET` for reads. */
  method?: string;
  /** The time-out that expired, in milliseconds. */
  timeoutMs: number;
  /**
   * False when the time ran out before the request was written (waiting for a send slot, or a
   * connection that never opened): then nothing was sent. Defaults to true.
   */
  requestSent?: boolean;
  /** Requests made for this send, retries included. Defaults to 1. */
  attempts?: number;
}

/**
 * Zixflow did not answer within `timeoutMs`, which covers the wait for a send slot (rate limit)
 * plus the request. Never retryable by default: once written, the request may have been
 * processed and sending it again could deliver the message twice; and a server (or queue) that
 * did not make it within the budget is unlikely to make it on an immediate second try.
 * `requestSent` tells whether the message may have gone out.
 */
export class ZixflowTimeoutError extends ZixflowError {
  /** The API path that was called. */
  readonly endpoint: string;
  /** The HTTP method of the request (`POST`, `GET`). */
  readonly method: string;
  /** The time-out that expired, in milliseconds. */
  readonly timeoutMs: number;
  /** Whether the request was written before the time ran out, so Zixflow may have got it. */
  readonly requestSent: boolean;

  /** @param details - the path, the time-out that expired and whether the request had left. */
  constructor(details: ZixflowTimeoutErrorDetails) {
    const requestSent = details.requestSent ?? true;
    const method = details.method ?? 'POST';
    const message = requestSent
      ? `Zixflow did not answer ${method} ${details.endpoint} within ${details.timeoutMs} ms`
      : `${method} ${details.endpoint} timed out after ${details.timeoutMs} ms before the request was sent`;
    super(message, { retryable: false, attempts: details.attempts ?? 1 });
    this.endpoint = details.endpoint;
    this.method = method;
    this.timeoutMs = details.timeoutMs;
    this.requestSent = requestSent;
  }
}
