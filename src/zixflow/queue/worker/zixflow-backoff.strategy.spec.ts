import { ZixflowRateLimitError, ZixflowServerError } from '../../core/errors/zixflow-api.error';
import { ZixflowRetryableAttemptError } from './job-failure';
import { zixflowBackoffStrategy } from './zixflow-backoff.strategy';

const ENDPOINT = '/api/v1/campaign/whatsapp/message/send';
const BOUNDS = { minDelayMs: 1000, maxDelayMs: 60_000 };

function rateLimited(retryAfterMs?: number): ZixflowRetryableAttemptError {
  return new ZixflowRetryableAttemptError(new ZixflowRateLimitError({ status: 429, endpoint: ENDPOINT, retryAfterMs }));
}

describe('zixflowBackoffStrategy', () => {
  const strategy = zixflowBackoffStrategy(BOUNDS, () => 0.5);

  it('waits exactly as long as Retry-After says, even beyond maxDelayMs', () => {
    expect(strategy(1, 'zixflow', rateLimited(2000))).toBe(2000);
    expect(strategy(1, 'zixflow', rateLimited(120_000))).toBe(120_000);
  });

  it('honours Retry-After on a 503 too', () => {
    const busy = new ZixflowServerError({ status: 503, endpoint: ENDPOINT, retryable: true, retryAfterMs: 3000 });
    expect(strategy(2, 'zixflow', new ZixflowRetryableAttemptError(busy))).toBe(3000);
  });

  it('without Retry-After: full-jitter exponential back-off, capped at maxDelayMs', () => {
    expect(strategy(1, 'zixflow', rateLimited())).toBe(500);
    expect(strategy(3, 'zixflow', rateLimited())).toBe(2000);
    expect(strategy(20, 'zixflow', rateLimited())).toBe(30_000);
    expect(zixflowBackoffStrategy(BOUNDS, () => 0)(4, 'zixflow', rateLimited())).toBe(0);
  });

  it('refuses to retry a job whose back-off type it does not own', () => {
    expect(strategy(1, 'custom', rateLimited(1000))).toBe(-1);
  });
});
