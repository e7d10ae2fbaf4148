import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { ZixflowQueueModuleOptions } from './zixflow-queue-options.interface';
import { resolveZixflowQueueOptions } from './zixflow-queue-options.schema';

const URL = 'redis://127.0.0.1:6379';

function resolveWith(options: Partial<ZixflowQueueModuleOptions>) {
  return resolveZixflowQueueOptions({ connection: URL, ...options });
}

function problemOf(options: unknown): string {
  try {
    resolveZixflowQueueOptions(options as ZixflowQueueModuleOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('resolveZixflowQueueOptions', () => {
  it('applies the defaults: a worker, 5 attempts, 1 s–60 s back-off, 24 h / 7 d retention, no limit', () => {
    expect(resolveZixflowQueueOptions({ connection: URL })).toEqual({
      queue: {
        connection: { host: '127.0.0.1', port: 6379 },
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'zixflow' },
          removeOnComplete: { age: 86_400 },
          removeOnFail: { age: 604_800 },
        },
      },
      worker: {
        concurrency: 10,
        shutdownTimeoutMs: 10_000,
        lockDurationMs: 30_000,
        stalledIntervalMs: 30_000,
        maxStalledCount: 1,
      },
      rateLimit: undefined,
      backoff: { minDelayMs: 1000, maxDelayMs: 60_000 },
    });
  });

  it('takes every option', () => {
    const resolved = resolveWith({
      prefix: 'app',
      worker: {
        concurrency: 32,
        shutdownTimeoutMs: 0,
        lockDurationMs: 5000,
        stalledIntervalMs: 2000,
        maxStalledCount: 3,
      },
      rateLimit: { max: 80, durationMs: 1000 },
      attempts: 8,
      backoff: { minDelayMs: 100, maxDelayMs: 5000 },
      retention: { completedSeconds: 3600, failedSeconds: 60 },
    });
    expect(resolved).toEqual({
      queue: {
        connection: { host: '127.0.0.1', port: 6379 },
        prefix: 'app',
        defaultJobOptions: {
          attempts: 8,
          backoff: { type: 'zixflow' },
          removeOnComplete: { age: 3600 },
          removeOnFail: { age: 60 },
        },
      },
      worker: {
        concurrency: 32,
        shutdownTimeoutMs: 0,
        lockDurationMs: 5000,
        stalledIntervalMs: 2000,
        maxStalledCount: 3,
      },
      rateLimit: { max: 80, durationMs: 1000 },
      backoff: { minDelayMs: 100, maxDelayMs: 5000 },
    });
  });

  it('worker: false makes a producer-only instance', () => {
    expect(resolveWith({ worker: false }).worker).toBe(false);
  });

  it('passes connection options through, e.g. host and port', () => {
    expect(resolveWith({ connection: { host: 'redis', port: 6380 } }).queue.connection).toEqual({
      host: 'redis',
      port: 6380,
    });
  });

  it('a missing connection names REDIS_URL and forRoot', () => {
    expect(problemOf({})).toMatch(/connection is missing.*REDIS_URL.*forRoot/);
    expect(problemOf({ connection: '  ' })).toMatch(/REDIS_URL/);
    expect(problemOf(undefined)).toMatch(/options are missing/);
  });

  it('a URL that is not redis:// is refused without echoing it (it may hold a password)', () => {
    const message = problemOf({ connection: 'http://user:s3cret-pass@redis:6379' });
    expect(message).toMatch(/redis:\/\/ or rediss:\/\//);
    expect(message).not.toContain('s3cret-pass');
  });

  it.each<[string, Partial<ZixflowQueueModuleOptions>]>([
    ['attempts', { attempts: 0 }],
    ['worker.concurrency', { worker: { concurrency: 1.5 } }],
    ['worker.shutdownTimeoutMs', { worker: { shutdownTimeoutMs: -1 } }],
    ['worker.lockDurationMs', { worker: { lockDurationMs: 0 } }],
    ['rateLimit.max', { rateLimit: { max: 0, durationMs: 1000 } }],
    ['rateLimit.durationMs', { rateLimit: { max: 10 } as never }],
    ['backoff.minDelayMs', { backoff: { minDelayMs: -5 } }],
    ['retention.completedSeconds', { retention: { completedSeconds: 0 } }],
  ])('refuses a bad %s, naming it', (name, options) => {
    expect(problemOf({ connection: URL, ...options })).toContain(name);
  });

  it('refuses a back-off whose maximum is below its minimum, and a prefix with ":"', () => {
    expect(problemOf({ connection: URL, backoff: { minDelayMs: 500, maxDelayMs: 100 } })).toMatch(
      /maxDelayMs must not be below/,
    );
    expect(problemOf({ connection: URL, prefix: 'a:b' })).toMatch(/prefix/);
  });

  it('raises the default maximum when only the minimum is above it', () => {
    expect(resolveWith({ backoff: { minDelayMs: 120_000 } }).backoff).toEqual({
      minDelayMs: 120_000,
      maxDelayMs: 120_000,
    });
  });
});
