import {
  ZixflowAuthError,
  ZixflowBadRequestError,
  ZixflowRateLimitError,
  ZixflowServerError,
} from '../../../core/errors/zixflow-api.error';
import { ZixflowError } from '../../../core/errors/zixflow.error';
import { ZixflowNetworkError, ZixflowTimeoutError } from '../../../core/errors/zixflow-network.error';
import { ZixflowPacingQueueFullError } from '../../../core/errors/zixflow-pacing-queue-full.error';
import { ZixflowValidationError } from '../../../core/errors/zixflow-validation.error';
import { ResolvedRetryOptions } from '../../options/zixflow-options.schema';
import { retryDelayMs } from './retry-delay';

const endpoint = '/api/v1/campaign/whatsapp/message/send';
const RETRY: ResolvedRetryOptions = {
  retries: 3,
  minDelayMs: 100,
  maxDelayMs: 1000,
  maxRetryAfterMs: 5000,
  retryOnTimeout: false,
  onRetry: undefined,
};
const HALF = (): number => 0.5;

const rateLimited = (retryAfterMs?: number): ZixflowError =>
  new ZixflowRateLimitError({ status: 429, endpoint, retryAfterMs });
const server = (status: number, retryAfterMs?: number): ZixflowError =>
  new ZixflowServerError({ status, endpoint, retryable: status === 503, retryAfterMs });
const network = (requestSent: boolean): ZixflowError =>
  new ZixflowNetworkError({ endpoint, code: 'ECONNRESET', requestSent });
const timeout = (requestSent: boolean): ZixflowError =>
  new ZixflowTimeoutError({ endpoint, timeoutMs: 100, requestSent });

describe('retryDelayMs', () => {
  describe('what is repeated', () => {
    it.each<[string, ZixflowError]>([
      ['429', rateLimited()],
      ['503', server(503)],
      ['a connection that failed before the request was written', network(false)],
    ])('%s → back-off delay', (_name, error) => {
      expect(retryDelayMs(error, 1, RETRY, HALF)).toBe(50);
    });

    it.each<[string, ZixflowError]>([
      ['500', server(500)],
      ['502', server(502)],
      ['400', new ZixflowBadRequestError({ status: 400, endpoint })],
      ['401', new ZixflowAuthError({ status: 401, endpoint })],
      ['a connection lost after the request was written', network(true)],
      ['a time-out after the request was written', timeout(true)],
      ['a time-out before the request was written', timeout(false)],
      ['invalid input', new ZixflowValidationError(['to is required'])],
      ['a full send queue', new ZixflowPacingQueueFullError({ endpoint, phoneId: 'p', maxQueued: 1 })],
    ])('%s → not repeated', (_name, error) => {
      expect(retryDelayMs(error, 1, RETRY, HALF)).toBeUndefined();
    });
  });

  describe('retryOnTimeout: true (may send twice)', () => {
    const retry = { ...RETRY, retryOnTimeout: true };

    it.each<[string, ZixflowError]>([
      ['a time-out after the request was written', timeout(true)],
      ['a time-out before the request was written', timeout(false)],
      ['a connection lost after the request was written', network(true)],
    ])('%s → repeated', (_name, error) => {
      expect(retryDelayMs(error, 1, retry, HALF)).toBe(50);
    });

    it.each<[string, ZixflowError]>([
      ['500', server(500)],
      ['a full send queue', new ZixflowPacingQueueFullError({ endpoint, phoneId: 'p', maxQueued: 1 })],
    ])('%s → still not repeated', (_name, error) => {
      expect(retryDelayMs(error, 1, retry, HALF)).toBeUndefined();
    });
  });

  it('gives up after `retries` retries: attempts 1..retries are retried, attempt retries + 1 is final', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(server(503), attempt, RETRY, HALF))).toEqual([
      50,
      100,
      200,
      undefined,
    ]);
  });

  it('retries: 0 never retries', () => {
    expect(retryDelayMs(server(503), 1, { ...RETRY, retries: 0 }, HALF)).toBeUndefined();
  });

  it('retry: false never retries', () => {
    expect(retryDelayMs(server(503), 1, false, HALF)).toBeUndefined();
  });

  describe('Retry-After', () => {
    it.each<[string, ZixflowError, number]>([
      ['on a 429', rateLimited(1000), 1000],
      ['on a 503', server(503, 2000), 2000],
      ['of 0 (retry now)', rateLimited(0), 0],
      ['of exactly maxRetryAfterMs', rateLimited(5000), 5000],
    ])('%s is waited exactly, without jitter', (_name, error, expected) => {
      expect(retryDelayMs(error, 1, RETRY, HALF)).toBe(expected);
    });

    it('beyond maxRetryAfterMs surfaces the error instead of waiting (or retrying too early)', () => {
      expect(retryDelayMs(rateLimited(5001), 1, RETRY, HALF)).toBeUndefined();
    });

    it('on a 500 does not make it retryable', () => {
      expect(retryDelayMs(server(500, 1000), 1, RETRY, HALF)).toBeUndefined();
    });
  });
});
