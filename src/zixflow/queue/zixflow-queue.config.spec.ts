import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { zixflowQueueConfig } from './zixflow-queue.config';

const VARIABLES = [
  'REDIS_URL',
  'ZIXFLOW_QUEUE_WORKER',
  'ZIXFLOW_QUEUE_CONCURRENCY',
  'ZIXFLOW_QUEUE_RATE_PER_SECOND',
  'ZIXFLOW_QUEUE_PREFIX',
] as const;

describe('zixflowQueueConfig', () => {
  let saved: Record<string, string | undefined>;

  beforeEach(() => {
    saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
    VARIABLES.forEach((name) => delete process.env[name]);
  });

  afterEach(() => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('is registered under the zixflowQueue namespace', () => {
    expect(zixflowQueueConfig.KEY).toBe('CONFIGURATION(zixflowQueue)');
  });

  it('reads every variable', () => {
    Object.assign(process.env, {
      REDIS_URL: 'redis://redis:6379/2',
      ZIXFLOW_QUEUE_CONCURRENCY: '25',
      ZIXFLOW_QUEUE_RATE_PER_SECOND: '80',
      ZIXFLOW_QUEUE_PREFIX: 'shop',
    });
    expect(zixflowQueueConfig()).toEqual({
      connection: 'redis://redis:6379/2',
      worker: { concurrency: 25 },
      rateLimit: { max: 80, durationMs: 1000 },
      prefix: 'shop',
    });
  });

  it('ZIXFLOW_QUEUE_WORKER=false makes a producer-only instance', () => {
    Object.assign(process.env, { REDIS_URL: 'redis://redis:6379', ZIXFLOW_QUEUE_WORKER: 'FALSE' });
    expect(zixflowQueueConfig().worker).toBe(false);
  });

  it('passes an unset REDIS_URL on empty, so the module names it at start-up', () => {
    expect(zixflowQueueConfig()).toEqual({ connection: '', worker: {} });
  });

  it.each([
    ['ZIXFLOW_QUEUE_CONCURRENCY', '0', 'worker.concurrency (ZIXFLOW_QUEUE_CONCURRENCY) must be a whole number ≥ 1.'],
    [
      'ZIXFLOW_QUEUE_RATE_PER_SECOND',
      '10/s',
      'rateLimit.max (ZIXFLOW_QUEUE_RATE_PER_SECOND) must be a whole number ≥ 1.',
    ],
    ['ZIXFLOW_QUEUE_WORKER', 'yes', 'worker (ZIXFLOW_QUEUE_WORKER) must be true or false.'],
  ])('words %s=%s as the module does', (name, value, message) => {
    process.env[name] = value;
    expect(() => zixflowQueueConfig()).toThrow(`ZixflowQueueModule: ${message}`);
  });

  it.each([
    ['ZIXFLOW_QUEUE_CONCURRENCY', '0'],
    ['ZIXFLOW_QUEUE_RATE_PER_SECOND', '1.5'],
    ['ZIXFLOW_QUEUE_WORKER', 'no'],
  ])('refuses %s=%s, naming it', (name, value) => {
    process.env[name] = value;
    expect(() => zixflowQueueConfig()).toThrow(ZixflowConfigurationError);
    expect(() => zixflowQueueConfig()).toThrow(name);
  });
});
