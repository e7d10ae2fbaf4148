import { ZixflowError } from '../../../core/errors/zixflow.error';
import {
  ZixflowNetworkError,
  ZixflowTimeoutError,
  ZixflowTlsCertificateError,
} from '../../../core/errors/zixflow-network.error';
import { requestWasWritten } from './request-was-written';
import { describeCertificateFailure } from './tls-certificate-failure';

/**
 * Failures that happen before a connection exists, so the request cannot have been written and
 * repeating it cannot send a message twice.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

/** Codes axios and Node use for an expired time-out. */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);

/** The request that failed without an answer, as its error names it. */
export interface ZixflowFailedRequest {
  /** The HTTP method used: `POST` for sends, `GET` for reads. */
  method: string;
  /** The API path that was called. */
  endpoint: string;
  /** The host (and port) of the configured `baseUrl`, named when its certificate is refused. */
  host: string;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * Maps a failure without an HTTP answer to a typed error. Only the code and whether the request
 * was written are read from the original error, never its message, config or request: axios
 * errors carry the request headers and thus the API key. Anything not known to have failed
 * before the request was written is treated as possibly sent (not retryable), because a
 * duplicate message is worse than a reported failure. A refused server certificate is permanent
 * (retrying meets the same certificate) and is reported as such, naming the configured host.
 *
 * @param request - the method and path, named in the error.
 * @param timeoutMs - the configured time-out, reported on a time-out.
 * @param attempts - requests made for this send so far, this one included.
 */
export function mapTransportError(
  error: unknown,
  request: ZixflowFailedRequest,
  timeoutMs: number,
  attempts = 1,
): ZixflowError {
  const { method, endpoint } = request;
  const code = errorCode(error);
  const certificateFailure = describeCertificateFailure(code);
  if (code !== undefined && certificateFailure !== undefined) {
    return new ZixflowTlsCertificateError({
      endpoint,
      method,
      host: request.host,
      code,
      reason: certificateFailure,
      attempts,
    });
  }
  const failedBeforeConnecting = code !== undefined && NOT_SENT_CODES.has(code);
  const requestSent = !failedBeforeConnecting && (requestWasWritten(error) ?? true);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new ZixflowTimeoutError({ endpoint, method, timeoutMs, requestSent, attempts });
  }
  return new ZixflowNetworkError({ endpoint, method, code, requestSent, attempts });
}
