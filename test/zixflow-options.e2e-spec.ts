import { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { ZixflowConfigurationError, ZixflowModule, ZixflowModuleOptions } from '../src/zixflow';
import { ZixflowQueueModule, ZixflowQueueModuleOptions, zixflowQueueConfig } from '../src/zixflow/queue';
import { ZixflowWebhooksModule, ZixflowWebhooksModuleOptions } from '../src/zixflow/webhooks';

/**
 * The three modules check their options with one toolkit, so the same mistake reads the same in
 * each, and each refuses a misspelt key at start-up whichever way its options were given.
 */

type Options = Record<string, unknown>;
type Imports = NonNullable<Parameters<typeof Test.createTestingModule>[0]['imports']>;
type Way = 'forRoot' | 'forRootAsync';

interface Registration {
  readonly name: string;
  /** The least a start-up needs; a mistake is added to it. */
  readonly valid: Options;
  readonly register: (way: Way, options: Options) => DynamicModule;
  /** Modules the registration needs beside itself. */
  readonly alongside: DynamicModule[];
}

const SECRET = 'whsec_5c2b9e7f1a3d4068';

const SENDING: Registration = {
  name: 'ZixflowModule',
  valid: { apiKey: 'zx_test_key_0123' },
  register: (way, options) =>
    way === 'forRoot'
      ? ZixflowModule.forRoot(options as unknown as ZixflowModuleOptions)
      : ZixflowModule.forRootAsync({ useFactory: () => options as unknown as ZixflowModuleOptions }),
  alongside: [],
};

// No Redis is needed: the options are checked before the queue's connection is created.
const QUEUE: Registration = {
  name: 'ZixflowQueueModule',
  valid: { connection: 'redis://127.0.0.1:6379' },
  register: (way, options) =>
    way === 'forRoot'
      ? ZixflowQueueModule.forRoot(options as unknown as ZixflowQueueModuleOptions)
      : ZixflowQueueModule.forRootAsync({ useFactory: () => options as unknown as ZixflowQueueModuleOptions }),
  alongside: [],
};

const WEBHOOKS: Registration = {
  name: 'ZixflowWebhooksModule',
  valid: { secret: SECRET },
  register: (way, options) =>
    way === 'forRoot'
      ? ZixflowWebhooksModule.forRoot(options as unknown as ZixflowWebhooksModuleOptions)
      : ZixflowWebhooksModule.forRootAsync({ useFactory: () => options as unknown as ZixflowWebhooksModuleOptions }),
  alongside: [EventEmitterModule.forRoot()],
};

const MODULES: Readonly<Record<string, Registration>> = {
  ZixflowModule: SENDING,
  ZixflowQueueModule: QUEUE,
  ZixflowWebhooksModule: WEBHOOKS,
};

const WAYS: readonly Way[] = ['forRoot', 'forRootAsync'];

/** The message start-up fails with; fails the test when start-up succeeds. */
async function startUpFailure(imports: Imports): Promise<string> {
  let error: unknown;
  try {
    const moduleRef = await Test.createTestingModule({ imports }).compile();
    await moduleRef.close();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ZixflowConfigurationError);
  return (error as Error).message;
}

function start(module: Registration, way: Way, mistake: Options): Promise<string> {
  return startUpFailure([...module.alongside, module.register(way, { ...module.valid, ...mistake })]);
}

/** The one wording of each mistake, whatever the module: `label` is the path and, if any, `(ENV)`. */
const WORDING = {
  misspelt: (module: string, path: string, meant: string, options: string) =>
    `${module}: ${path} is not an option; did you mean ${meant}? The options${options}.`,
  wholeNumber: (module: string, label: string, min: number) => `${module}: ${label} must be a whole number ≥ ${min}.`,
  boolean: (module: string, label: string) => `${module}: ${label} must be true or false.`,
};

describe.each(WAYS)('the same mistake reads the same in every module (%s)', (way) => {
  it.each<[string, Options, string]>([
    [
      'ZixflowModule',
      { retry: { retrys: 1 } },
      WORDING.misspelt(
        'ZixflowModule',
        'retry.retrys',
        'retries',
        ' of retry are retries, minDelayMs, maxDelayMs, maxRetryAfterMs, retryOnTimeout, onRetry',
      ),
    ],
    [
      'ZixflowQueueModule',
      { worker: { concurency: 2 } },
      WORDING.misspelt(
        'ZixflowQueueModule',
        'worker.concurency',
        'concurrency',
        ' of worker are concurrency, shutdownTimeoutMs, lockDurationMs, stalledIntervalMs, maxStalledCount',
      ),
    ],
    [
      'ZixflowWebhooksModule',
      { dedupe: { ttl: 1000 } },
      WORDING.misspelt('ZixflowWebhooksModule', 'dedupe.ttl', 'ttlMs', ' of dedupe are ttlMs, maxEntries, store'),
    ],
  ])('a misspelt nested key: %s', async (name, mistake, message) => {
    expect(await start(MODULES[name], way, mistake)).toBe(message);
  });

  it.each<[string, Options, string]>([
    [
      'ZixflowModule',
      { rateLimit: { perSecond: 1, burst: -1 } },
      WORDING.wholeNumber('ZixflowModule', 'rateLimit.burst', 1),
    ],
    [
      'ZixflowQueueModule',
      { worker: { concurrency: -1 } },
      WORDING.wholeNumber('ZixflowQueueModule', 'worker.concurrency (ZIXFLOW_QUEUE_CONCURRENCY)', 1),
    ],
    ['ZixflowWebhooksModule', { maxBodyBytes: -1 }, WORDING.wholeNumber('ZixflowWebhooksModule', 'maxBodyBytes', 1)],
  ])('a negative whole number: %s', async (name, mistake, message) => {
    expect(await start(MODULES[name], way, mistake)).toBe(message);
  });

  it.each<[string, Options, string]>([
    [
      'ZixflowModule',
      {},
      'ZixflowModule: apiKey is missing or empty. Set the ZIXFLOW_API_KEY environment variable (read by zixflowConfig) ' +
        'or pass apiKey to ZixflowModule.forRoot(); to run with no Zixflow account, start the sandbox first: ' +
        'await ZixflowSandboxMode.start() (nestjs-zixflow/testing) at the top of main.ts, with the options read by ' +
        'forRootAsync(zixflowConfig.asProvider()).',
    ],
    [
      'ZixflowQueueModule',
      {},
      'ZixflowQueueModule: connection is missing or empty. Set the REDIS_URL environment variable (read by zixflowQueueConfig) ' +
        'or pass connection to ZixflowQueueModule.forRoot(); a URL such as redis://127.0.0.1:6379.',
    ],
    [
      'ZixflowWebhooksModule',
      {},
      'ZixflowWebhooksModule: secret is missing or empty. Set the ZIXFLOW_WEBHOOK_SECRET environment variable ' +
        '(read by zixflowWebhooksConfig) or pass secret to ZixflowWebhooksModule.forRoot(); ' +
        'generate one with `openssl rand -hex 32`.',
    ],
  ])('a missing required option: %s', async (name, _mistake, message) => {
    const module = MODULES[name];
    expect(await startUpFailure([...module.alongside, module.register(way, {})])).toBe(message);
  });
});

// ZixflowWebhooksModule has no true/false option, so the boolean mistake is given to the other two,
// once in code and once through an environment variable.
describe('a non-boolean reads the same in every module that has a boolean option', () => {
  const saved = process.env.ZIXFLOW_QUEUE_WORKER;

  afterEach(() => {
    if (saved === undefined) delete process.env.ZIXFLOW_QUEUE_WORKER;
    else process.env.ZIXFLOW_QUEUE_WORKER = saved;
  });

  it.each(WAYS)('ZixflowModule, templates.checkVariables: "yes" (%s)', async (way) => {
    expect(await start(SENDING, way, { templates: { checkVariables: 'yes' } })).toBe(
      WORDING.boolean('ZixflowModule', 'templates.checkVariables'),
    );
  });

  it('ZixflowQueueModule, ZIXFLOW_QUEUE_WORKER=yes through zixflowQueueConfig', async () => {
    process.env.ZIXFLOW_QUEUE_WORKER = 'yes';
    const message = await startUpFailure([
      ConfigModule.forRoot({ ignoreEnvFile: true }),
      ZixflowQueueModule.forRootAsync(zixflowQueueConfig.asProvider()),
    ]);
    expect(message).toBe(WORDING.boolean('ZixflowQueueModule', 'worker (ZIXFLOW_QUEUE_WORKER)'));
  });
});

describe.each(WAYS)('every module refuses a misspelt top-level key at start-up (%s)', (way) => {
  it.each<[string, Options, string]>([
    [
      'ZixflowModule',
      { baseURL: 'https://api.zixflow.com' },
      'ZixflowModule: baseURL is not an option; did you mean baseUrl?',
    ],
    ['ZixflowQueueModule', { prefx: 'shop' }, 'ZixflowQueueModule: prefx is not an option; did you mean prefix?'],
    [
      'ZixflowWebhooksModule',
      { secretHeadr: 'x-hook' },
      'ZixflowWebhooksModule: secretHeadr is not an option; did you mean secretHeader?',
    ],
  ])('%s', async (name, mistake, message) => {
    const failure = await start(MODULES[name], way, mistake);
    expect(failure.startsWith(message)).toBe(true);
    expect(failure).toMatch(/ The options are [\w, ]+\.$/);
  });

  // So the refusals above are about the key alone. (Starting the queue needs Redis: left to queue.e2e-spec.ts.)
  it.each(['ZixflowModule', 'ZixflowWebhooksModule'])('%s starts with its valid options', async (name) => {
    const module = MODULES[name];
    const moduleRef = await Test.createTestingModule({
      imports: [...module.alongside, module.register(way, module.valid)],
    }).compile();
    await moduleRef.close();
  });
});

// forRoot() takes these settings next to the options; a factory given to forRootAsync() cannot, and
// returning them with its options is a likely slip.
describe('forRootAsync with a forRoot() setting inside the options', () => {
  it.each<[string, Options]>([
    ['ZixflowModule', { isGlobal: true }],
    ['ZixflowQueueModule', { queueName: 'campaigns' }],
    ['ZixflowWebhooksModule', { path: 'hooks' }],
  ])('%s says where a forRoot() setting given inside the options goes', async (name, mistake) => {
    const key = Object.keys(mistake)[0];
    expect(await start(MODULES[name], 'forRootAsync', mistake)).toBe(
      `${name}: ${key} is not an option but a setting of ${name}.forRoot() / forRootAsync() itself; ` +
        'pass it there, next to useFactory, not in the options.',
    );
  });
});
