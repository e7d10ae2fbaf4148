import { ZixflowSandbox } from './zixflow-sandbox';
import type { ZixflowSandboxAccountOptions } from './sandbox-accounts.types';

/*
 * One sandbox serving several Zixflow accounts: each request is matched to its account by its
 * credentials alone, what it sends is recorded under that account, and no other account's data
 * ever answers it. Over real HTTP on 127.0.0.1.
 */

const MAIN = { apiKey: 'main-key-5c1e9a', workspaceId: 'ws-main-77' };
const BRAND_A = { name: 'brand-a', apiKey: 'brand-a-key-0f3b2d' };
const BRAND_B = {
  name: 'brand-b',
  apiKey: 'brand-b-key-9d4e1c',
  workspaceId: 'ws-brand-b-42',
  phoneId: '200000000000001',
};
const KEYS = [MAIN.apiKey, BRAND_A.apiKey, BRAND_B.apiKey];

const SESSION_PATH = '/api/v1/campaign/whatsapp/message/send';
const AI_TEXT_PATH = '/api/ingest/whatsapp/v1/message/text/send';
const campaignText = (phoneId: string) => ({
  to: '13023895111',
  phoneId,
  type: 'text',
  text: { body: 'hi' },
});
const aiText = (phoneId: string) => ({ recipient: '13023895111', phone_id: phoneId, text: { body: 'hi' } });

describe('ZixflowSandbox with several Zixflow accounts', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ ...MAIN, inbox: false, zixflowAccounts: [BRAND_A, BRAND_B] });
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  beforeEach(() => sandbox.clear());

  async function call(path: string, headers: Record<string, string>, body?: unknown, method = 'POST') {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
  }
  const bearer = (apiKey: string) => ({ authorization: `Bearer ${apiKey}` });
  const aiHeaders = (apiKey: string, workspaceId: string) => ({ 'x-api-key': apiKey, 'x-workspace-id': workspaceId });

  it('describes every account, the default first, with generated numbers and workspaces but no key', () => {
    expect(sandbox.zixflowAccounts).toEqual([
      {
        name: undefined,
        label: 'default',
        workspaceId: 'ws-main-77',
        phoneId: '100000000000001',
        wabaId: '100000000000002',
        appConnected: false,
      },
      {
        name: 'brand-a',
        label: 'brand-a',
        workspaceId: 'sandbox-workspace-brand-a',
        phoneId: '100000000000101',
        wabaId: '100000000000102',
        appConnected: false,
      },
      {
        name: 'brand-b',
        label: 'brand-b',
        workspaceId: 'ws-brand-b-42',
        phoneId: '200000000000001',
        wabaId: '100000000000202',
        appConnected: false,
      },
    ]);
    const described = JSON.stringify(sandbox.zixflowAccounts);
    for (const key of KEYS) expect(described).not.toContain(key);
    expect(sandbox.apiKey).toBe(MAIN.apiKey);
    expect(sandbox.phoneId).toBe('100000000000001');
  });

  it('records each campaign send under the account whose Bearer key it carried', async () => {
    expect((await call(SESSION_PATH, bearer(BRAND_A.apiKey), campaignText('100000000000101'))).status).toBe(200);
    expect((await call(SESSION_PATH, bearer(MAIN.apiKey), campaignText('100000000000001'))).status).toBe(200);

    expect(sandbox.messages.map((message) => [message.account, message.phoneId])).toEqual([
      ['brand-a', '100000000000101'],
      [undefined, '100000000000001'],
    ]);
    expect(sandbox.messages[1]).not.toHaveProperty('account');
    expect(sandbox.requests.map((request) => request.account)).toEqual(['brand-a', undefined]);
    expect(sandbox.messagesOf('brand-a').map((message) => message.phoneId)).toEqual(['100000000000101']);
    expect(sandbox.messagesOf().map((message) => message.phoneId)).toEqual(['100000000000001']);
    expect(sandbox.messagesOf('brand-b')).toEqual([]);
    expect(() => sandbox.messagesOf('brand-c')).toThrow(
      'ZixflowSandbox: messagesOf: no account named "brand-c" (known: default (no name), brand-a, brand-b)',
    );
  });

  it('records each AI send under the account whose key and own workspace it carried', async () => {
    const sent = await call(AI_TEXT_PATH, aiHeaders(BRAND_B.apiKey, BRAND_B.workspaceId), aiText('200000000000001'));

    expect(sent.status).toBe(200);
    expect(sandbox.messages).toEqual([expect.objectContaining({ api: 'ai', account: 'brand-b', to: '13023895111' })]);
    expect(sandbox.lastRequest).toMatchObject({ account: 'brand-b', path: AI_TEXT_PATH });
  });

  it.each([
    ['a key of no account', bearer('nobody-key')],
    ['no key', {}],
  ])('answers a campaign send with %s 401, exactly as with one account', async (_, headers) => {
    const refused = await call(SESSION_PATH, headers, campaignText('100000000000001'));

    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ status: false, message: 'Unauthorised' });
    expect(sandbox.messages).toEqual([]);
    expect(sandbox.lastRequest).not.toHaveProperty('account');
  });

  it.each([
    ["brand-b's key with the default workspace", aiHeaders(BRAND_B.apiKey, MAIN.workspaceId)],
    ["the default key with brand-b's workspace", aiHeaders(MAIN.apiKey, BRAND_B.workspaceId)],
    ["brand-a's key with brand-b's workspace", aiHeaders(BRAND_A.apiKey, BRAND_B.workspaceId)],
    ["brand-b's key as a Bearer header", { ...bearer(BRAND_B.apiKey), 'x-workspace-id': BRAND_B.workspaceId }],
  ])('refuses an AI call with %s', async (_, headers) => {
    const refused = await call(AI_TEXT_PATH, headers, aiText('200000000000001'));

    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ success: false, message: 'Unauthorized' });
    expect(sandbox.messages).toEqual([]);
    expect(sandbox.lastRequest).not.toHaveProperty('account');
  });

  it("lists each key's own WhatsApp accounts, and finds a delivery report only with its sender's credentials", async () => {
    const brandB = aiHeaders(BRAND_B.apiKey, BRAND_B.workspaceId);
    const main = aiHeaders(MAIN.apiKey, MAIN.workspaceId);
    const listed = await call('/api/data/whatsapp/v1/accounts', brandB, undefined, 'GET');
    expect(listed.json.data).toEqual([
      expect.objectContaining({ phone_id: '200000000000001', verified_name: 'Sandbox Business (brand-b)' }),
    ]);
    const sent = await call(AI_TEXT_PATH, brandB, aiText('200000000000001'));
    const reportPath = `/api/data/messages/v1/delivery-report?request_id=${String(sent.json.request_id)}`;

    const own = await call(reportPath, brandB, undefined, 'GET');
    const other = await call(reportPath, main, undefined, 'GET');

    expect(own.status).toBe(200);
    expect(own.json.data).toMatchObject({ workspace_id: BRAND_B.workspaceId, recipient: '13023895111' });
    expect(other.status).toBe(404);
    for (const key of KEYS) expect(listed.text + own.text + other.text).not.toContain(key);
  });

  it('keeps the default account exactly as before when no accounts are given', async () => {
    const single = await ZixflowSandbox.start({ inbox: false });
    try {
      expect(single.zixflowAccounts.map(({ name, label }) => [name, label])).toEqual([[undefined, 'default']]);
      expect(() => single.messagesOf('brand-b')).toThrow(RangeError);
    } finally {
      await single.stop();
    }
  });

  describe('options', () => {
    const start = (zixflowAccounts: ZixflowSandboxAccountOptions[]) =>
      ZixflowSandbox.start({ ...MAIN, inbox: false, zixflowAccounts });

    it.each<[string, ZixflowSandboxAccountOptions[], string]>([
      [
        'a name that is no path segment',
        [{ name: 'brand b', apiKey: 'k-1' }],
        'ZixflowSandbox: zixflowAccounts[0].name must be 1-64 letters, digits and - . _ ~, starting with a letter or digit (got "brand b")',
      ],
      [
        'the name default',
        [{ name: 'default', apiKey: 'k-1' }],
        'ZixflowSandbox: zixflowAccounts[0] (default): "default" names the top-level account',
      ],
      [
        'a name twice',
        [BRAND_A, { name: 'brand-a', apiKey: 'k-2' }],
        'ZixflowSandbox: zixflowAccounts[1] (brand-a): another account has this name',
      ],
      [
        'an empty key',
        [{ name: 'brand-c', apiKey: '' }],
        'ZixflowSandbox: zixflowAccounts[0] (brand-c): apiKey must be a non-empty string',
      ],
      [
        'another account’s key',
        [{ name: 'brand-c', apiKey: MAIN.apiKey }],
        'ZixflowSandbox: zixflowAccounts[0] (brand-c): apiKey is also the key of account default; each account needs its own',
      ],
      [
        'an unknown option',
        [{ name: 'brand-c', apiKey: 'k-1', secret: 'x' } as ZixflowSandboxAccountOptions],
        'ZixflowSandbox: zixflowAccounts[0]: unknown option "secret"',
      ],
    ])('refuses %s before binding a port, naming no key', async (_, accounts, message) => {
      const error = (await start(accounts).catch((caught: unknown) => caught)) as Error;

      expect(error).toBeInstanceOf(Error);
      expect(error.message).toBe(message);
      for (const key of [MAIN.apiKey, 'k-1', 'k-2']) expect(error.message).not.toContain(key);
    });
  });
});
