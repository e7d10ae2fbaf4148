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

  /**
   * @param details - where and how the connection failed.
   * @param known - for subclasses that know more about the failure: their message, and whether
   * repeating can help (by default, only when the request was never written).
   */
  constructor(details: ZixflowTransportErrorDetails, known?: { message: string; retryable: boolean }) {
    const when = details.requestSent ? 'after the request was sent' : 'before the request was sent';
    const method = details.method ?? 'POST';
    const message = `Network error calling Zixflow ${method} ${details.endpoint} (${details.code ?? 'unknown'}) ${when}`;
    super(known?.message ?? message, {
      retryable: known?.retryable ?? !details.requestSent,
      attempts: details.attempts ?? 1,
    });
    this.endpoint = details.endpoint;
    this.method = method;
    this.code = details.code;
    this.requestSent = details.requestSent;
  }
}

/** What a refused server certificate carries: where, which check failed, and in plain words why. */
export interface ZixflowTlsCertificateErrorDetails {
  /** The API path that was called. */
  endpoint: string;
  /** The HTTP method of the request: `POST` for sends (the default), `GET` for reads. */
  method?: string;
  /** The host (and port) of the configured `baseUrl` whose certificate was refused. */
  host: string;
  /** The certificate check that failed, e.g. `DEPTH_ZERO_SELF_SIGNED_CERT` or `CERT_HAS_EXPIRED`. */
  code: string;
  /** Why, in plain words, e.g. "the certificate has expired". */
  reason: string;
  /** Requests made for this send, retries included. Defaults to 1. */
  attempts?: number;
}

/**
 * The server at the configured `baseUrl` presented a certificate this process does not trust
 * (self-signed, expired, for another host, from an unknown issuer, or replaced by an intercepting
 * proxy). Permanent until the configuration or the server changes, so never retried; the request
 * was not sent, because no byte of it goes out before the handshake succeeds. A
 * {@link ZixflowNetworkError}, so code that catches network errors keeps working.
 */
export class ZixflowTlsCertificateError extends ZixflowNetworkError {
  /** The host (and port) of the configured `baseUrl` whose certificate was refused. */
  readonly host: string;

  /** @param details - the request, the host and the certificate check that failed. */
  constructor(details: ZixflowTlsCertificateErrorDetails) {
    const method = details.method ?? 'POST';
    super(
      { endpoint: details.endpoint, method, code: details.code, requestSent: false, attempts: details.attempts },
      {
        message:
          `TLS certificate problem with the configured baseUrl (ZIXFLOW_BASE_URL) host ${details.host}: ` +
          `${details.reason} (${details.code}). Not retried; ${method} ${details.endpoint} was not sent`,
        retryable: false,
      },
    );
    this.host = details.host;
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
