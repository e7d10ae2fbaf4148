import { Test } from '@nestjs/testing';
import { ZixflowConfigurationError, ZixflowModule, ZixflowModuleOptions } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { API_KEY, PHONE_ID, RecordingLogger } from './reliability.helpers';

/*
 * `startupCheck`: one request at start-up, before the app takes traffic, through the real module
 * against the sandbox; `'fail'` stops `init()` with what is wrong, `'warn'` logs it and starts.
 */
const WORKSPACE = 'ws-startup-check';
const WRONG_KEY = 'zx-wrong-key-9f8e7d6c5b4a';

describe('startupCheck: the credentials are checked at start-up when asked', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({
      apiKey: API_KEY,
      workspaceId: WORKSPACE,
      phoneId: PHONE_ID,
      deliveryReports: false,
      inbox: false,
    });
  });
  beforeEach(() => sandbox.clear());
  afterAll(() => sandbox.stop());

  /** Starts a module and closes it again; resolves with its log, or rejects with what `init()` threw. */
  async function start(options: Partial<ZixflowModuleOptions>): Promise<RecordingLogger> {
    const logger = new RecordingLogger();
    const moduleRef = await Test.createTestingModule({
      imports: [ZixflowModule.forRoot({ apiKey: API_KEY, baseUrl: sandbox.url, retry: false, ...options })],
    })
      .setLogger(logger)
      .compile();
    try {
      await moduleRef.init();
    } finally {
      await moduleRef.close();
    }
    return logger;
  }

  const ai = { api: 'ai', workspaceId: WORKSPACE, defaultPhoneId: PHONE_ID } as const;

  it("'off' (the default) makes no request at start-up", async () => {
    await start(ai);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('AI API: key, workspace and phone id accepted → one GET of the accounts endpoint, one log line', async () => {
    const logger = await start({ ...ai, startupCheck: 'fail' });
    expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/data/whatsapp/v1/accounts',
    ]);
    expect(sandbox.requests[0].headers).toMatchObject({ 'x-api-key': API_KEY, 'x-workspace-id': WORKSPACE });
    expect(logger.at('log', /Start-up check passed/)).toEqual([
      expect.stringContaining('ZIXFLOW_PHONE_ID is one of its 1 WhatsApp number'),
    ]);
  });

  it("AI API: a phone id the workspace does not have → 'fail' stops start-up naming ZIXFLOW_PHONE_ID and the ids it has", async () => {
    const error = await start({ ...ai, defaultPhoneId: '999000111', startupCheck: 'fail' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    expect((error as Error).message).toMatch(
      new RegExp(`ZIXFLOW_PHONE_ID 999000111 is not a WhatsApp number of this workspace; its phone ids: ${PHONE_ID}`),
    );
  });

  it("AI API: a refused key → 'fail' names ZIXFLOW_API_KEY and never prints the key", async () => {
    const error = await start({ ...ai, apiKey: WRONG_KEY, startupCheck: 'fail' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    const message = (error as Error).message;
    expect(message).toMatch(/start-up check.*Zixflow refused the API key \(ZIXFLOW_API_KEY\)/);
    expect(message).toContain('ZIXFLOW_WORKSPACE_ID');
    expect(message).not.toContain(WRONG_KEY);
    expect(message).not.toContain(WORKSPACE);
  });

  it("'warn' logs the problem once and starts anyway; no line holds the key", async () => {
    const logger = await start({ ...ai, apiKey: WRONG_KEY, startupCheck: 'warn' });
    expect(logger.at('warn', /Start-up check failed/)).toEqual([
      expect.stringContaining('Zixflow refused the API key (ZIXFLOW_API_KEY)'),
    ]);
    expect(logger.lines.map((line) => line.text).join('\n')).not.toContain(WRONG_KEY);
  });

  it('campaign API: an accepted key passes through one authenticated read, and says the phone id is not checked', async () => {
    const logger = await start({ defaultPhoneId: PHONE_ID, startupCheck: 'fail' });
    expect(sandbox.requests).toHaveLength(1);
    expect(sandbox.requests[0]).toMatchObject({
      method: 'GET',
      path: '/api/v1/campaign/whatsapp/variable-keys',
      headers: expect.objectContaining({ authorization: `Bearer ${API_KEY}` }),
    });
    expect(logger.at('log', /Start-up check passed/)).toEqual([
      expect.stringContaining('has no way to check ZIXFLOW_PHONE_ID'),
    ]);
  });

  it("campaign API: a refused key → 'fail' stops start-up naming ZIXFLOW_API_KEY, without the key", async () => {
    const error = await start({ apiKey: WRONG_KEY, defaultPhoneId: PHONE_ID, startupCheck: 'fail' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    expect((error as Error).message).toMatch(/Zixflow refused the API key \(ZIXFLOW_API_KEY\)/);
    expect((error as Error).message).not.toContain(WRONG_KEY);
  });

  it('an unreachable host → fail names why', async () => {
    const error = await start({ ...ai, baseUrl: 'http://127.0.0.1:9', startupCheck: 'fail', timeoutMs: 500 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    expect((error as Error).message).toMatch(/start-up check.*(refused|unreachable|connect)/i);
  });

  it('an unknown startupCheck value is refused by name', async () => {
    await expect(start({ ...ai, startupCheck: 'yes' as never })).rejects.toThrow(
      /startupCheck.*must be one of 'off', 'warn', 'fail'/,
    );
  });
});
