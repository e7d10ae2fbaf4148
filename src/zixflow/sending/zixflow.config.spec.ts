import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { zixflowConfig } from './zixflow.config';
import { resolveZixflowOptions } from './options/zixflow-options.schema';

const VARIABLES = [
  'ZIXFLOW_API_KEY',
  'ZIXFLOW_BASE_URL',
  'ZIXFLOW_PHONE_ID',
  'ZIXFLOW_TIMEOUT_MS',
  'ZIXFLOW_API',
  'ZIXFLOW_WORKSPACE_ID',
  'ZIXFLOW_INGEST_PREFIX',
  'ZIXFLOW_WEBHOOKS_URL',
  'ZIXFLOW_WEBHOOK_SECRET',
  'ZIXFLOW_STARTUP_CHECK',
] as const;

/** What the namespace holds for the AI API's options when their variables are unset. */
const AI_UNSET = {
  api: undefined,
  workspaceId: undefined,
  ingestPrefix: undefined,
  postBacks: undefined,
  startupCheck: undefined,
};

describe('zixflowConfig', () => {
  let saved: Record<string, string | undefined>;

  beforeEach(() => {
    saved = {};
    for (const name of VARIABLES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });

  afterEach(() => {
    for (const name of VARIABLES) {
      const value = saved[name];
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  });

  function setEnv(values: Partial<Record<(typeof VARIABLES)[number], string>>): void {
    Object.assign(process.env, values);
  }

  it('is registered under the zixflow namespace', () => {
    expect(zixflowConfig.KEY).toBe('CONFIGURATION(zixflow)');
  });

  it('reads every variable', () => {
    setEnv({
      ZIXFLOW_API_KEY: 'zx_env_key',
      ZIXFLOW_BASE_URL: 'http://localhost:4010',
      ZIXFLOW_PHONE_ID: '104898309288724',
      ZIXFLOW_TIMEOUT_MS: '2500',
    });
    expect(zixflowConfig()).toStrictEqual({
      ...AI_UNSET,
      apiKey: 'zx_env_key',
      baseUrl: 'http://localhost:4010',
      defaultPhoneId: '104898309288724',
      timeoutMs: 2500,
    });
  });

  it('reads ZIXFLOW_STARTUP_CHECK, and refuses a value that is not off, warn or fail where it is read', () => {
    setEnv({ ZIXFLOW_API_KEY: 'zx_env_key', ZIXFLOW_STARTUP_CHECK: 'fail' });
    expect(zixflowConfig().startupCheck).toBe('fail');
    setEnv({ ZIXFLOW_STARTUP_CHECK: 'yes' });
    expect(() => zixflowConfig()).toThrow(/ZIXFLOW_STARTUP_CHECK.*'off', 'warn', 'fail'/);
  });

  it('reads the environment when called, not when imported', () => {
    setEnv({ ZIXFLOW_API_KEY: 'first' });
    expect(zixflowConfig().apiKey).toBe('first');
    setEnv({ ZIXFLOW_API_KEY: 'second' });
    expect(zixflowConfig().apiKey).toBe('second');
  });

  it('leaves unset variables undefined and apiKey empty', () => {
    expect(zixflowConfig()).toStrictEqual({
      ...AI_UNSET,
      apiKey: '',
      baseUrl: undefined,
      defaultPhoneId: undefined,
      timeoutMs: undefined,
    });
  });

  it.each(['', '   ', '\n'])('treats %j as unset', (empty) => {
    setEnv({ ZIXFLOW_API_KEY: empty, ZIXFLOW_BASE_URL: empty, ZIXFLOW_PHONE_ID: empty, ZIXFLOW_TIMEOUT_MS: empty });
    expect(zixflowConfig()).toStrictEqual({
      ...AI_UNSET,
      apiKey: '',
      baseUrl: undefined,
      defaultPhoneId: undefined,
      timeoutMs: undefined,
    });
  });

  it('trims surrounding whitespace, such as a newline pasted into .env', () => {
    setEnv({ ZIXFLOW_API_KEY: ' zx_env_key\n', ZIXFLOW_PHONE_ID: ' 1048 ', ZIXFLOW_TIMEOUT_MS: ' 3000 ' });
    const config = zixflowConfig();
    expect(config.apiKey).toBe('zx_env_key');
    expect(config.defaultPhoneId).toBe('1048');
    expect(config.timeoutMs).toBe(3000);
  });

  it.each(['abc', '0', '-5', '1.5', '10s', '1e4'])('ZIXFLOW_TIMEOUT_MS=%j throws naming the variable', (raw) => {
    setEnv({ ZIXFLOW_API_KEY: 'zx_env_key', ZIXFLOW_TIMEOUT_MS: raw });
    let thrown: unknown;
    try {
      zixflowConfig();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZixflowConfigurationError);
    expect((thrown as Error).message).toContain('ZIXFLOW_TIMEOUT_MS');
    expect((thrown as Error).message).not.toContain('zx_env_key');
  });

  // The same words as `timeoutMs: 0` given in code: one checker reads both.
  it('words a bad ZIXFLOW_TIMEOUT_MS as the module check does', () => {
    setEnv({ ZIXFLOW_API_KEY: 'zx_env_key', ZIXFLOW_TIMEOUT_MS: 'soon' });
    expect(() => zixflowConfig()).toThrow(
      'ZixflowModule: timeoutMs (ZIXFLOW_TIMEOUT_MS) must be a whole number ≥ 1 and ≤ 2147483647.',
    );
  });

  it('an unset key fails the module check by naming apiKey and ZIXFLOW_API_KEY', () => {
    setEnv({ ZIXFLOW_BASE_URL: 'http://localhost:4010' });
    expect(() => resolveZixflowOptions(zixflowConfig())).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/apiKey.*ZIXFLOW_API_KEY/s) }) as Error,
    );
  });

  it('produces options the module check accepts', () => {
    setEnv({ ZIXFLOW_API_KEY: 'zx_env_key', ZIXFLOW_BASE_URL: 'https://sandbox.example.com/' });
    expect(resolveZixflowOptions(zixflowConfig())).toMatchObject({
      apiKey: 'zx_env_key',
      baseUrl: 'https://sandbox.example.com',
      timeoutMs: 10_000,
    });
  });

  it('reads the AI API options, and postBacks only once ZIXFLOW_WEBHOOKS_URL is set', () => {
    setEnv({
      ZIXFLOW_API_KEY: 'zx_env_key',
      ZIXFLOW_API: 'ai',
      ZIXFLOW_WORKSPACE_ID: 'ws-env',
      ZIXFLOW_INGEST_PREFIX: '/api/ingestion',
      ZIXFLOW_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
    });
    expect(zixflowConfig()).toMatchObject({ api: 'ai', workspaceId: 'ws-env', ingestPrefix: '/api/ingestion' });
    expect(zixflowConfig().postBacks).toBeUndefined();
    setEnv({ ZIXFLOW_WEBHOOKS_URL: 'https://bot.example.com/zixflow/webhooks' });
    expect(zixflowConfig().postBacks).toEqual({
      webhooksUrl: 'https://bot.example.com/zixflow/webhooks',
      secret: 'whsec_0123456789abcdef',
    });
    expect(resolveZixflowOptions(zixflowConfig()).defaultPostBackUrl).toBe(
      'https://bot.example.com/zixflow/webhooks/postbacks?token=whsec_0123456789abcdef',
    );
  });

  it('ZIXFLOW_API=AI (wrong case) fails naming the variable and the two values', () => {
    setEnv({ ZIXFLOW_API_KEY: 'zx_env_key', ZIXFLOW_API: 'AI' });
    expect(() => zixflowConfig()).toThrow("ZixflowModule: api (ZIXFLOW_API) must be one of 'campaign', 'ai'.");
  });

  it('provides itself to forRootAsync through asProvider()', () => {
    const provider = zixflowConfig.asProvider();
    expect(provider.inject).toEqual([zixflowConfig.KEY]);
    expect(typeof provider.useFactory).toBe('function');
  });
});
