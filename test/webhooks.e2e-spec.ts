import { INestApplication, Injectable, NestApplicationOptions, Scope } from '@nestjs/common';
import { EventEmitterModule, OnEvent } from '@nestjs/event-emitter';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { ZixflowConfigurationError, ZixflowModule, ZixflowWhatsappService } from '../src/zixflow';
import { SandboxIncomingOptions, SandboxWebhookResult, ZixflowSandbox } from '../src/zixflow/testing';
import {
  OnWhatsappDeliveryReport,
  OnWhatsappMessage,
  ZixflowDedupeStore,
  ZixflowDeliveryReport,
  ZixflowEvents,
  ZixflowIncomingMessage,
  ZixflowWebhooksModule,
  ZixflowWebhooksModuleExtras,
  ZixflowWebhooksModuleOptions,
} from '../src/zixflow/webhooks';
import { RecordingLogger } from './recording-logger';

const SECRET = 'whsec_9f8e7d6c5b4a39281706';
const CUSTOMER = '+1 302 389 5111';
const CUSTOMER_DIGITS = '13023895111';
const INCOMING = '/zixflow/webhooks/incoming';
const REPORTS = '/zixflow/webhooks/reports';

/** Records what reaches handlers, and fails on "boom" to show a buggy handler changes nothing. */
@Injectable()
class RecordingHandlers {
  readonly messages: ZixflowIncomingMessage[] = [];
  readonly texts: ZixflowIncomingMessage[] = [];
  readonly viaOnEvent: ZixflowIncomingMessage[] = [];
  readonly reports: ZixflowDeliveryReport[] = [];
  readonly failedReports: ZixflowDeliveryReport[] = [];
  release: Promise<void> = Promise.resolve();

  @OnWhatsappMessage()
  async every(message: ZixflowIncomingMessage): Promise<void> {
    await this.release;
    this.messages.push(message);
  }

  @OnWhatsappMessage({ type: 'text' })
  textsOnly(message: ZixflowIncomingMessage): void {
    this.texts.push(message);
    if (message.message.type === 'text' && message.message.text.body === 'boom') {
      throw new Error(`handler bug while answering ${message.sender.number}`);
    }
  }

  @OnEvent(ZixflowEvents.MessageReceived)
  onEvent(message: ZixflowIncomingMessage): void {
    this.viaOnEvent.push(message);
  }

  /** A plain listener that lets its error escape @nestjs/event-emitter: the module still contains it. */
  @OnEvent(ZixflowEvents.MessageReceived, { suppressErrors: false })
  strictOnEvent(message: ZixflowIncomingMessage): void {
    if (message.message.type === 'text' && message.message.text.body === 'boom') {
      throw new Error(`listener bug for ${message.sender.number}`);
    }
  }

  @OnWhatsappDeliveryReport()
  report(report: ZixflowDeliveryReport): void {
    this.reports.push(report);
  }

  @OnWhatsappDeliveryReport({ status: 'failed' })
  failed(report: ZixflowDeliveryReport): void {
    this.failedReports.push(report);
  }
}

/** A bot that answers every text, to show replies go out even when another handler throws. */
@Injectable()
class EchoBot {
  constructor(private readonly whatsapp: ZixflowWhatsappService) {}

  @OnWhatsappMessage({ type: 'text' })
  async echo(incoming: ZixflowIncomingMessage): Promise<void> {
    if (incoming.message.type === 'text') {
      await this.whatsapp.replyText(incoming, `You said: ${incoming.message.text.body}`);
    }
  }
}

interface WebhookApp {
  app: INestApplication;
  url: string;
  handlers: RecordingHandlers;
  logger: RecordingLogger;
}

interface AppSetup {
  webhooks?: Partial<ZixflowWebhooksModuleOptions> & ZixflowWebhooksModuleExtras;
  nest?: NestApplicationOptions;
  configure?: (app: INestApplication) => void;
}

async function startApp(sandbox: ZixflowSandbox, setup: AppSetup = {}): Promise<WebhookApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      EventEmitterModule.forRoot(),
      ZixflowModule.forRoot({ apiKey: sandbox.apiKey, baseUrl: sandbox.url }),
      ZixflowWebhooksModule.forRoot({ secret: SECRET, ...setup.webhooks }),
    ],
    providers: [RecordingHandlers, EchoBot],
  }).compile();
  const logger = new RecordingLogger();
  const app = moduleRef.createNestApplication({ logger, ...setup.nest });
  setup.configure?.(app);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl(), handlers: app.get(RecordingHandlers), logger };
}

async function eventually(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Long enough for anything that was going to be emitted to have been. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 150));

/** A chunked upload has no Content-Length, so the size can only be known by reading. */
function postChunked(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent: false, headers });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    const bytes = Buffer.from(body);
    for (let offset = 0; offset < bytes.length; offset += 1024) req.write(bytes.subarray(offset, offset + 1024));
    req.end();
  });
}

function documentedPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event: 'incoming.whatsapp.message',
    eventId: 'a3c0f1de-6a8e-4c2b-9a57-0c1f2e3d4b5a',
    timestamp: 1744346001738,
    phoneId: '104898309288724',
    wabaId: '102290129340398',
    messageId: 'wamid.HBgMOTE5OTk5OTk5OTk5FQIAEhgg',
    sender: { name: 'John Doe', number: CUSTOMER_DIGITS },
    message: { type: 'text', text: { body: 'Hi' } },
    ...overrides,
  };
}

describe('ZixflowWebhooksModule', () => {
  let sandbox: ZixflowSandbox;
  let hooks: WebhookApp;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 5 } });
    hooks = await startApp(sandbox);
  });

  afterEach(() => {
    sandbox.clear();
    for (const list of [
      hooks.handlers.messages,
      hooks.handlers.texts,
      hooks.handlers.viaOnEvent,
      hooks.handlers.reports,
      hooks.handlers.failedReports,
    ]) {
      list.length = 0;
    }
    hooks.logger.lines.length = 0;
  });

  afterAll(async () => {
    await hooks.app.close();
    await sandbox.stop();
  });

  /** A customer message through the sandbox; a text "Hi" unless the options say otherwise. */
  const incoming = (options: Partial<SandboxIncomingOptions> = {}): Promise<SandboxWebhookResult> =>
    sandbox.simulateIncoming({
      to: `${hooks.url}${INCOMING}`,
      secret: SECRET,
      from: CUSTOMER,
      ...(options.message ? {} : { text: 'Hi' }),
      ...options,
    });

  describe('incoming messages', () => {
    it('answers 200 and hands a typed message to @OnWhatsappMessage and @OnEvent listeners', async () => {
      const result = await incoming({ text: 'Hello there', name: 'Ann' });

      expect(result.status).toBe(200);
      expect(result.body).toEqual({ received: true });
      await eventually(() => hooks.handlers.messages.length === 1 && hooks.handlers.viaOnEvent.length === 1);
      const [message] = hooks.handlers.messages;
      expect(message).toEqual({
        eventId: result.payload.eventId,
        timestamp: new Date(result.payload.timestamp as number),
        receivedAt: expect.any(Date) as unknown,
        phoneId: sandbox.phoneId,
        wabaId: sandbox.wabaId,
        messageId: result.payload.messageId,
        sender: { name: 'Ann', number: CUSTOMER_DIGITS },
        message: { type: 'text', text: { body: 'Hello there' } },
        raw: result.payload,
      });
      expect(hooks.handlers.viaOnEvent).toEqual([message]);
      // EchoBot answers every text; wait for it so the answer does not land in the next test.
      await sandbox.waitForRequests(1);
    });

    it('lets a handler reply with one call: to the sender, from the number they wrote to', async () => {
      await incoming({ text: 'ping', phoneId: '104898309288724' });

      const [sent] = await sandbox.waitForRequests(1);
      expect(sent.body).toEqual({
        to: CUSTOMER_DIGITS,
        phoneId: '104898309288724',
        type: 'text',
        text: { body: 'You said: ping' },
      });
    });

    it('answers before handlers finish', async () => {
      let release!: () => void;
      hooks.handlers.release = new Promise((resolve) => (release = resolve));
      try {
        const result = await incoming({ message: { type: 'image', image: { link: 'https://cdn.zixflow.com/a.jpg' } } });
        expect(result.status).toBe(200);
        expect(hooks.handlers.messages).toHaveLength(0);
      } finally {
        release();
        hooks.handlers.release = Promise.resolve();
      }
      await eventually(() => hooks.handlers.messages.length === 1);
      expect(hooks.handlers.messages).toHaveLength(1);
    });

    it('filters handlers by message type', async () => {
      await incoming({ message: { type: 'location', location: { latitude: '51.5', longitude: '-0.12' } } });

      await eventually(() => hooks.handlers.messages.length === 1);
      await settle();
      expect(hooks.handlers.messages[0].message).toEqual({
        type: 'location',
        location: { latitude: 51.5, longitude: -0.12, name: undefined, address: undefined },
      });
      expect(hooks.handlers.texts).toHaveLength(0);
      expect(sandbox.requests).toHaveLength(0);
    });

    it('delivers a button reply as type reply with the button id', async () => {
      await incoming({
        message: {
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'track', title: 'Track order' } },
        },
      });

      await eventually(() => hooks.handlers.messages.length === 1);
      expect(hooks.handlers.messages[0].message).toEqual({
        type: 'reply',
        reply: { id: 'track', title: 'Track order', description: undefined, source: 'button_reply' },
      });
    });

    it('delivers an unknown message type as unknown, with the raw object', async () => {
      const sticker = { type: 'sticker', sticker: { link: 'https://cdn.zixflow.com/s.webp', animated: false } };
      const result = await incoming({ message: sticker });

      expect(result.status).toBe(200);
      await eventually(() => hooks.handlers.messages.length === 1);
      expect(hooks.handlers.messages[0].message).toEqual({ type: 'unknown', originalType: 'sticker', raw: sticker });
      expect(hooks.handlers.texts).toHaveLength(0);
    });

    it('handles a repeated eventId once and acknowledges the repeat', async () => {
      const first = await incoming({ text: 'once' });
      const second = await incoming({ text: 'once', eventId: first.payload.eventId as string });

      expect(first.body).toEqual({ received: true });
      expect(second).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
      await sandbox.waitForRequests(1);
      await settle();
      expect(hooks.handlers.messages).toHaveLength(1);
      expect(sandbox.requests).toHaveLength(1);
    });

    it('still answers 200 when a handler throws, logs it with the eventId and the masked number, and runs the other handlers', async () => {
      const unhandled = jest.fn();
      process.on('unhandledRejection', unhandled);
      try {
        const result = await incoming({ text: 'boom' });
        expect(result.status).toBe(200);
        await sandbox.waitForRequests(1);
        await eventually(() => hooks.handlers.messages.length === 1);
        await settle();

        const eventId = result.payload.eventId as string;
        expect(hooks.logger.lines).toContain(
          `RecordingHandlers.textsOnly failed on event ${eventId} (text from 1302***5111): Error: handler bug while answering 1302***5111`,
        );
        expect(hooks.logger.lines).toContain(
          `A listener of zixflow.whatsapp.message.received failed on event ${eventId} (text from 1302***5111): Error: listener bug for 1302***5111`,
        );
        expect(hooks.logger.lines.join('\n')).not.toContain(CUSTOMER_DIGITS);
        expect(sandbox.requests[0].body).toMatchObject({ to: CUSTOMER_DIGITS, text: { body: 'You said: boom' } });
        expect(unhandled).not.toHaveBeenCalled();
      } finally {
        process.off('unhandledRejection', unhandled);
      }
    });

    it('acknowledges and ignores other event types', async () => {
      const response = await request(hooks.app.getHttpServer())
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload({ event: 'incoming.rcs.message', botId: 'b1' }))
        .expect(200);

      expect(response.body).toEqual({ received: true, ignored: true });
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('answers 400 for a message without eventId or sender number, and emits nothing', async () => {
      const response = await request(hooks.app.getHttpServer())
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload({ eventId: undefined, sender: { name: 'Ann' } }))
        .expect(400);

      expect(response.body.message).toEqual([
        'eventId is required (a non-empty string)',
        'sender.number is required (country code and number, digits only)',
      ]);
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });
  });

  describe('authentication', () => {
    it.each([
      ['no secret', {}],
      ['a wrong secret of the same length', { 'x-zixflow-secret': SECRET.replace(/.$/, 'X') }],
      ['a shorter secret', { 'x-zixflow-secret': SECRET.slice(0, 10) }],
      ['a longer secret', { 'x-zixflow-secret': `${SECRET}0` }],
      ['an empty secret', { 'x-zixflow-secret': '' }],
      ['the secret in another header', { authorization: `Bearer ${SECRET}` }],
    ])(
      'refuses an incoming message with %s: 401, nothing emitted, nothing sent',
      async (_case, headers: Record<string, string>) => {
        const response = await request(hooks.app.getHttpServer())
          .post(INCOMING)
          .set(headers)
          .send(documentedPayload())
          .expect(401);

        expect(response.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Missing or wrong webhook secret',
        });
        await settle();
        expect(hooks.handlers.messages).toHaveLength(0);
        expect(hooks.handlers.viaOnEvent).toHaveLength(0);
        expect(sandbox.requests).toHaveLength(0);
        expect(hooks.logger.lines.join('\n')).not.toContain(SECRET.slice(0, 10));
      },
    );

    it('refuses the secret as ?token= on the incoming route', async () => {
      await request(hooks.app.getHttpServer())
        .post(`${INCOMING}?token=${SECRET}`)
        .send(documentedPayload())
        .expect(401);
    });

    it('through the sandbox too: a wrong secret gets 401 and no handler call', async () => {
      const result = await incoming({ secret: 'not-the-secret-at-all' });
      expect(result.status).toBe(401);
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it.each([
      ['no token', REPORTS],
      ['a wrong token', `${REPORTS}?token=${SECRET.replace(/.$/, 'X')}`],
      ['a shorter token', `${REPORTS}?token=abc`],
      ['a repeated token', `${REPORTS}?token=${SECRET}&token=${SECRET}`],
    ])('refuses a report with %s', async (_case, path) => {
      await request(hooks.app.getHttpServer())
        .post(path)
        .set('x-zixflow-secret', SECRET)
        .send({ status: 'delivered' })
        .expect(401);
      await settle();
      expect(hooks.handlers.reports).toHaveLength(0);
    });

    it('logs refusals without the secret that was sent', async () => {
      await request(hooks.app.getHttpServer())
        .post(INCOMING)
        .set('x-zixflow-secret', 'guess-guess-guess-1')
        .send({})
        .expect(401);
      expect(hooks.logger.lines).toContain('Refused a webhook call: wrong secret in header x-zixflow-secret');
      expect(hooks.logger.lines.join('\n')).not.toContain('guess-guess-guess-1');
    });
  });

  describe('delivery reports', () => {
    it('a message sent with a reportURL produces DeliveryReport events (sent, delivered)', async () => {
      const whatsapp = hooks.app.get(ZixflowWhatsappService);
      const result = await whatsapp.sendText({
        to: CUSTOMER,
        phoneId: sandbox.phoneId,
        text: { body: 'Your order shipped' },
        submissionStatus: true,
        reportURL: `${hooks.url}${REPORTS}?token=${SECRET}`,
      });

      await eventually(() => hooks.handlers.reports.length === 2);
      expect(
        hooks.handlers.reports.map(({ status, messageId, recipient }) => ({ status, messageId, recipient })),
      ).toEqual([
        { status: 'sent', messageId: result.messageId, recipient: CUSTOMER_DIGITS },
        { status: 'delivered', messageId: result.messageId, recipient: CUSTOMER_DIGITS },
      ]);
      expect(hooks.handlers.reports[1].timestamp).toBeInstanceOf(Date);
      expect(hooks.handlers.reports[1].raw).toMatchObject({ campaignId: result.campaignId, channel: 'whatsapp' });
      expect(hooks.handlers.failedReports).toHaveLength(0);
    });

    it('accepts any JSON object, filters by status, and acknowledges a repeated status once', async () => {
      const post = (body: object): request.Test =>
        request(hooks.app.getHttpServer()).post(`${REPORTS}?token=${SECRET}`).send(body);
      await post({ message_id: 'm-1', status: 'FAILED', remark: 'not on WhatsApp', recipient: '919090909090' }).expect(
        200,
        { received: true },
      );
      await post({ message_id: 'm-1', status: 'failed' }).expect(200, { received: true, duplicate: true });
      await post({ whatever: true }).expect(200, { received: true });

      await eventually(() => hooks.handlers.reports.length === 2);
      await settle();
      expect(hooks.handlers.reports.map(({ status }) => status)).toEqual(['failed', undefined]);
      expect(hooks.handlers.failedReports.map(({ remark }) => remark)).toEqual(['not on WhatsApp']);
    });
  });
});

describe('ZixflowWebhooksModule bodies, whatever the app’s body parser', () => {
  const MAX = 4096;
  const variants: Array<[string, AppSetup]> = [
    ["Nest's default parser (100 KB)", {}],
    ['bodyParser: false', { nest: { bodyParser: false } }],
    [
      'a 10 MB JSON parser',
      {
        configure: (app) =>
          (app as unknown as { useBodyParser(type: string, options: object): void }).useBodyParser('json', {
            limit: '10mb',
          }),
      },
    ],
    ['rawBody: true', { nest: { rawBody: true } }],
  ];

  describe.each(variants)('with %s', (_name, setup) => {
    let sandbox: ZixflowSandbox;
    let hooks: WebhookApp;

    beforeAll(async () => {
      sandbox = await ZixflowSandbox.start();
      hooks = await startApp(sandbox, { ...setup, webhooks: { maxBodyBytes: MAX } });
    });

    afterEach(() => {
      hooks.handlers.messages.length = 0;
    });

    afterAll(async () => {
      await hooks.app.close();
      await sandbox.stop();
    });

    const post = (): request.Test => request(hooks.app.getHttpServer()).post(INCOMING).set('x-zixflow-secret', SECRET);
    const padded = (bytes: number): string => JSON.stringify(documentedPayload({ padding: 'x'.repeat(bytes) }));

    it('accepts a normal message', async () => {
      await post()
        .send(documentedPayload({ eventId: `ok-${_name}` }))
        .expect(200);
      await eventually(() => hooks.handlers.messages.length === 1);
      expect(hooks.handlers.messages).toHaveLength(1);
    });

    it('accepts JSON sent as text/plain', async () => {
      await post()
        .set('content-type', 'text/plain')
        .send(JSON.stringify(documentedPayload({ eventId: `plain-${_name}` })))
        .expect(200);
      await eventually(() => hooks.handlers.messages.length === 1);
      expect(hooks.handlers.messages).toHaveLength(1);
    });

    it.each([
      ['malformed JSON', '{"eventId": "x", '],
      ['an array', '[1, 2]'],
      ['a string', '"hello"'],
      ['null', 'null'],
      ['an empty body', ''],
    ])('answers 400 to %s and emits nothing', async (_case, body) => {
      await post().set('content-type', 'application/json').send(body).expect(400);
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('answers 400 to a form body', async () => {
      await post().type('form').send({ eventId: 'x', sender: '1' }).expect(400);
    });

    it.each([
      ['just above the cap', 2 * MAX],
      ['far above the app parser limit', 300 * 1024],
    ])('answers 413 to a body %s and emits nothing', async (_case, size) => {
      await post().set('content-type', 'application/json').send(padded(size)).expect(413);
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('answers 413 to an oversize chunked upload (no Content-Length)', async () => {
      const status = await postChunked(`${hooks.url}${INCOMING}`, padded(2 * MAX), {
        'content-type': 'application/json',
        'x-zixflow-secret': SECRET,
      });
      expect(status).toBe(413);
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('checks the secret before reading the body', async () => {
      await request(hooks.app.getHttpServer())
        .post(INCOMING)
        .set('content-type', 'text/plain')
        .send(padded(2 * MAX))
        .expect(401);
    });
  });
});

describe('ZixflowWebhooksModule options', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  it('moves the routes with path and reads the secret from secretHeader', async () => {
    const hooks = await startApp(sandbox, { webhooks: { path: '/hooks/zixflow/', secretHeader: 'X-Hook-Secret' } });
    try {
      await request(hooks.app.getHttpServer())
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload())
        .expect(404);
      await request(hooks.app.getHttpServer())
        .post('/hooks/zixflow/incoming')
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload())
        .expect(401);
      await request(hooks.app.getHttpServer())
        .post('/hooks/zixflow/incoming')
        .set('x-hook-secret', SECRET)
        .send(documentedPayload())
        .expect(200);
      await request(hooks.app.getHttpServer())
        .post(`/hooks/zixflow/reports?token=${SECRET}`)
        .send({ status: 'sent' })
        .expect(200);
    } finally {
      await hooks.app.close();
    }
  });

  it('uses a plugged-in dedupe store, and answers 503 (so Zixflow retries) when it fails', async () => {
    const keys: string[] = [];
    let failing = false;
    const store: ZixflowDedupeStore = {
      setIfAbsent: async (key, ttlMs) => {
        if (failing) throw new Error('redis down');
        keys.push(`${key}@${ttlMs}`);
        return true;
      },
    };
    const hooks = await startApp(sandbox, { webhooks: { dedupe: { store, ttlMs: 60_000 } } });
    try {
      await request(hooks.app.getHttpServer())
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload({ eventId: 'e-1' }))
        .expect(200);
      expect(keys).toEqual(['incoming:e-1@60000']);
      failing = true;
      await request(hooks.app.getHttpServer())
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload({ eventId: 'e-2' }))
        .expect(503);
      await eventually(() => hooks.handlers.messages.length === 1);
      await settle();
      expect(hooks.handlers.messages.map(({ eventId }) => eventId)).toEqual(['e-1']);
    } finally {
      await hooks.app.close();
    }
  });

  it('lets running handlers finish before the application closes', async () => {
    const hooks = await startApp(sandbox);
    let release!: () => void;
    hooks.handlers.release = new Promise((resolve) => (release = resolve));
    await request(hooks.app.getHttpServer())
      .post(INCOMING)
      .set('x-zixflow-secret', SECRET)
      .send(documentedPayload({ message: { type: 'image', image: {} } }))
      .expect(200);
    let closed = false;
    const closing = hooks.app.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(false);
    release();
    await closing;
    expect(hooks.handlers.messages).toHaveLength(1);
  });

  it('keeps the webhook routes off OpenAPI documents', async () => {
    const hooks = await startApp(sandbox);
    try {
      const document = SwaggerModule.createDocument(hooks.app, new DocumentBuilder().build());
      expect(Object.keys(document.paths)).toEqual([]);
    } finally {
      await hooks.app.close();
    }
  });

  it.each([
    ['no secret', { secret: '' }, /secret is missing or empty.*ZIXFLOW_WEBHOOK_SECRET/s],
    ['a short secret', { secret: 'too-short' }, /must be 16 to 512 visible ASCII characters/],
  ])('refuses to start with %s', async (_case, options, message) => {
    const start = Test.createTestingModule({
      imports: [EventEmitterModule.forRoot(), ZixflowWebhooksModule.forRoot(options as ZixflowWebhooksModuleOptions)],
    }).compile();
    await expect(start).rejects.toThrow(ZixflowConfigurationError);
    await expect(start).rejects.toThrow(message);
  });

  it('refuses to start through forRootAsync when the factory yields no secret', async () => {
    const start = Test.createTestingModule({
      imports: [
        EventEmitterModule.forRoot(),
        ZixflowWebhooksModule.forRootAsync({ useFactory: () => ({ secret: '   ' }) }),
      ],
    }).compile();
    await expect(start).rejects.toThrow(/secret is missing or empty/);
  });

  it('refuses to start without EventEmitterModule, saying what to import', async () => {
    const start = Test.createTestingModule({ imports: [ZixflowWebhooksModule.forRoot({ secret: SECRET })] }).compile();
    await expect(start).rejects.toThrow(/add EventEmitterModule.forRoot\(\)/);
  });

  it('refuses a request-scoped handler at start-up', async () => {
    @Injectable({ scope: Scope.REQUEST })
    class RequestScopedBot {
      @OnWhatsappMessage()
      handle(): void {}
    }
    const moduleRef = await Test.createTestingModule({
      imports: [EventEmitterModule.forRoot(), ZixflowWebhooksModule.forRoot({ secret: SECRET })],
      providers: [RequestScopedBot],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await expect(app.init()).rejects.toThrow(
      /RequestScopedBot.handle: WhatsApp webhook handlers must live in singleton providers/,
    );
    await app.close();
  });
});
