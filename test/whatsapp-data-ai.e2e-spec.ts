import { TestingModule } from '@nestjs/testing';
import {
  ZixflowApiError,
  ZixflowNotFoundError,
  ZixflowTemplate,
  ZixflowValidationError,
  ZixflowWhatsappService,
} from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { CUSTOMER, PHONE_ID, startAiWhatsapp, WORKSPACE_ID } from './whatsapp-ai.fixtures';

const API_KEY = 'zx-ai-data-key-8d2e';

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

describe('the AI API data endpoints against the sandbox', () => {
  let sandbox: ZixflowSandbox;
  let moduleRef: TestingModule;
  let whatsapp: ZixflowWhatsappService;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({
      apiKey: API_KEY,
      workspaceId: WORKSPACE_ID,
      phoneId: PHONE_ID,
      deliveryReports: { delayMs: 5 },
      accounts: [
        {
          phone_id: PHONE_ID,
          waba_id: '987654321',
          display_phone_number: '+91 98765 00000',
          verified_name: 'Acme Support',
          quality_rating: 'YELLOW',
          daily_limit: 10000,
        },
        {
          phone_id: '2200',
          waba_id: '987654321',
          display_phone_number: '+91 98765 00001',
          verified_name: 'Acme Sales',
          quality_rating: 'GREEN',
          daily_limit: 1000,
        },
      ],
    });
    for (let index = 0; index < 8; index += 1) {
      sandbox.registerTemplate({ templateName: `promo_${index}`, language: 'en', phoneId: PHONE_ID, variables: [] });
    }
    ({ moduleRef, whatsapp } = await startAiWhatsapp(sandbox));
  });

  afterEach(() => sandbox.clear());

  afterAll(async () => {
    await moduleRef.close();
    await sandbox.stop();
  });

  it('listAccounts reads every number with its quality rating and daily limit, with both credential headers', async () => {
    await expect(whatsapp.listAccounts()).resolves.toEqual([
      {
        phoneId: PHONE_ID,
        wabaId: '987654321',
        displayPhoneNumber: '+91 98765 00000',
        verifiedName: 'Acme Support',
        qualityRating: 'YELLOW',
        dailyLimit: 10000,
      },
      {
        phoneId: '2200',
        wabaId: '987654321',
        displayPhoneNumber: '+91 98765 00001',
        verifiedName: 'Acme Sales',
        qualityRating: 'GREEN',
        dailyLimit: 1000,
      },
    ]);
    const [request] = sandbox.requests;
    expect([request.method, request.path]).toEqual(['GET', '/api/data/whatsapp/v1/accounts']);
    expect([request.headers['x-api-key'], request.headers['x-workspace-id'], request.headers.authorization]).toEqual([
      API_KEY,
      WORKSPACE_ID,
      undefined,
    ]);
  });

  it('listTemplates walks every page with limit and offset, fetching each page only when it is needed', async () => {
    const iterator = whatsapp.listTemplates(undefined, { pageSize: 5 })[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(sandbox.requests).toHaveLength(1);
    const rest: ZixflowTemplate[] = [];
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) rest.push(next.value);
    const templates = [first.value as ZixflowTemplate, ...rest];
    expect(templates).toHaveLength(12);
    expect(templates[0]).toEqual({
      name: 'promo_7',
      language: 'en',
      category: 'UTILITY',
      status: 'APPROVED',
      components: [],
    });
    expect(templates.find((template) => template.name === 'sandbox_spring_sale')).toMatchObject({
      category: 'MARKETING',
      status: 'PENDING',
    });
    expect(sandbox.requests.map((request) => [request.path, request.query])).toEqual([
      [`/api/data/whatsapp/v1/${PHONE_ID}/templates`, { limit: '5', offset: '0' }],
      [`/api/data/whatsapp/v1/${PHONE_ID}/templates`, { limit: '5', offset: '5' }],
      [`/api/data/whatsapp/v1/${PHONE_ID}/templates`, { limit: '5', offset: '10' }],
    ]);
  });

  it('listTemplates of another number lists only the templates that number may send', async () => {
    const names = (await all(whatsapp.listTemplates('2200'))).map((template) => template.name);
    expect(names).toEqual(['sandbox_welcome', 'sandbox_order_shipped', 'sandbox_login_code', 'sandbox_spring_sale']);
    expect(sandbox.requests[0].query).toEqual({ limit: '10', offset: '0' });
  });

  it('getTemplateVariables reads the AI variable-keys endpoint (data.data)', async () => {
    await expect(
      whatsapp.getTemplateVariables({ templateName: 'sandbox_order_shipped', language: 'en' }),
    ).resolves.toEqual([
      { keyName: 'order_id', label: 'Order', type: 'TEXT' },
      { keyName: 'product_image', label: 'Product Image', type: 'IMAGE_URL' },
    ]);
    expect([sandbox.requests[0].path, sandbox.requests[0].query]).toEqual([
      `/api/data/whatsapp/v1/${PHONE_ID}/variable-keys`,
      { template_name: 'sandbox_order_shipped', language: 'en' },
    ]);
  });

  it('getDeliveryReport follows a send by its requestId', async () => {
    const { requestId } = await whatsapp.sendText({ to: CUSTOMER, text: { body: 'Hi' } });
    const [message] = sandbox.messages;
    await waitUntil(() => sandbox.messageStatus(message.messageId) === 'delivered');

    const report = await whatsapp.getDeliveryReport(requestId as string);

    expect(report).toEqual({
      requestId,
      status: 'delivered',
      statusAt: expect.stringMatching(/Z$/) as unknown,
      timestamp: expect.any(Date) as unknown,
      messageId: message.wamid,
      recipient: '919876543210',
      channel: 'whatsapp',
      remark: undefined,
    });
    expect(JSON.stringify(report)).not.toContain(WORKSPACE_ID);
    expect(sandbox.lastRequest?.query).toEqual({ request_id: requestId });
  });

  it('getDeliveryReport of an unknown id rejects with ZixflowNotFoundError (a ZixflowApiError, 404)', async () => {
    const error = await whatsapp.getDeliveryReport('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZixflowNotFoundError);
    expect(error).toBeInstanceOf(ZixflowApiError);
    expect(error).toMatchObject({
      status: 404,
      method: 'GET',
      endpoint: '/api/data/messages/v1/delivery-report',
      zixflowMessage: 'Delivery report not found',
      retryable: false,
    });
  });

  it('getDeliveryReport refuses a blank id before the network', async () => {
    await expect(whatsapp.getDeliveryReport(' ')).rejects.toBeInstanceOf(ZixflowValidationError);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('keeps the key and the workspace id out of errors even when Zixflow echoes them', async () => {
    sandbox.respondNext({
      status: 401,
      body: { success: false, message: `Invalid key ${API_KEY} for workspace ${WORKSPACE_ID}` },
    });
    const error = await whatsapp.listAccounts().catch((e: unknown) => e);
    const serialised = `${JSON.stringify(error)} ${String((error as Error).stack)}`;
    expect(serialised).not.toContain(API_KEY);
    expect(serialised).not.toContain(WORKSPACE_ID);
    expect((error as ZixflowApiError).zixflowMessage).toBe('Invalid key [REDACTED] for workspace [REDACTED]');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}
