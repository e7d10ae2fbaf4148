import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { ZixflowModuleOptions } from './zixflow-options.interface';
import { resolveZixflowOptions } from './zixflow-options.schema';

const API_KEY = 'zx_live_Kq7PzT3dRv9WmN2b';
const WORKSPACE = '69614209f51dfafb2231a6fe';
const SECRET = 'whsec_9f8e7d6c5b4a39281706';

function resolve(overrides: Record<string, unknown>): ReturnType<typeof resolveZixflowOptions> {
  return resolveZixflowOptions({ apiKey: API_KEY, ...overrides } as ZixflowModuleOptions);
}

function messageOf(overrides: Record<string, unknown>): string {
  try {
    resolve(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ZixflowConfigurationError');
}

describe('resolveZixflowOptions: the AI API', () => {
  it('defaults to the AI host and prefix, and keeps the key and workspace id among the secrets', () => {
    expect(resolve({ api: 'ai', workspaceId: WORKSPACE })).toMatchObject({
      api: 'ai',
      workspaceId: WORKSPACE,
      baseUrl: 'https://api-ai.zixflow.com',
      ingestPrefix: '/api/ingest',
      secrets: [API_KEY, WORKSPACE],
      defaultPostBackUrl: undefined,
    });
  });

  it('requires workspaceId for the AI API, naming the option and its variable, never a value', () => {
    const message = messageOf({ api: 'ai' });
    expect(message).toBe(
      'ZixflowModule: workspaceId is missing or empty. Set the ZIXFLOW_WORKSPACE_ID environment variable (read by zixflowConfig) ' +
        "or pass workspaceId to ZixflowModule.forRoot(); the AI API (api: 'ai') needs it in the x-workspace-id header of every call.",
    );
    expect(messageOf({ api: 'ai', workspaceId: '' })).toContain('workspaceId is missing');
    expect(message).not.toContain(API_KEY);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ api: 'sms' }, "ZixflowModule: api (ZIXFLOW_API) must be one of 'campaign', 'ai'."],
    [
      { api: 'ai', workspaceId: 'ws 1' },
      'ZixflowModule: workspaceId contains whitespace or control characters; check ZIXFLOW_WORKSPACE_ID for a stray space or newline.',
    ],
    [
      { ingestPrefix: 'api/ingest' },
      'ZixflowModule: ingestPrefix (ZIXFLOW_INGEST_PREFIX) must be a path such as /api/ingest (starting with "/", no trailing "/").',
    ],
    [
      { ingestPrefix: '/api/ingest/' },
      'ZixflowModule: ingestPrefix (ZIXFLOW_INGEST_PREFIX) must be a path such as /api/ingest (starting with "/", no trailing "/").',
    ],
    [
      { postBacks: { webhooksUrl: 'https://bot.example.com/hooks' } },
      'ZixflowModule: postBacks.secret is missing or empty. Set the ZIXFLOW_WEBHOOK_SECRET environment variable (read by zixflowConfig) or pass postBacks.secret to ZixflowModule.forRoot().',
    ],
    [
      { postBacks: { webhooksUrl: 'https://bot.example.com/hooks', secret: 'short' } },
      "ZixflowModule: postBacks.secret (ZIXFLOW_WEBHOOK_SECRET) must be the webhooks module's secret: 16 to 512 visible ASCII characters.",
    ],
    [
      { postBacks: { webhooksUrl: 'https://bot.example.com/hooks?x=1', secret: SECRET } },
      'ZixflowModule: postBacks.webhooksUrl (ZIXFLOW_WEBHOOKS_URL) must be an http or https URL without credentials, query or fragment, e.g. https://bot.example.com/zixflow/webhooks.',
    ],
    [
      { postBacks: { url: 'https://bot.example.com' } },
      'ZixflowModule: postBacks.url is not an option. The options of postBacks are webhooksUrl, secret.',
    ],
  ])('refuses %j', (overrides, expected) => {
    expect(messageOf(overrides)).toBe(expected);
  });

  it('accepts the older /api/ingestion prefix', () => {
    expect(resolve({ api: 'ai', workspaceId: WORKSPACE, ingestPrefix: '/api/ingestion' }).ingestPrefix).toBe(
      '/api/ingestion',
    );
  });

  it('builds the post-back URL from postBacks and keeps the secret, as typed and percent-encoded, among the secrets', () => {
    const secret = 'whsec_a+b/c=d&e0123456';
    const resolved = resolve({
      api: 'ai',
      workspaceId: WORKSPACE,
      postBacks: { webhooksUrl: 'https://bot.example.com/zixflow/webhooks/', secret },
    });
    expect(resolved.defaultPostBackUrl).toBe(
      'https://bot.example.com/zixflow/webhooks/postbacks?token=whsec_a%2Bb%2Fc%3Dd%26e0123456',
    );
    expect(resolved.secrets).toEqual([API_KEY, WORKSPACE, secret, encodeURIComponent(secret)]);
  });

  it('tolerates the AI-only options on the campaign API, where they are not used', () => {
    const resolved = resolve({
      workspaceId: WORKSPACE,
      postBacks: { webhooksUrl: 'https://bot.example.com/h', secret: SECRET },
    });
    expect(resolved).toMatchObject({
      api: 'campaign',
      baseUrl: 'https://api.zixflow.com',
      defaultPostBackUrl: undefined,
    });
  });

  it('keeps a given baseUrl whatever the API', () => {
    expect(resolve({ api: 'ai', workspaceId: WORKSPACE, baseUrl: 'http://127.0.0.1:4010/' }).baseUrl).toBe(
      'http://127.0.0.1:4010',
    );
  });
});
