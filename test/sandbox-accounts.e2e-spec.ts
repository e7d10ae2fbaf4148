import { Test } from '@nestjs/testing';
import { getZixflowServiceToken, ZixflowAuthError, ZixflowModule, ZixflowWhatsappService } from '../src/zixflow';
import { ALL_SECRETS, AccountsWorld, BRAND_B, eventually, MAIN, startAccountsWorld } from './sandbox-accounts.fixtures';

/*
 * One ZixflowSandbox serving two accounts at once, against a real Nest app with a registration,
 * a webhook route and a secret per account: sends land under the account whose credentials they
 * carry, the other account's credentials are refused, and each account's customers, bot replies
 * and post-backs stay on that account's routes, secrets and keys.
 */

const CUSTOMER = '+1 302 389 5111';

describe('one sandbox for several Zixflow accounts, with a real Nest app', () => {
  let world: AccountsWorld;
  let main: ZixflowWhatsappService;
  let brandB: ZixflowWhatsappService;

  beforeAll(async () => {
    world = await startAccountsWorld();
    main = world.app.get(ZixflowWhatsappService);
    brandB = world.app.get<ZixflowWhatsappService>(getZixflowServiceToken(BRAND_B.name));
  });

  afterAll(async () => {
    await world?.close();
  });

  beforeEach(() => {
    world.sandbox.clear();
    world.messages.length = 0;
    world.reports.length = 0;
  });

  it("lands each registration's send under its own account, with its own credentials", async () => {
    await main.sendText({ to: CUSTOMER, text: { body: 'from main' } });
    await brandB.sendText({ to: CUSTOMER, text: { body: 'from brand-b' } });
    const { sandbox } = world;

    expect(sandbox.messagesOf().map(({ api, body }) => [api, body.text])).toEqual([
      ['campaign', { body: 'from main' }],
    ]);
    expect(sandbox.messagesOf(BRAND_B.name).map(({ api, body, phoneId }) => [api, body.text, phoneId])).toEqual([
      ['ai', { body: 'from brand-b' }, sandbox.zixflowAccounts[1].phoneId],
    ]);
    const [mainRequest, brandBRequest] = sandbox.requests;
    expect(mainRequest).not.toHaveProperty('account');
    expect(mainRequest.headers.authorization).toBe(`Bearer ${MAIN.apiKey}`);
    expect(brandBRequest.account).toBe(BRAND_B.name);
    expect(brandBRequest.headers).toMatchObject({ 'x-api-key': BRAND_B.apiKey, 'x-workspace-id': BRAND_B.workspaceId });
    expect(brandBRequest.headers.authorization).toBeUndefined();
  });

  it.each([
    ["brand-b's key with the default workspace", { apiKey: BRAND_B.apiKey, workspaceId: 'sandbox-workspace' }],
    ["the default key with brand-b's workspace", { apiKey: MAIN.apiKey, workspaceId: BRAND_B.workspaceId }],
  ])("refuses a service configured with %s: one account's key never opens another's workspace", async (_, mixed) => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ZixflowModule.forRoot({ api: 'ai', ...mixed, baseUrl: world.sandbox.url, defaultPhoneId: '1', retry: false }),
      ],
    })
      .setLogger(world.logger)
      .compile();
    try {
      const whatsapp = moduleRef.get(ZixflowWhatsappService);
      await expect(whatsapp.sendText({ to: CUSTOMER, text: { body: 'x' } })).rejects.toBeInstanceOf(ZixflowAuthError);
      expect(world.sandbox.messages).toEqual([]);
    } finally {
      await moduleRef.close();
    }
  });

  it("delivers each account's customer to its own webhook route and secret, and the bot replies through that account", async () => {
    const { sandbox, messages } = world;
    const toBrandB = await sandbox.simulateIncoming({ account: BRAND_B.name, from: CUSTOMER, text: 'hi' });
    const toMain = await sandbox.simulateIncoming({ from: CUSTOMER, text: 'hi' });
    await sandbox.waitForRequests(2);

    expect([toBrandB.status, toMain.status]).toEqual([200, 200]);
    expect(messages.map(({ account, phoneId }) => [account, phoneId])).toEqual([
      [BRAND_B.name, sandbox.zixflowAccounts[1].phoneId],
      [undefined, sandbox.phoneId],
    ]);
    expect(messages[1]).not.toHaveProperty('account');
    const replies = sandbox.messages.map(({ account, api, body }) => [account, api, JSON.stringify(body)]);
    expect(replies).toEqual(
      expect.arrayContaining([
        [BRAND_B.name, 'ai', expect.stringContaining('hello from brand-b')],
        [undefined, 'campaign', expect.stringContaining('hello from the default account')],
      ]),
    );
    expect(sandbox.conversations.map(({ id }) => id).sort()).toEqual(
      [`13023895111:${sandbox.phoneId}`, `brand-b:13023895111:${sandbox.zixflowAccounts[1].phoneId}`].sort(),
    );
  });

  it("reaches the account's route only with that account's secret", async () => {
    const { sandbox, url, messages } = world;
    const wrongSecret = await sandbox.simulateIncoming({
      account: BRAND_B.name,
      to: `${url}/zixflow/webhooks/${BRAND_B.name}/incoming`,
      secret: MAIN.webhookSecret,
      from: CUSTOMER,
      text: 'hi',
    });

    expect(wrongSecret.status).toBe(401);
    expect(messages).toEqual([]);
  });

  it("delivers a customer message written in the inbox to that account's route in the app", async () => {
    const { sandbox, messages } = world;
    const response = await fetch(`${sandbox.url}/inbox/api/customer-message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: sandbox.url },
      body: JSON.stringify({ account: BRAND_B.name, customer: CUSTOMER, name: 'Ada', text: 'hi' }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      conversationId: `brand-b:13023895111:${sandbox.zixflowAccounts[1].phoneId}`,
      webhookStatus: 200,
    });
    expect(messages).toEqual([
      expect.objectContaining({ account: BRAND_B.name, sender: expect.objectContaining({ name: 'Ada' }) }),
    ]);
    // The bot's answer, so it cannot land in the next test's records.
    await sandbox.waitForRequests(1);
    expect(sandbox.messagesOf(BRAND_B.name)).toHaveLength(1);
  });

  it("posts an account's reports and post-backs to its own route, tagged with its account", async () => {
    const { sandbox, url, reports } = world;
    await main.sendText({
      to: CUSTOMER,
      text: { body: 'tracked' },
      reportURL: `${url}/zixflow/webhooks/reports?token=${MAIN.webhookSecret}`,
    });
    await brandB.sendText({
      to: CUSTOMER,
      text: { body: 'tracked' },
      postBackUrl: `${url}/zixflow/webhooks/${BRAND_B.name}/postbacks?token=${BRAND_B.webhookSecret}`,
      postBackData: 'order-42',
    });

    // The app emits a report before it answers; the sandbox records it once the answer is back.
    await eventually(() => reports.length >= 4 && sandbox.reportDeliveries.length >= 4);
    expect(reports.map(({ account, callback, status }) => [account, callback, status]).sort()).toEqual(
      [
        [undefined, 'reportURL', 'sent'],
        [undefined, 'reportURL', 'delivered'],
        [BRAND_B.name, 'post_back_url', 'sent'],
        [BRAND_B.name, 'post_back_url', 'delivered'],
      ].sort(),
    );
    expect(reports.find(({ account }) => account === BRAND_B.name)?.postBackData).toBe('order-42');
    const postBacks = sandbox.reportDeliveries.filter(({ account }) => account === BRAND_B.name);
    expect(postBacks.map(({ payload, responseStatus }) => [payload.workspace_id, responseStatus])).toEqual([
      [BRAND_B.workspaceId, 200],
      [BRAND_B.workspaceId, 200],
    ]);
  });

  it('shows no key anywhere in what the sandbox answers, posts or serves, nor in any log line', async () => {
    const { sandbox } = world;
    await brandB.sendText({ to: CUSTOMER, text: { body: 'hi' } });
    await sandbox.simulateIncoming({ account: BRAND_B.name, from: CUSTOMER, text: 'hi' });
    await sandbox.waitForRequests(2);
    const served = await Promise.all(
      ['/', '/inbox/api/conversations'].map(async (path) => (await fetch(`${sandbox.url}${path}`)).text()),
    );
    const refused = await fetch(`${sandbox.url}/api/v1/campaign/whatsapp/message/send`, { method: 'POST' });
    const outbound = JSON.stringify([sandbox.reportDeliveries, sandbox.conversations, sandbox.zixflowAccounts]);

    for (const text of [...served, await refused.text(), outbound]) {
      for (const key of [MAIN.apiKey, BRAND_B.apiKey]) expect(text).not.toContain(key);
    }
    const logs = world.logger.lines.join('\n');
    for (const secret of ALL_SECRETS) expect(logs).not.toContain(secret);
  });
});
