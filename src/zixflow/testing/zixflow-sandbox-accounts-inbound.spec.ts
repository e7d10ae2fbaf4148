import { eventually, FakeApp, rawRequest, type RawAnswer } from './sandbox-fake-app.spec-helper';
import { ZixflowSandbox } from './zixflow-sandbox';

/*
 * Inbound with several accounts in one sandbox: a customer of an account reaches that account's
 * connected app with that account's secret and number, its chats are its own (one number writing
 * to two accounts is two chats), and a message's reports carry its account's workspace. The apps
 * are plain HTTP servers here; test/sandbox-accounts.e2e-spec.ts does the same with a Nest app.
 */

const MAIN = { apiKey: 'main-key-5c1e9a', workspaceId: 'ws-main-77' };
const BRAND_B = { name: 'brand-b', apiKey: 'brand-b-key-9d4e1c', workspaceId: 'ws-brand-b-42' };
const MAIN_SECRET = 'main-webhook-secret-0123456789';
const BRAND_B_SECRET = 'brand-b-webhook-secret-9876543210';
const CUSTOMER = '13023895111';
const SECRETS = [MAIN.apiKey, MAIN.workspaceId, BRAND_B.apiKey, BRAND_B.workspaceId];

describe('ZixflowSandbox with several accounts: customers, chats and reports', () => {
  let sandbox: ZixflowSandbox;
  let mainApp: FakeApp;
  let brandBApp: FakeApp;

  beforeEach(async () => {
    sandbox = await ZixflowSandbox.start({ ...MAIN, deliveryReports: { delayMs: 5 }, zixflowAccounts: [BRAND_B] });
    [mainApp, brandBApp] = await Promise.all([new FakeApp().start(), new FakeApp().start()]);
  });

  afterEach(async () => {
    await sandbox.stop();
    await Promise.all([mainApp.stop(), brandBApp.stop()]);
  });

  function connectBoth(): void {
    sandbox.connectApp({ incomingUrl: mainApp.url('/zixflow/webhooks/incoming'), secret: MAIN_SECRET });
    sandbox.connectApp({
      account: 'brand-b',
      incomingUrl: brandBApp.url('/zixflow/webhooks/brand-b/incoming'),
      secret: BRAND_B_SECRET,
    });
  }

  function postCustomerMessage(body: Record<string, unknown>): Promise<RawAnswer> {
    return rawRequest(`${sandbox.url}/inbox/api/customer-message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: sandbox.url },
      body: JSON.stringify(body),
    });
  }

  it("posts an account's customer to that account's app, with its secret and its business number", async () => {
    connectBoth();
    const brandB = sandbox.zixflowAccounts[1];

    const result = await sandbox.simulateIncoming({ account: 'brand-b', from: '+1 302 389 5111', text: 'hi' });

    expect(result.status).toBe(200);
    expect(mainApp.received).toEqual([]);
    expect(brandBApp.received).toEqual([
      expect.objectContaining({
        path: '/zixflow/webhooks/brand-b/incoming',
        headers: expect.objectContaining({ 'x-zixflow-secret': BRAND_B_SECRET }),
        body: expect.objectContaining({ phoneId: brandB.phoneId, wabaId: brandB.wabaId }),
      }),
    ]);
    expect(JSON.stringify(brandBApp.received)).not.toContain(MAIN_SECRET);
    await sandbox.simulateIncoming({ from: CUSTOMER, text: 'hi' });
    expect(mainApp.received.map(({ path, headers }) => [path, headers['x-zixflow-secret']])).toEqual([
      ['/zixflow/webhooks/incoming', MAIN_SECRET],
    ]);
    expect(brandBApp.received).toHaveLength(1);
    for (const secret of SECRETS) expect(JSON.stringify([mainApp.received, brandBApp.received])).not.toContain(secret);
  });

  it('keeps one chat per account and customer number, the default chat keeping its old id', async () => {
    connectBoth();
    await sandbox.simulateIncoming({ account: 'brand-b', from: CUSTOMER, name: 'Ada', text: 'to brand-b' });
    await sandbox.simulateIncoming({ from: CUSTOMER, name: 'Ada', text: 'to the default' });
    const brandBPhone = sandbox.zixflowAccounts[1].phoneId;

    expect(sandbox.conversations.map(({ id, account, customer }) => ({ id, account, customer }))).toEqual([
      { id: `${CUSTOMER}:${sandbox.phoneId}`, account: undefined, customer: CUSTOMER },
      { id: `brand-b:${CUSTOMER}:${brandBPhone}`, account: 'brand-b', customer: CUSTOMER },
    ]);
    expect(sandbox.conversations[0]).not.toHaveProperty('account');
  });

  it("needs the account's own app: another account's connection is not used, and an unknown account throws", async () => {
    sandbox.connectApp({ incomingUrl: mainApp.url('/zixflow/webhooks/incoming'), secret: MAIN_SECRET });

    await expect(sandbox.simulateIncoming({ account: 'brand-b', from: CUSTOMER, text: 'hi' })).rejects.toThrow(
      'ZixflowSandbox: simulateIncoming needs `to`, or an app connected with connectApp({ account: "brand-b", incomingUrl, secret })',
    );
    await expect(sandbox.simulateIncoming({ account: 'brand-c', from: CUSTOMER, text: 'hi' })).rejects.toThrow(
      'ZixflowSandbox: simulateIncoming account: no account named "brand-c"',
    );
    expect(() => sandbox.connectApp({ account: 'brand-c', incomingUrl: mainApp.url('/x') })).toThrow(RangeError);
    expect(mainApp.received).toEqual([]);
    expect(sandbox.zixflowAccounts.map(({ appConnected }) => appConnected)).toEqual([true, false]);
  });

  it("sends an account's message reports with its account and workspace, to the URL the message gave", async () => {
    const response = await fetch(`${sandbox.url}/api/ingest/whatsapp/v1/message/text/send`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': BRAND_B.apiKey,
        'x-workspace-id': BRAND_B.workspaceId,
      },
      body: JSON.stringify({
        recipient: CUSTOMER,
        phone_id: sandbox.zixflowAccounts[1].phoneId,
        text: { body: 'tracked' },
        post_back_url: brandBApp.url(`/zixflow/webhooks/brand-b/postbacks?token=${BRAND_B_SECRET}`),
      }),
    });
    expect(response.status).toBe(200);

    await eventually(() => sandbox.reportDeliveries.length >= 2);
    expect(
      sandbox.reportDeliveries.map(({ account, status, responseStatus }) => [account, status, responseStatus]),
    ).toEqual([
      ['brand-b', 'sent', 200],
      ['brand-b', 'delivered', 200],
    ]);
    expect(brandBApp.received.map(({ body }) => body.workspace_id)).toEqual([BRAND_B.workspaceId, BRAND_B.workspaceId]);
    expect(mainApp.received).toEqual([]);
    expect(sandbox.conversations.map(({ account }) => account)).toEqual(['brand-b']);
    expect(JSON.stringify(sandbox.reportDeliveries)).not.toContain(BRAND_B.apiKey);
  });

  describe('the inbox API', () => {
    it('lists every account with its label, number and app, and each chat with its account, never a key', async () => {
      connectBoth();
      await sandbox.simulateIncoming({ account: 'brand-b', from: CUSTOMER, text: 'hi' });
      const answer = await rawRequest(`${sandbox.url}/inbox/api/conversations`);
      const state = JSON.parse(answer.text) as Record<string, unknown>;

      expect(state).toMatchObject({
        appConnected: true,
        phoneId: sandbox.phoneId,
        accounts: [
          { label: 'default', phoneId: sandbox.phoneId, appConnected: true },
          { account: 'brand-b', label: 'brand-b', phoneId: sandbox.zixflowAccounts[1].phoneId, appConnected: true },
        ],
        conversations: [{ account: 'brand-b', customer: CUSTOMER }],
      });
      const page = await rawRequest(`${sandbox.url}/`);
      for (const secret of SECRETS) expect(answer.text + page.text).not.toContain(secret);
    });

    it("delivers a customer message posted for an account to that account's app", async () => {
      connectBoth();
      const answer = await postCustomerMessage({ account: 'brand-b', customer: '+1 302 389 5111', text: 'hi' });

      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({
        conversationId: `brand-b:${CUSTOMER}:${sandbox.zixflowAccounts[1].phoneId}`,
        webhookStatus: 200,
      });
      expect(brandBApp.received.map(({ path }) => path)).toEqual(['/zixflow/webhooks/brand-b/incoming']);
      expect(mainApp.received).toEqual([]);
    });

    it('refuses an unknown account, and an account without its app, naming the call that fixes it', async () => {
      sandbox.connectApp({ incomingUrl: mainApp.url('/zixflow/webhooks/incoming'), secret: MAIN_SECRET });

      const unknown = await postCustomerMessage({ account: 'brand-c', customer: CUSTOMER, text: 'hi' });
      const unconnected = await postCustomerMessage({ account: 'brand-b', customer: CUSTOMER, text: 'hi' });

      expect([unknown.status, JSON.parse(unknown.text)]).toEqual([400, { message: 'Unknown account "brand-c"' }]);
      expect([unconnected.status, JSON.parse(unconnected.text)]).toEqual([
        409,
        {
          message:
            'No app is connected for account brand-b: call sandbox.connectApp({ account: "brand-b", incomingUrl, secret }) first',
        },
      ]);
      expect(mainApp.received).toEqual([]);
    });
  });
});
