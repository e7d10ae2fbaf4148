import { ZixflowRateLimitError, ZixflowServerError } from '../../../core/errors/zixflow-api.error';
import { ZixflowError } from '../../../core/errors/zixflow.error';
import { ZixflowNetworkError, ZixflowTimeoutError } from '../../../core/errors/zixflow-network.error';
import { ResolvedRetryOptions } from '../../options/zixflow-options.schema';
import { fullJitterDelayMs } from '../../../core/backoff/full-jitter-backoff';

/**
 * How long to wait before repeating a failed attempt, or undefined to give up. Repeats only what
 * cannot send the message twice or what Zixflow asked for (`error.retryable`: 429, 503, a
 * connection that failed before the request was written), plus, when `retryOnTimeout` is set,
 * time-outs and connections lost after the request was written.
 *
 * A `Retry-After` is honoured exactly; when it asks for longer than `maxRetryAfterMs` the error
 * is surfaced at once (retrying sooner than asked would only be refused again).
 *
 * @param attempt - the attempt that just failed, from 1.
 */
export function retryDelayMs(
  error: ZixflowError,
  attempt: number,
  retry: ResolvedRetryOptions | false,
  random: () => number = Math.random,
): number | undefined {
  if (retry === false || attempt > retry.retries || !isWorthRepeating(error, retry.retryOnTimeout)) {
    return undefined;
  }
  const asked = askedDelayMs(error);
  if (asked !== undefined) {
    return asked <= retry.maxRetryAfterMs ? asked : undefined;
  }
  return fullJitterDelayMs(attempt, retry.minDelayMs, retry.maxDelayMs, random);
}

function isWorthRepeating(error: ZixflowError, retryOnTimeout: boolean): boolean {
  if (error.retryable) {
    return true;
  }
  return (
    retryOnTimeout &&
    (error instanceof ZixflowTimeoutError || (error instanceof ZixflowNetworkError && error.requestSent))
  );
}

function askedDelayMs(error: ZixflowError): number | undefined {
  return error instanceof ZixflowRateLimitError || error instanceof ZixflowServerError ? error.retryAfterMs : undefined;
}
