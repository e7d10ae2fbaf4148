import { UnrecoverableError } from 'bullmq';
import { ZixflowBadRequestError, ZixflowRateLimitError, ZixflowServerError } from '../../core/errors/zixflow-api.error';
import { ZixflowNetworkError, ZixflowTimeoutError } from '../../core/errors/zixflow-network.error';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { originalFailure, toJobFailure, ZixflowFinalAttemptError, ZixflowRetryableAttemptError } from './job-failure';

const ENDPOINT = '/api/v1/campaign/whatsapp/message/send';

describe('toJobFailure', () => {
  it.each([
    ['429', new ZixflowRateLimitError({ status: 429, endpoint: ENDPOINT, retryAfterMs: 1000 })],
    ['503', new ZixflowServerError({ status: 503, endpoint: ENDPOINT, retryable: true })],
    [
      'a connection refused before the request was written',
      new ZixflowNetworkError({ endpoint: ENDPOINT, code: 'ECONNREFUSED', requestSent: false }),
    ],
  ])('%s is retried by BullMQ', (_case, error) => {
    const failure = toJobFailure(error);
    expect(failure).toBeInstanceOf(ZixflowRetryableAttemptError);
    expect(failure).not.toBeInstanceOf(UnrecoverableError);
    expect(failure.message).toBe(`${error.name}: ${error.message}`);
    expect(originalFailure(failure)).toBe(error);
  });

  it.each([
    ['400', new ZixflowBadRequestError({ status: 400, endpoint: ENDPOINT, zixflowMessage: 'Invalid data Provided' })],
    ['500 (the message may have been processed)', new ZixflowServerError({ status: 500, endpoint: ENDPOINT })],
    ['a time-out after the request was written', new ZixflowTimeoutError({ endpoint: ENDPOINT, timeoutMs: 10_000 })],
    ['an invalid message', new ZixflowValidationError(['phoneId is required'])],
    ['an unexpected error', new TypeError('boom')],
  ])('%s fails the job at once (UnrecoverableError)', (_case, error) => {
    const failure = toJobFailure(error);
    expect(failure).toBeInstanceOf(ZixflowFinalAttemptError);
    expect(failure).toBeInstanceOf(UnrecoverableError);
    expect(failure.name).toBe('UnrecoverableError');
    expect(failure.message).toBe(`${error.name}: ${error.message}`);
    expect(originalFailure(failure)).toBe(error);
  });

  it('carries Retry-After to the back-off strategy', () => {
    const failure = toJobFailure(new ZixflowRateLimitError({ status: 429, endpoint: ENDPOINT, retryAfterMs: 2500 }));
    expect((failure as ZixflowRetryableAttemptError).retryAfterMs).toBe(2500);
  });

  it('describes a thrown non-error value too', () => {
    expect(toJobFailure('nope').message).toBe('Error: nope');
  });

  it('passes BullMQ’s own errors (e.g. a stalled job) through to the failure event', () => {
    const stalled = new UnrecoverableError('job stalled more than allowable limit');
    expect(originalFailure(stalled)).toBe(stalled);
  });
});
