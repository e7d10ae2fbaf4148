import { ZixflowConfigurationError } from '../errors/zixflow-configuration.error';
import { group, resolveOptions } from './option-group';
import { boolean, durationMs, secret, wholeNumber } from './scalar-options';

const OWNER = { name: 'TestModule', config: 'testConfig', extras: ['isGlobal'] };

const RETRY = {
  retries: wholeNumber({ min: 0 }).default(3),
  minDelayMs: durationMs(0).default(250),
  retryOnTimeout: boolean().default(false),
};
const SHAPE = {
  apiKey: secret().fromEnv('TEST_API_KEY'),
  timeoutMs: durationMs(1).fromEnv('TEST_TIMEOUT_MS').default(10_000),
  retry: group(RETRY, { allowFalse: true }),
  rateLimit: group({ perSecond: wholeNumber({ min: 1 }), burst: wholeNumber({ min: 1 }).default(1) }).optional(),
};

function problemOf(options: unknown): string {
  try {
    resolveOptions(OWNER, SHAPE, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected the options to be refused');
}

describe('resolveOptions / group', () => {
  it('applies defaults, filling a left-out group with a fresh object each time', () => {
    const first = resolveOptions(OWNER, SHAPE, { apiKey: 'k' });
    expect(first).toStrictEqual({
      apiKey: 'k',
      timeoutMs: 10_000,
      retry: { retries: 3, minDelayMs: 250, retryOnTimeout: false },
      rateLimit: undefined,
    });
    expect(resolveOptions(OWNER, SHAPE, { apiKey: 'k' }).retry).not.toBe(first.retry);
  });

  it('treats undefined fields as left out and keeps false for a group that allows it', () => {
    expect(resolveOptions(OWNER, SHAPE, { apiKey: 'k', timeoutMs: undefined, retry: false })).toMatchObject({
      timeoutMs: 10_000,
      retry: false,
    });
  });

  it.each([undefined, null, 'k', ['k']])('refuses options %p, naming the required ones', (options) => {
    expect(problemOf(options)).toBe('TestModule: options are missing; pass { apiKey } to TestModule.forRoot().');
  });

  it('refuses a misspelt key, naming it and the likely one meant', () => {
    expect(problemOf({ apiKey: 'k', timeoutMS: 5 })).toBe(
      'TestModule: timeoutMS is not an option; did you mean timeoutMs? The options are apiKey, timeoutMs, retry, rateLimit.',
    );
  });

  it('refuses a misspelt key in a nested group, with its path', () => {
    expect(problemOf({ apiKey: 'k', retry: { retrys: 5 } })).toBe(
      'TestModule: retry.retrys is not an option; did you mean retries? The options of retry are retries, minDelayMs, retryOnTimeout.',
    );
    expect(problemOf({ apiKey: 'k', rateLimit: { perSecond: 1, brust: 2 } })).toMatch(
      /^TestModule: rateLimit.brust is not an option; did you mean burst\?/,
    );
  });

  it('says only "not an option" when nothing is close', () => {
    expect(problemOf({ apiKey: 'k', colour: 'red' })).toBe(
      'TestModule: colour is not an option. The options are apiKey, timeoutMs, retry, rateLimit.',
    );
  });

  it('checks unknown keys before missing ones: a misspelt required key is named as such', () => {
    expect(problemOf({ apikey: 'k' })).toMatch(/^TestModule: apikey is not an option; did you mean apiKey\?/);
  });

  it('says where a forRoot() setting goes when it is given inside the options', () => {
    expect(problemOf({ apiKey: 'k', isGlobal: true })).toBe(
      'TestModule: isGlobal is not an option but a setting of TestModule.forRoot() / forRootAsync() itself; ' +
        'pass it there, next to useFactory, not in the options.',
    );
  });

  it('does not take inherited names such as constructor for options', () => {
    expect(problemOf({ apiKey: 'k', constructor: 1 })).toMatch(/^TestModule: constructor is not an option/);
  });

  it.each<[string, unknown, string]>([
    ['retry', 'yes', 'TestModule: retry must be false or an object with retries, minDelayMs, retryOnTimeout.'],
    ['retry', true, 'TestModule: retry must be false or an object with retries, minDelayMs, retryOnTimeout.'],
    ['rateLimit', [], 'TestModule: rateLimit must be an object with perSecond, burst.'],
    ['rateLimit', {}, 'TestModule: rateLimit.perSecond is missing.'],
    ['retry', { retries: -1 }, 'TestModule: retry.retries must be a whole number ≥ 0.'],
  ])('%s %p → %s', (key, value, message) => {
    expect(problemOf({ apiKey: 'k', [key]: value })).toBe(message);
  });

  it('checks fields in declaration order', () => {
    expect(problemOf({ apiKey: ' k', timeoutMs: 0 })).toMatch(/^TestModule: apiKey contains whitespace/);
  });
});
