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
    expect(problemOf({})).toBe(
      'ZixflowQueueModule: connection is missing or empty. Set the REDIS_URL environment variable ' +
        '(read by zixflowQueueConfig) or pass connection to ZixflowQueueModule.forRoot(); a URL such as redis://127.0.0.1:6379.',
    );
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

  it('words a bad whole number like every module, naming the variable that feeds it', () => {
    expect(problemOf({ connection: URL, worker: { concurrency: 0 } })).toBe(
      'ZixflowQueueModule: worker.concurrency (ZIXFLOW_QUEUE_CONCURRENCY) must be a whole number ≥ 1.',
    );
    expect(problemOf({ connection: URL, attempts: -1 })).toBe(
      'ZixflowQueueModule: attempts must be a whole number ≥ 1.',
    );
  });

  // Node turns longer timers into 1 ms: a lock that expires at once would send every job twice.
  it.each([
    ['worker.lockDurationMs', { worker: { lockDurationMs: 2 ** 31 } }],
    ['worker.stalledIntervalMs', { worker: { stalledIntervalMs: 2 ** 31 } }],
    ['worker.shutdownTimeoutMs', { worker: { shutdownTimeoutMs: 2 ** 31 } }],
    ['rateLimit.durationMs', { rateLimit: { max: 1, durationMs: 2 ** 31 } }],
    ['backoff.maxDelayMs', { backoff: { maxDelayMs: 2 ** 31 } }],
  ])('refuses a %s beyond the Node timer maximum', (name, options) => {
    expect(problemOf({ connection: URL, ...options })).toMatch(
      new RegExp(`^ZixflowQueueModule: ${name} must be a whole number ≥ \\d and ≤ 2147483647\\.$`),
    );
  });

  it.each([
    [{ connection: URL, workers: {} }, 'workers is not an option; did you mean worker?'],
    [{ connection: URL, worker: { concurency: 2 } }, 'worker.concurency is not an option; did you mean concurrency?'],
    [{ connection: URL, backoff: { maxDelay: 2 } }, 'backoff.maxDelay is not an option; did you mean maxDelayMs?'],
    [{ connection: URL, retention: { failed: 2 } }, 'retention.failed is not an option; did you mean failedSeconds?'],
    [
      { connection: URL, rateLimit: { max: 1, duration: 2 } },
      'rateLimit.duration is not an option; did you mean durationMs?',
    ],
    [{ connection: URL, queueName: 'q' }, 'queueName is not an option but a setting of ZixflowQueueModule.forRoot()'],
  ])('refuses the misspelt key of %j, naming it', (options, message) => {
    expect(problemOf(options)).toContain(`ZixflowQueueModule: ${message}`);
  });

  it('refuses a connection that is neither a URL nor options, naming REDIS_URL', () => {
    expect(problemOf({ connection: 6379 })).toBe(
      'ZixflowQueueModule: connection (REDIS_URL) must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0, ' +
        'or BullMQ connection options.',
    );
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
