import { ZixflowError } from './zixflow.error';

/** Where a transport failure happened, which decides whether the message may have left. */
export interface ZixflowTransportErrorDetails {
  /** The API path that was called. */
  endpoint: string;
  /** The system error code (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, …) when there is one. */
  code?: string;
  /** True when the request was fully written before the failure: Zixflow may have got it. */
  requestSent: boolean;
}

/**
 * No HTTP answer was received: connection refused, reset, DNS failure. Retryable only when the
 * request was never written, because otherwise the message may already have gone out.
 */
export class ZixflowNetworkError extends ZixflowError {
  /** The API path that was called. */
  readonly endpoint: string;
  /** The system error code, when known. */
  readonly code: string | undefined;
  /** Whether Zixflow may have received the request. */
  readonly requestSent: boolean;

  /** @param details - where and how the connection failed. */
  constructor(details: ZixflowTransportErrorDetails) {
    const when = details.requestSent ? 'after the request was sent' : 'before the request was sent';
    super(`Network error calling Zixflow POST ${details.endpoint} (${details.code ?? 'unknown'}) ${when}`, {
      retryable: !details.requestSent,
    });
    this.endpoint = details.endpoint;
    this.code = details.code;
    this.requestSent = details.requestSent;
  }
}

/**
 * Zixflow did not answer within `timeoutMs`. Never retryable by default: the request may have
 * been processed, and sending it again could deliver the message twice.
 */
export class ZixflowTimeoutError extends ZixflowError {
  /** The API path that was called. */
  readonly endpoint: string;
  /** The time-out that expired, in milliseconds. */
  readonly timeoutMs: number;

  /** @param details - the path and the time-out that expired. */
  constructor(details: { endpoint: string; timeoutMs: number }) {
    super(`Zixflow did not answer POST ${details.endpoint} within ${details.timeoutMs} ms`, { retryable: false });
    this.endpoint = details.endpoint;
    this.timeoutMs = details.timeoutMs;
  }
}
