import { INestApplication } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createServer } from 'node:net';
import { ZixflowModule, ZixflowWhatsappService } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { ZixflowWebhooksModule } from '../src/zixflow/webhooks';
import { RecordingLogger } from './recording-logger';
import { RecordingHandlers } from './webhooks.handlers';
import { eventually, postRaw, SECRET, settle, WEBHOOK_ADAPTERS, WebhookAdapterName } from './webhooks.helpers';

const WORKSPACE_ID = '69614209f51dfafb2231a6fe';
const POSTBACKS = '/zixflow/webhooks/postbacks';

/** A port nothing listens on yet: `postBacks.webhooksUrl` must be known before the app listens. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface PostBackApp {
  app: INestApplication;
  url: string;
  whatsapp: ZixflowWhatsappService;
  handlers: RecordingHandlers;
  logger: RecordingLogger;
}

/** An app on the AI API whose sends carry post_back_url pointing at its own webhooks module. */
async function startPostBackApp(
  adapter: WebhookAdapterName,
  sandbox: ZixflowSandbox,
  rawBody: boolean,
): Promise<PostBackApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const moduleRef = await Test.createTestingModule({
    imports: [
      EventEmitterModule.forRoot(),
      ZixflowModule.forRoot({
        apiKey: sandbox.apiKey,
        api: 'ai',
        workspaceId: WORKSPACE_ID,
        baseUrl: sandbox.url,
        defaultPhoneId: sandbox.phoneId,
        postBacks: { webhooksUrl: `${url}/zixflow/webhooks`, secret: SECRET },
      }),
      ZixflowWebhooksModule.forRoot({ secret: SECRET }),
    ],
    providers: [RecordingHandlers],
  }).compile();
  const logger = new RecordingLogger();
  const app = moduleRef.createNestApplication(adapter === 'Fastify' ? new FastifyAdapter() : new ExpressAdapter(), {
    logger,
    rawBody,
  });
  await app.init();
  if (adapter === 'Fastify') await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  await app.listen(port, '127.0.0.1');
  return { app, url, whatsapp: app.get(ZixflowWhatsappService), handlers: app.get(RecordingHandlers), logger };
}

describe.each(WEBHOOK_ADAPTERS)('AI API post-backs through the sandbox on %s', (adapter) => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ workspaceId: WORKSPACE_ID, deliveryReports: { delayMs: 5 } });
  });

  afterAll(() => sandbox.stop());

  describe('with rawBody: true', () => {
    let hooks: PostBackApp;

    beforeAll(async () => {
      hooks = await startPostBackApp(adapter, sandbox, true);
    });

    afterEach(() => {
      sandbox.clear();
      hooks.handlers.clear();
    });

    afterAll(() => hooks.app.close());

    it('arrive as delivery-report events with requestId, postBackData, every digit of message_id and status_at', async () => {
      const result = await hooks.whatsapp.sendText({
        to: '+91 98765 43210',
        text: { body: 'Hi' },
        postBackData: 'order-42',
      });
      const [sent] = sandbox.messages;
      expect(sent.body.post_back_url).toBe(`${hooks.url}${POSTBACKS}?token=${SECRET}`);

      await eventually(() => hooks.handlers.reports.length === 2);

      expect(hooks.handlers.reports.map((report) => report.status)).toEqual(['sent', 'delivered']);
      expect(hooks.handlers.reports[1]).toMatchObject({
        callback: 'post_back_url',
        requestId: result.requestId,
        postBackData: 'order-42',
        messageId: sent.zixflowMessageId,
        recipient: '919876543210',
        statusAt: expect.stringMatching(/\.\d{9}Z$/) as unknown,
        timestamp: expect.any(Date) as unknown,
      });
      expect(sent.zixflowMessageId).toMatch(/^\d{18}$/);
      expect(Number.isSafeInteger(Number(sent.zixflowMessageId))).toBe(false);
      await eventually(() => sandbox.reportDeliveries.length === 2);
      expect(sandbox.reportDeliveries.map(({ responseStatus }) => responseStatus)).toEqual([200, 200]);
    });

    it('a repeated post-back is answered and not emitted again; a wrong token is a 401', async () => {
      await hooks.whatsapp.sendText({ to: '+91 98765 43210', text: { body: 'Hi' } });
      await eventually(() => sandbox.reportDeliveries.length === 2);
      const delivered = sandbox.reportDeliveries[1];
      const headers = { 'content-type': 'application/json' };

      const again = await postRaw(`${hooks.url}${POSTBACKS}?token=${SECRET}`, delivered.rawBody, headers);
      const wrong = await postRaw(`${hooks.url}${POSTBACKS}?token=nope`, delivered.rawBody, headers);
      await settle();

      expect(again).toEqual({ status: 200, body: { received: true, duplicate: true } });
      expect(wrong.status).toBe(401);
      expect(hooks.handlers.reports).toHaveLength(2);
    });

    it('post-backs of other channels are acknowledged and ignored', async () => {
      const body = JSON.stringify({ type: 'delivery_status', channel: 'sms', request_id: 'r', status: 'delivered' });
      const answer = await postRaw(`${hooks.url}${POSTBACKS}?token=${SECRET}`, body, {
        'content-type': 'application/json',
      });
      await settle();
      expect(answer).toEqual({ status: 200, body: { received: true, ignored: true } });
      expect(hooks.handlers.reports).toHaveLength(0);
    });
  });

  describe("with the app's default JSON parser", () => {
    let hooks: PostBackApp;

    beforeAll(async () => {
      hooks = await startPostBackApp(adapter, sandbox, false);
    });

    afterEach(() => sandbox.clear());

    afterAll(() => hooks.app.close());

    it('leaves out the rounded message_id (and says once how to keep it), everything else exact', async () => {
      const result = await hooks.whatsapp.sendText({
        to: '+91 98765 43210',
        text: { body: 'Hi' },
        postBackData: 'x-1',
      });
      await eventually(() => hooks.handlers.reports.length === 2);
      expect(
        hooks.handlers.reports.map(({ messageId, requestId, postBackData }) => ({
          messageId,
          requestId,
          postBackData,
        })),
      ).toEqual([
        { messageId: undefined, requestId: result.requestId, postBackData: 'x-1' },
        { messageId: undefined, requestId: result.requestId, postBackData: 'x-1' },
      ]);
      const warnings = hooks.logger.lines.filter((line) => line.includes('rawBody: true'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).not.toContain(SECRET);
    });
  });
});
