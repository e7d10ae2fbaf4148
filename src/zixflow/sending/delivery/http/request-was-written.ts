/**
 * Whether a failed request had been written in full to the socket, i.e. the request's `finish`
 * event had fired, read from the `ClientRequest` axios attaches as `error.request`
 * (`writableFinished`). Only that boolean is read: the request also holds the headers, and thus
 * the API key. Undefined when the error carries no request.
 *
 * A request that was not written in full cannot have been processed, so repeating it cannot send
 * the message twice: this is what makes a reset during connect (or during the TLS handshake)
 * safely retryable, unlike a reset after the body went out.
 */
export function requestWasWritten(error: unknown): boolean | undefined {
  const request = typeof error === 'object' && error !== null && 'request' in error ? error.request : undefined;
  if (typeof request !== 'object' || request === null || !('writableFinished' in request)) {
    return undefined;
  }
  return typeof request.writableFinished === 'boolean' ? request.writableFinished : undefined;
}
