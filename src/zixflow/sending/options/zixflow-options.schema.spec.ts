import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { ZixflowError } from '../../core/errors/zixflow.error';
import { ZixflowModuleOptions } from './zixflow-options.interface';
import { ResolvedZixflowOptions, resolveZixflowOptions } from './zixflow-options.schema';

const API_KEY = 'zx_live_Kq7PzT3dRv9WmN2b';

const DEFAULT_RETRY = {
  retries: 3,
  minDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
  retryOnTimeout: false,
  onRetry: undefined,
};

function options(overrides: Record<string, unknown> = {}): ZixflowModuleOptions {
  return { apiKey: API_KEY, ...overrides } as ZixflowModuleOptions;
}

/** Resolves and returns the ZixflowConfigurationError it threw; fails when it did not throw. */
function configurationError(input: unknown): ZixflowConfigurationError {
  let resolved: ResolvedZixflowOptions;
  try {
    resolved = resolveZixflowOptions(input as ZixflowModuleOptions | undefined);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    expect(error).toBeInstanceOf(ZixflowError);
    expect((error as ZixflowConfigurationError).retryable).toBe(false);
    return error as ZixflowConfigurationError;
  }
  throw new Error(`expected a ZixflowConfigurationError, got ${JSON.stringify(resolved)}`);
}

describe('resolveZixflowOptions', () => {
  describe('defaults', () => {
    it('applies every default when only apiKey is given', () => {
      expect(resolveZixflowOptions({ apiKey: API_KEY })).toStrictEqual({
        apiKey: API_KEY,
        api: 'campaign',
        workspaceId: undefined,
        ingestPrefix: '/api/ingest',
        postBacks: undefined,
        secrets: [API_KEY],
        defaultPostBackUrl: undefined,
        baseUrl: 'https://api.zixflow.com',
        defaultPhoneId: undefined,
        timeoutMs: 10_000,
        retry: DEFAULT_RETRY,
        rateLimit: undefined,
        templates: {
          variablesPath: '/api/v1/campaign/whatsapp/variable-keys',
          cacheTtlMs: 600_000,
          checkVariables: false,
        },
        startupCheck: 'off',
      });
    });

    it('treats explicitly undefined top-level options (as zixflowConfig produces) as unset', () => {
      const resolved = resolveZixflowOptions(
        options({
          baseUrl: undefined,
          defaultPhoneId: undefined,
          timeoutMs: undefined,
          retry: undefined,
          rateLimit: undefined,
        }),
      );
      expect(resolved.baseUrl).toBe('https://api.zixflow.com');
      expect(resolved.defaultPhoneId).toBeUndefined();
      expect(resolved.timeoutMs).toBe(10_000);
      expect(resolved.rateLimit).toBeUndefined();
      expect(resolved.retry).toStrictEqual(DEFAULT_RETRY);
    });

    it('treats empty baseUrl and defaultPhoneId as unset', () => {
      const resolved = resolveZixflowOptions(options({ baseUrl: '', defaultPhoneId: '' }));
      expect(resolved.baseUrl).toBe('https://api.zixflow.com');
      expect(resolved.defaultPhoneId).toBeUndefined();
    });

    // The defaults must not be one shared object that a module could change for every other one.
    it('returns a fresh default retry object each time', () => {
      const first = resolveZixflowOptions(options());
      const second = resolveZixflowOptions(options());
      expect(second.retry).not.toBe(first.retry);
    });
  });

  describe('given values', () => {
    const onRetry = (): void => undefined;

    it('keeps given values', () => {
      expect(
        resolveZixflowOptions({
          apiKey: API_KEY,
          baseUrl: 'http://localhost:4010',
          defaultPhoneId: '104898309288724',
          timeoutMs: 2500,
          retry: { retries: 0, minDelayMs: 0, maxDelayMs: 100, maxRetryAfterMs: 5000, retryOnTimeout: true, onRetry },
          rateLimit: { perSecond: 80, burst: 10, maxConcurrent: 4, maxQueued: 50 },
          templates: { variablesPath: '/custom/keys', cacheTtlMs: 0, checkVariables: true },
          startupCheck: 'warn',
        }),
      ).toStrictEqual({
        apiKey: API_KEY,
        api: 'campaign',
        workspaceId: undefined,
        ingestPrefix: '/api/ingest',
        postBacks: undefined,
        secrets: [API_KEY],
        defaultPostBackUrl: undefined,
        baseUrl: 'http://localhost:4010',
        defaultPhoneId: '104898309288724',
        timeoutMs: 2500,
        retry: { retries: 0, minDelayMs: 0, maxDelayMs: 100, maxRetryAfterMs: 5000, retryOnTimeout: true, onRetry },
        rateLimit: { perSecond: 80, burst: 10, maxConcurrent: 4, maxQueued: 50 },
        templates: { variablesPath: '/custom/keys', cacheTtlMs: 0, checkVariables: true },
        startupCheck: 'warn',
      });
    });

    it.each([
      [{ variablesPath: 'no-slash' }, /templates.variablesPath must be a path/],
      [{ cacheTtlMs: -1 }, /templates.cacheTtlMs must be a whole number/],
      [{ checkVariables: 'yes' }, /templates.checkVariables must be true or false/],
      [{ cacheTTLMs: 5 }, /templates.cacheTTLMs is not an option; did you mean cacheTtlMs\?/],
    ])('refuses templates %j', (templates, message) => {
      expect(() => resolveZixflowOptions({ apiKey: API_KEY, templates } as never)).toThrow(message);
    });

    it.each<[string, string]>([
      ['https://api.zixflow.com/', 'https://api.zixflow.com'],
      ['https://sandbox.example.com/zixflow/', 'https://sandbox.example.com/zixflow'],
      ['https://sandbox.example.com/zixflow///', 'https://sandbox.example.com/zixflow'],
      ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ])('baseUrl %s → %s (trailing slashes removed)', (baseUrl, expected) => {
      expect(resolveZixflowOptions(options({ baseUrl })).baseUrl).toBe(expected);
    });

    it('keeps retry: false as false', () => {
      expect(resolveZixflowOptions(options({ retry: false })).retry).toBe(false);
    });

    it('fills the missing retry fields from the defaults', () => {
      expect(resolveZixflowOptions(options({ retry: { retries: 5 } })).retry).toStrictEqual({
        ...DEFAULT_RETRY,
        retries: 5,
      });
    });

    // An optional retry field given as undefined (allowed by the type) means "use the default".
    it('treats an undefined retry field as unset', () => {
      expect(resolveZixflowOptions(options({ retry: { retries: undefined, onRetry: undefined } })).retry).toStrictEqual(
        DEFAULT_RETRY,
      );
    });

    it('fills the missing rateLimit fields: burst 1, no concurrency limit, 1000 queued', () => {
      expect(resolveZixflowOptions(options({ rateLimit: { perSecond: 0.5 } })).rateLimit).toStrictEqual({
        perSecond: 0.5,
        burst: 1,
        maxConcurrent: Infinity,
        maxQueued: 1000,
      });
    });

    it('accepts maxQueued 0 (never wait: refuse when no slot is free)', () => {
      expect(resolveZixflowOptions(options({ rateLimit: { perSecond: 1, maxQueued: 0 } })).rateLimit?.maxQueued).toBe(
        0,
      );
    });

    it('accepts the apiKey as given (no trimming or changes)', () => {
      expect(resolveZixflowOptions(options()).apiKey).toBe(API_KEY);
    });
  });

  describe('errors', () => {
    it.each<[string, unknown]>([
      ['undefined', undefined],
      ['null', null],
      ['a string', 'zx_key'],
    ])('options %s → ZixflowConfigurationError', (_name, input) => {
      const error = configurationError(input);
      expect(error.message).toMatch(/options are missing/);
    });

    it.each<[string, Record<string, unknown>]>([
      ['missing', {}],
      ['undefined', { apiKey: undefined }],
      ['null', { apiKey: null }],
      ['empty', { apiKey: '' }],
      ['whitespace only', { apiKey: '   ' }],
      ['a tab and a newline only', { apiKey: '\t\n' }],
      ['a number', { apiKey: 12345 }],
    ])('apiKey %s → error naming apiKey and ZIXFLOW_API_KEY', (_name, input) => {
      const error = configurationError(input);
      expect(error.message).toContain('apiKey');
      expect(error.message).toContain('ZIXFLOW_API_KEY');
    });

    it.each<[string, string]>([
      ['a trailing newline', `${API_KEY}\n`],
      ['a trailing CRLF', `${API_KEY}\r\n`],
      ['a leading space', ` ${API_KEY}`],
      ['an inner space', `${API_KEY.slice(0, 8)} ${API_KEY.slice(8)}`],
      ['a control character', `${API_KEY}\u0000`],
    ])('apiKey with %s → error that does not show the key', (_name, apiKey) => {
      const error = configurationError({ apiKey });
      expect(error.message).toContain('ZIXFLOW_API_KEY');
      for (const text of [error.message, String(error), error.stack ?? '', JSON.stringify(error)]) {
        expect(text).not.toContain(API_KEY);
        expect(text).not.toContain(API_KEY.slice(0, 8));
        expect(text).not.toContain(API_KEY.slice(8));
      }
    });

    it.each<[string, unknown]>([
      ['ftp://x', 'ftp://x'],
      ['not a url', 'not a url'],
      ['a path only', '/api'],
      ['a host without scheme', 'api.zixflow.com'],
      ['whitespace', '   '],
      ['a number', 8080],
      ['javascript:', 'javascript:alert(1)'],
    ])('baseUrl %s → error naming baseUrl', (_name, baseUrl) => {
      const error = configurationError(options({ baseUrl }));
      expect(error.message).toContain('baseUrl');
      expect(error.message).toContain('ZIXFLOW_BASE_URL');
    });

    it.each(['https://user:pass@host', 'https://user@host', 'https://:pass@host'])(
      'baseUrl with credentials (%s) → error that does not show them',
      (baseUrl) => {
        const error = configurationError(options({ baseUrl }));
        expect(error.message).toContain('baseUrl');
        for (const text of [error.message, String(error), JSON.stringify(error)]) {
          expect(text).not.toContain('pass');
          expect(text).not.toContain('user');
          expect(text).not.toContain('@host');
        }
      },
    );

    it.each<[string, unknown]>([
      ['0', 0],
      ['-1', -1],
      ['1.5', 1.5],
      ["'100' (a string)", '100'],
      ['NaN', Number.NaN],
      ['Infinity', Number.POSITIVE_INFINITY],
      ['null', null],
    ])('timeoutMs %s → error naming timeoutMs', (_name, timeoutMs) => {
      const error = configurationError(options({ timeoutMs }));
      expect(error.message).toContain('timeoutMs');
      expect(error.message).toContain('ZIXFLOW_TIMEOUT_MS');
    });

    // Node truncates timers above 2^31-1 ms to 1 ms (TimeoutOverflowWarning), which would make
    // every request fail at once with a time-out; such a timeoutMs must not be accepted as is.
    it('does not accept a timeoutMs the Node timers cannot honour', () => {
      let resolved: ResolvedZixflowOptions;
      try {
        resolved = resolveZixflowOptions(options({ timeoutMs: 3_000_000_000 }));
      } catch (error) {
        expect(error).toBeInstanceOf(ZixflowConfigurationError);
        return;
      }
      expect(resolved.timeoutMs).toBeLessThanOrEqual(2 ** 31 - 1);
    });

    it.each<[string, unknown]>([
      ["'yes'", 'yes'],
      ['true', true],
      ['null', null],
      ['a number', 3],
    ])('retry %s → error naming retry', (_name, retry) => {
      const error = configurationError(options({ retry }));
      expect(error.message).toMatch(/retry must be false or an object/);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['retries -1', { retries: -1 }, 'retry.retries'],
      ['retries 1.5', { retries: 1.5 }, 'retry.retries'],
      ["retries '3'", { retries: '3' }, 'retry.retries'],
      ['minDelayMs -1', { minDelayMs: -1 }, 'retry.minDelayMs'],
      ['maxDelayMs NaN', { maxDelayMs: Number.NaN }, 'retry.maxDelayMs'],
      ['maxDelayMs above the timer limit', { maxDelayMs: 2 ** 31 }, 'retry.maxDelayMs'],
      ['maxRetryAfterMs -5', { maxRetryAfterMs: -5 }, 'retry.maxRetryAfterMs'],
      ["retryOnTimeout 'yes'", { retryOnTimeout: 'yes' }, 'retry.retryOnTimeout'],
      ['onRetry a string', { onRetry: 'log' }, 'retry.onRetry'],
      ['a misspelt field', { retrys: 5 }, 'retry.retrys is not an option'],
    ])('retry with %s → error naming the field', (_name, retry, field) => {
      const error = configurationError(options({ retry }));
      expect(error.message).toContain(field);
    });

    it.each<[string, unknown, string]>([
      ['true', true, 'rateLimit must be an object'],
      ['null', null, 'rateLimit must be an object'],
      ['without perSecond', {}, 'rateLimit.perSecond'],
      ['perSecond 0', { perSecond: 0 }, 'rateLimit.perSecond'],
      ['perSecond -1', { perSecond: -1 }, 'rateLimit.perSecond'],
      ['perSecond Infinity', { perSecond: Number.POSITIVE_INFINITY }, 'rateLimit.perSecond'],
      ['perSecond 1001 (finer than the 1 ms timer)', { perSecond: 1001 }, 'rateLimit.perSecond'],
      ["perSecond '80'", { perSecond: '80' }, 'rateLimit.perSecond'],
      ['burst 0', { perSecond: 1, burst: 0 }, 'rateLimit.burst'],
      ['burst 1.5', { perSecond: 1, burst: 1.5 }, 'rateLimit.burst'],
      ['maxConcurrent 0', { perSecond: 1, maxConcurrent: 0 }, 'rateLimit.maxConcurrent'],
      ['maxQueued -1', { perSecond: 1, maxQueued: -1 }, 'rateLimit.maxQueued'],
      ['a misspelt field', { perSecond: 1, maxQueue: 5 }, 'rateLimit.maxQueue is not an option'],
    ])('rateLimit %s → error naming the field', (_name, rateLimit, expected) => {
      const error = configurationError(options({ rateLimit }));
      expect(error.message).toContain(expected);
    });

    it.each<[string, unknown]>([
      ['whitespace', '   '],
      ['a number', 104898309288724],
    ])('defaultPhoneId %s → error naming defaultPhoneId', (_name, defaultPhoneId) => {
      const error = configurationError(options({ defaultPhoneId }));
      expect(error.message).toContain('defaultPhoneId');
      expect(error.message).toContain('ZIXFLOW_PHONE_ID');
    });

    it('checks apiKey before the other options and never shows the key', () => {
      const error = configurationError({ apiKey: `${API_KEY}\n`, baseUrl: 'ftp://x', timeoutMs: 0 });
      expect(error.message).toContain('apiKey');
      expect(error.message).not.toContain(API_KEY);
    });
  });
});
