import { UnrecoverableError } from 'bullmq';
import { ZixflowError } from '../../core/errors/zixflow.error';

/** The error that made an attempt fail, kept on what is thrown to BullMQ for the failure event. */
interface CarriesFailure {
  readonly failure: unknown;
}

/**
 * Thrown to BullMQ when an attempt failed in a way that may be retried (Zixflow's `retryable`):
 * BullMQ schedules the next attempt with the Zixflow back-off strategy, which reads `retryAfterMs`.
 * Its message, stored as the job's `failedReason`, starts with the original error's class name.
 */
export class ZixflowRetryableAttemptError extends Error implements CarriesFailure {
  /** How long Zixflow asked to wait (`Retry-After`), or undefined. */
  readonly retryAfterMs: number | undefined;

  /** @param failure - the retryable failure of this attempt. */
  constructor(readonly failure: ZixflowError) {
    super(describeFailure(failure));
    this.name = 'ZixflowRetryableAttemptError';
    this.retryAfterMs = retryAfterOf(failure);
  }
}

/**
 * Thrown to BullMQ when an attempt failed for good: an `UnrecoverableError`, so the job fails at
 * once whatever attempts are left. The name stays `UnrecoverableError`, which BullMQ also checks.
 */
export class ZixflowFinalAttemptError extends UnrecoverableError implements CarriesFailure {
  /** @param failure - the error that ended the job. */
  constructor(readonly failure: unknown) {
    super(describeFailure(failure));
    this.name = 'UnrecoverableError';
  }
}

/**
 * Turns the failure of one send into what BullMQ should do with the job: retry it later (only for
 * errors the library marks `retryable`: 429, 503, a connection that failed before the request was
 * written), or fail it at once (everything else, unexpected errors included: the message may
 * already have gone out, and repeating it could deliver it twice). The stored `failedReason` is
 * `<ErrorClass>: <message>`, which holds no secret by construction of the library's errors.
 */
export function toJobFailure(error: unknown): ZixflowRetryableAttemptError | ZixflowFinalAttemptError {
  if (error instanceof ZixflowError && error.retryable) {
    return new ZixflowRetryableAttemptError(error);
  }
  return new ZixflowFinalAttemptError(error);
}

/** The error that made an attempt fail, for the failure event; BullMQ's own errors are passed as they are. */
export function originalFailure(error: Error): Error {
  const failure = (error as Partial<CarriesFailure>).failure;
  return failure instanceof Error ? failure : error;
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `Error: ${String(error)}`;
}

function retryAfterOf(error: ZixflowError): number | undefined {
  const retryAfterMs: unknown = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0
    ? retryAfterMs
    : undefined;
}
