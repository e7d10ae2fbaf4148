import { INestApplication, Injectable } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import {
  getZixflowServiceToken,
  ZixflowModule,
  ZixflowTenants,
  ZixflowTenantsModule,
  ZixflowWhatsappService,
} from '../src/zixflow';
import { Hears, ZixflowBot, ZixflowBotModule, ZixflowConversationStore } from '../src/zixflow/bot';
import {
  conversationKeyOf,
  OnWhatsappDeliveryReport,
  OnWhatsappMessage,
  ZixflowDeliveryReport,
  ZixflowEvents,
  ZixflowIncomingMessage,
  ZixflowWebhooksModule,
} from '../src/zixflow/webhooks';
import { allSecrets, optionsOf, startAccounts, TestAccount } from './accounts.fixtures';
import { RecordingLogger } from './recording-logger';

const CUSTOMER = '+1 302 389 5111';
const DEFAULT_SECRET = 'whsec-default-0123456789abcdef';

/** Answers every account: its reply names nothing, so what tells accounts apart is the wire. */
@ZixflowBot()
@Injectable()
class EveryAccountBot {
  @Hears('hi')
  hi(): string {
    return 'hello there';
  }
}

/** Limited to brand-b, like nestjs-telegraf's `include`. */
@ZixflowBot({ accounts: ['brand-b'] })
@Injectable()
class BrandBBot {
  @Hears('offers')
  offers(): string {
    return 'brand-b offers';
  }
}

/** Plain webhook handlers limited to one account each, like the bot above. */
@Injectable()
class AccountHandlers {
  readonly brandAMessages: ZixflowIncomingMessage[] = [];
  readonly brandBReports: ZixflowDeliveryReport[] = [];

  @OnWhatsappMessage({ accounts: ['brand-a'] })
  onBrandA(message: ZixflowIncomingMessage): void {
    this.brandAMessages.push(message);
  }

  @OnWhatsappDeliveryReport({ accounts: ['brand-b'] })
  onBrandBReport(report: ZixflowDeliveryReport): void {
    this.brandBReports.push(report);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('several Zixflow accounts in one app: webhooks, reports and bot replies', () => {
  let accounts: TestAccount[];
  let app: INestApplication;
  let url: string;
  let logger: RecordingLogger;
  const messages: ZixflowIncomingMessage[] = [];
  const reports: ZixflowDeliveryReport[] = [];
  const byName = (name: string | undefined): TestAccount => accounts.find((account) => account.name === name)!;
  const pathOf = (account: TestAccount): string =>
    account.name === undefined ? '/zixflow/webhooks' : `/zixflow/webhooks/${account.name}`;

  beforeAll(async () => {
    accounts = await startAccounts();
    logger = new RecordingLogger();
    const webhookAccounts = Object.fromEntries(
      accounts
        .filter((account) => account.name !== undefined)
        .map((account) => [account.name!, { secret: account.webhookSecret }]),
    );
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventEmitterModule.forRoot(),
        ZixflowModule.forRoot(optionsOf(byName(undefined))),
        ZixflowModule.forRoot({ name: 'brand-a', ...optionsOf(byName('brand-a')) }),
        ZixflowModule.forRoot({ name: 'brand-b', ...optionsOf(byName('brand-b')) }),
        ZixflowTenantsModule.forRoot({
          resolve: (tenantId) =>
            optionsOf(accounts.find((account) => account.kind === 'tenant' && account.name === tenantId)!),
        }),
        ZixflowWebhooksModule.forRoot({ secret: DEFAULT_SECRET, accounts: webhookAccounts }),
        ZixflowBotModule.forRoot({ apologyMessage: false }),
      ],
      providers: [EveryAccountBot, BrandBBot, AccountHandlers],
    })
      .setLogger(logger)
      .compile();
    app = moduleRef.createNestApplication({ logger });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    app
      .get(EventEmitter2)
      .on(ZixflowEvents.MessageReceived, (message: ZixflowIncomingMessage) => messages.push(message));
    app.get(EventEmitter2).on(ZixflowEvents.DeliveryReport, (report: ZixflowDeliveryReport) => reports.push(report));
    for (const account of accounts) {
      account.sandbox.connectApp({
        incomingUrl: `${url}${pathOf(account)}/incoming`,
        secret: account.name === undefined ? DEFAULT_SECRET : account.webhookSecret,
      });
    }
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(accounts.map((account) => account.sandbox.stop()));
  });

  beforeEach(() => {
    messages.length = 0;
    reports.length = 0;
    app.get(AccountHandlers).brandAMessages.length = 0;
    app.get(AccountHandlers).brandBReports.length = 0;
    accounts.forEach((account) => account.sandbox.clear());
  });

  async function replyOf(account: TestAccount): Promise<void> {
    await account.sandbox.waitForRequests(1);
  }

  it('routes each account to its own path and secret, says which account, and replies through it', async () => {
    for (const account of accounts) {
      const result = await account.sandbox.simulateIncoming({ from: CUSTOMER, text: 'hi' });
      expect(result.status).toBe(200);
    }
    await Promise.all(accounts.map(replyOf));
    for (const account of accounts) {
      const [request, ...more] = account.sandbox.requests;
      expect(more).toEqual([]);
      if (account.api === 'ai') expect(request.headers['x-api-key']).toBe(account.apiKey);
      else expect(request.headers.authorization).toBe(`Bearer ${account.apiKey}`);
      expect(request.rawBody).toContain('hello there');
      const wire = JSON.stringify(request.headers) + request.rawBody;
      for (const secret of allSecrets(accounts).filter(
        (secret) => ![account.apiKey, account.workspaceId].includes(secret),
      )) {
        expect(wire).not.toContain(secret);
      }
    }
    expect(messages.map((message) => message.account).sort()).toEqual(
      ['brand-a', 'brand-b', 'tenant-1', 'tenant-2', 'tenant-3', undefined].sort(),
    );
    expect(messages.find((message) => message.account === undefined)).not.toHaveProperty('account');
    // @OnWhatsappMessage({ accounts: ['brand-a'] }) saw brand-a's message only, of the six.
    expect(app.get(AccountHandlers).brandAMessages.map((message) => message.account)).toEqual(['brand-a']);
    expect(logger.lines.join('\n')).toContain(
      'AccountHandlers.onBrandA (every incoming WhatsApp message of account brand-a)',
    );
  });

  it('keys conversations by account too, and keeps the old key without one', async () => {
    const base = { phoneId: '100', sender: { name: undefined, number: '13023895111' } };
    expect(conversationKeyOf(base)).toBe('100:13023895111');
    expect(conversationKeyOf({ ...base, account: 'brand-b' })).toBe('brand-b:100:13023895111');
    const store = app.get<ZixflowConversationStore>(ZixflowConversationStore);
    const brandB = byName('brand-b');
    await brandB.sandbox.simulateIncoming({ from: CUSTOMER, text: 'hi' });
    await brandB.sandbox.waitForRequests(1);
    expect(await store.load(`brand-b:${brandB.phoneId}:13023895111`)).toBeDefined();
    expect(await store.load(`${brandB.phoneId}:13023895111`)).toBeUndefined();
  });

  it('runs a bot limited to brand-b for brand-b only', async () => {
    const brandB = byName('brand-b');
    const brandA = byName('brand-a');
    await brandB.sandbox.simulateIncoming({ from: CUSTOMER, text: 'offers' });
    await brandA.sandbox.simulateIncoming({ from: CUSTOMER, text: 'offers' });
    await brandB.sandbox.waitForRequests(1);
    await sleep(200);
    expect(brandB.sandbox.requests[0].rawBody).toContain('brand-b offers');
    expect(brandA.sandbox.requests).toEqual([]);
  });

  it("refuses one account's secret on another account's route, and an unknown account", async () => {
    const brandA = byName('brand-a');
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    expect(
      (await post('/zixflow/webhooks/brand-b/incoming', { 'x-zixflow-secret': brandA.webhookSecret })).status,
    ).toBe(401);
    expect((await post('/zixflow/webhooks/incoming', { 'x-zixflow-secret': brandA.webhookSecret })).status).toBe(401);
    expect((await post('/zixflow/webhooks/brand-a/incoming', { 'x-zixflow-secret': DEFAULT_SECRET })).status).toBe(401);
    expect((await post('/zixflow/webhooks/nobody/incoming', { 'x-zixflow-secret': DEFAULT_SECRET })).status).toBe(401);
    expect((await post(`/zixflow/webhooks/brand-b/reports?token=${brandA.webhookSecret}`, {})).status).toBe(401);
    expect(messages).toEqual([]);
  });

  it("delivers each account's reports (reportURL) and post-backs on its own route, tagged with the account", async () => {
    const sends = accounts.map(async (account) => {
      const route = `${url}${pathOf(account)}`;
      const secret = account.name === undefined ? DEFAULT_SECRET : account.webhookSecret;
      if (account.api === 'ai') {
        // Post-backs: the service of each AI account is given its own route and secret.
        const service = new ZixflowModuleUnderTest(account, route, secret);
        await (await service.whatsapp()).sendText({ to: CUSTOMER, text: { body: 'tracked' } });
        return service;
      }
      const whatsapp =
        account.kind === 'tenant'
          ? await app.get(ZixflowTenants).forTenant(account.name!)
          : app.get<ZixflowWhatsappService>(getZixflowServiceToken(account.name));
      await whatsapp.sendText({
        to: CUSTOMER,
        text: { body: 'tracked' },
        reportURL: `${route}/reports?token=${secret}`,
      });
      return undefined;
    });
    const underTest = await Promise.all(sends);
    for (let waited = 0; waited < 3000 && reports.length < accounts.length * 2; waited += 50) await sleep(50);
    await Promise.all(underTest.map((service) => service?.close()));
    for (const account of accounts) {
      const own = reports.filter((report) => report.account === account.name);
      expect(own.length).toBeGreaterThanOrEqual(2);
      const ids = new Set(account.sandbox.messages.map((message) => message.messageId));
      const requestIds = new Set(account.sandbox.messages.map((message) => message.requestId));
      for (const report of own) {
        expect(report.callback).toBe(account.api === 'ai' ? 'post_back_url' : 'reportURL');
        expect(ids.has(report.messageId!) || requestIds.has(report.requestId!)).toBe(true);
      }
    }
    // @OnWhatsappDeliveryReport({ accounts: ['brand-b'] }) saw brand-b's reports and no other account's.
    const brandBReports = app.get(AccountHandlers).brandBReports;
    expect(brandBReports.length).toBeGreaterThanOrEqual(2);
    expect(new Set(brandBReports.map((report) => report.account))).toEqual(new Set(['brand-b']));
  });

  it('writes no key, workspace id or webhook secret of any account into any log line', () => {
    const logs = logger.lines.join('\n');
    for (const secret of allSecrets(accounts)) expect(logs).not.toContain(secret);
  });

  /** An AI account's service whose post-backs come back to its own route (postBacks needs the app's URL). */
  class ZixflowModuleUnderTest {
    private moduleRef: Promise<import('@nestjs/testing').TestingModule>;
    constructor(account: TestAccount, route: string, secret: string) {
      this.moduleRef = Test.createTestingModule({
        imports: [ZixflowModule.forRoot(optionsOf(account, { postBacks: { webhooksUrl: route, secret } }))],
      })
        .setLogger(logger)
        .compile();
    }
    async whatsapp(): Promise<ZixflowWhatsappService> {
      return (await this.moduleRef).get(ZixflowWhatsappService);
    }
    async close(): Promise<void> {
      await (await this.moduleRef).close();
    }
  }
});
