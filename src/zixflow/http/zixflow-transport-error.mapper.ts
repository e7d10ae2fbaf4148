import { ZixflowError } from '../errors/zixflow.error';
import { ZixflowNetworkError, ZixflowTimeoutError } from '../errors/zixflow-network.error';

/**
 * Failures that happen before a connection exists, so the request cannot have been written and
 * repeating it cannot send a message twice.
 */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** Codes axios and Node use for an expired time-out. */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * Maps a failure without an HTTP answer to a typed error. Only the code is read from the original
 * error, never its message, config or request: axios errors carry the request headers and thus
 * the API key. Anything that is not known to have failed before the connection is treated as
 * possibly sent (not retryable), because a duplicate message is worse than a reported failure.
 */
export function mapTransportError(error: unknown, endpoint: string, timeoutMs: number): ZixflowError {
  const code = errorCode(error);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new ZixflowTimeoutError({ endpoint, timeoutMs });
  }
  return new ZixflowNetworkError({ endpoint, code, requestSent: !(code !== undefined && NOT_SENT_CODES.has(code)) });
}
