import { INestApplication } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { SANDBOX_PHONE_ID } from '../src/sandbox-mode/start-sandbox-mode';
import { SandboxRecordedRequest, ZixflowSandbox } from '../src/zixflow/testing';
import { ZixflowDeliveryReport, ZixflowEvents } from '../src/zixflow/webhooks';
import { RecordingLogger } from './recording-logger';

const ENV_NAMES = [
  'ZIXFLOW_API_KEY',
  'ZIXFLOW_BASE_URL',
  'ZIXFLOW_PHONE_ID',
  'ZIXFLOW_TIMEOUT_MS',
  'ZIXFLOW_WEBHOOK_SECRET',
] as const;
const SECRET = 'support-bot-e2e-secret-0123456789';
const INCOMING = '/zixflow/webhooks/incoming';

/** The seed orders' customers (see OrdersService): 1001 is +1's, 1002 is +44's, 1003 is +91's. */
const US_CUSTOMER = { typed: '+1 302 389 5111', digits: '13023895111', masked: '1302***5111' };
const UK_CUSTOMER = { typed: '+44 20 7946 0958', digits: '442079460958' };
const IN_CUSTOMER = { typed: '+91 98765 43210', digits: '919876543210' };

const text = (body: string): Record<string, unknown> => ({
  to: US_CUSTOMER.digits,
  phoneId: SANDBOX_PHONE_ID,
  type: 'text',
  text: { body },
});

describe('example support bot, through the sandbox', () => {
  let sandbox: ZixflowSandbox;
  let app: INestApplication;
  let url: string;
  let logger: RecordingLogger;
  const savedEnv: Partial<Record<(typeof ENV_NAMES)[number], string>> = {};

  beforeAll(async () => {
    for (const name of ENV_NAMES) savedEnv[name] = process.env[name];
    sandbox = await ZixflowSandbox.start({ phoneId: SANDBOX_PHONE_ID, deliveryReports: { delayMs: 5 } });
    Object.assign(process.env, {
      ZIXFLOW_API_KEY: sandbox.apiKey,
      ZIXFLOW_BASE_URL: sandbox.url,
      ZIXFLOW_PHONE_ID: SANDBOX_PHONE_ID,
      ZIXFLOW_TIMEOUT_MS: '2000',
      ZIXFLOW_WEBHOOK_SECRET: SECRET,
    });
    logger = new RecordingLogger();
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ sandbox })] }).compile();
    app = moduleRef.createNestApplication({ logger });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterEach(() => sandbox.clear());

  afterAll(async () => {
    await app.close();
    await sandbox.stop();
    for (const name of ENV_NAMES) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
  });

  /** The customer writes (or taps a button); resolves with the bot's one answer. */
  async function customerSays(
    content: { text: string } | { buttonId: string },
    customer: { typed: string } = US_CUSTOMER,
  ): Promise<SandboxRecordedRequest> {
    const before = sandbox.requests.length;
    const message = 'text' in content ? { text: content.text } : { message: buttonReply(content.buttonId) };
    const result = await sandbox.simulateIncoming({
      to: `${url}${INCOMING}`,
      secret: SECRET,
      from: customer.typed,
      name: 'Ada',
      ...message,
    });
    expect(result.status).toBe(200);
    const requests = await sandbox.waitForRequests(before + 1);
    return requests[before];
  }

  function buttonReply(id: string): Record<string, unknown> {
    return { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title: id } } };
  }

  /** Conversations outlive a test; "menu" brings the customer back to the start. */
  async function startOver(customer: { typed: string } = US_CUSTOMER): Promise<void> {
    await customerSays({ text: 'menu' }, customer);
    sandbox.clear();
  }

  it('answers "hi" with the menu: two reply buttons, to the customer, from the business number', async () => {
    const answer = await customerSays({ text: 'hi' });

    expect(answer.body).toEqual({
      to: US_CUSTOMER.digits,
      phoneId: SANDBOX_PHONE_ID,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Hi Ada! How can we help you today?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'track', title: 'Track order' } },
            { type: 'reply', reply: { id: 'talk-to-us', title: 'Talk to us' } },
          ],
        },
      },
    });
  });

  it('the full track-order flow ends with the tracking video at the sandbox, addressed to the customer', async () => {
    await request(app.getHttpServer()).post('/orders/1001/ship').expect(202);
    await sandbox.waitForRequests(1);
    sandbox.clear();

    expect((await customerSays({ text: 'menu' })).body).toMatchObject({ type: 'interactive' });
    expect((await customerSays({ buttonId: 'track' })).body).toEqual(
      text('Sure! What is your order number? (for example 1001)'),
    );
    const video = await customerSays({ text: '1001' });

    expect(video.body).toEqual({
      to: US_CUSTOMER.digits,
      phoneId: SANDBOX_PHONE_ID,
      type: 'video',
      video: {
        link: 'https://cdn.example.com/tracking/1001.mp4',
        caption: 'Order 1001 is on its way. Here is your tracking video.',
      },
    });
    expect(sandbox.messages.at(-1)?.body).toEqual(video.body);
  });

  it('says an order is not shipped yet, to the customer who owns it', async () => {
    await customerSays({ buttonId: 'track' }, IN_CUSTOMER);
    const answer = await customerSays({ text: '#1003' }, IN_CUSTOMER);

    expect(answer.body).toMatchObject({
      to: IN_CUSTOMER.digits,
      text: { body: expect.stringMatching(/^Order 1003 is paid and being packed/) },
    });
  });

  it("does not reveal another customer's order", async () => {
    const answer = await customerSays({ text: '1002' });

    expect(answer.body).toEqual(
      text('I could not find order 1002 for this WhatsApp number. Please check the number, or send *menu*.'),
    );
    expect(JSON.stringify(answer.body)).not.toContain('tracking');
  });

  it('answers "Talk to us"', async () => {
    expect((await customerSays({ buttonId: 'talk-to-us' })).body).toEqual(
      text('A colleague will answer you right here within one working day. Send *menu* to go back.'),
    );
  });

  it('answers anything else with a short help text, and asks again while waiting for an order number', async () => {
    await startOver();
    expect((await customerSays({ text: 'where is my parcel?' })).body).toEqual(
      text('Sorry, I did not get that. Send *menu* to see what I can do for you.'),
    );

    await customerSays({ buttonId: 'track' });
    expect((await customerSays({ text: 'the blue one' })).body).toEqual(
      text('That does not look like an order number. Send just the digits, for example 1001, or *menu* to start over.'),
    );
    expect((await customerSays({ text: 'still no idea' })).body).toEqual(
      text('That does not look like an order number. Send just the digits, for example 1001, or *menu* to start over.'),
    );
  });

  it('keeps conversations apart per customer', async () => {
    await startOver();
    await customerSays({ buttonId: 'track' }, UK_CUSTOMER);
    const answer = await customerSays({ text: 'the blue one' });

    expect(answer.body).toEqual(text('Sorry, I did not get that. Send *menu* to see what I can do for you.'));
  });

  it('answers an image (or any other message type) with the help text', async () => {
    await startOver();
    const before = sandbox.requests.length;
    await sandbox.simulateIncoming({
      to: `${url}${INCOMING}`,
      secret: SECRET,
      from: US_CUSTOMER.typed,
      message: { type: 'sticker', sticker: {} },
    });
    const [answer] = (await sandbox.waitForRequests(before + 1)).slice(before);
    expect(answer.body).toEqual(text('Sorry, I did not get that. Send *menu* to see what I can do for you.'));
  });

  it('answers a delivery that Zixflow repeats (same eventId) only once', async () => {
    const first = await sandbox.simulateIncoming({
      to: `${url}${INCOMING}`,
      secret: SECRET,
      from: US_CUSTOMER.typed,
      text: 'hi',
    });
    const repeat = await sandbox.simulateIncoming({
      to: `${url}${INCOMING}`,
      secret: SECRET,
      from: US_CUSTOMER.typed,
      text: 'hi',
      eventId: first.payload.eventId as string,
    });

    expect(repeat).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
    await sandbox.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sandbox.requests).toHaveLength(1);
  });

  it.each([
    ['no secret', undefined],
    ['a wrong secret', SECRET.replace(/.$/, 'X')],
    ['a secret of a different length', 'short-secret'],
  ])('refuses a customer message with %s: 401 and no answer', async (_case, secret) => {
    const result = await sandbox.simulateIncoming({
      to: `${url}${INCOMING}`,
      secret,
      from: US_CUSTOMER.typed,
      text: 'hi',
    });

    expect(result.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sandbox.requests).toHaveLength(0);
  });

  it('answers a body nested 10 000 levels deep with 400 (not a stack overflow), and keeps answering customers', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const response = await request(url)
      .post(INCOMING)
      .set('x-zixflow-secret', SECRET)
      .set('content-type', 'application/json')
      .send(deep)
      .expect(400);

    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Webhook body nested deeper than 64 levels',
    });
    expect((await customerSays({ text: 'menu' })).body).toMatchObject({ type: 'interactive' });
  });

  it('a message sent with a reportURL produces DeliveryReport events and log lines', async () => {
    const reports: ZixflowDeliveryReport[] = [];
    const listener = (report: ZixflowDeliveryReport): number => reports.push(report);
    app.get(EventEmitter2).on(ZixflowEvents.DeliveryReport, listener);
    try {
      const sent = await request(app.getHttpServer())
        .post('/messages/text')
        .send({
          to: US_CUSTOMER.typed,
          text: { body: 'Your invoice' },
          submissionStatus: true,
          reportURL: `${url}/zixflow/webhooks/reports?token=${SECRET}`,
        })
        .expect(201);

      const deadline = Date.now() + 3000;
      while (reports.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(reports.map(({ status, messageId, recipient }) => ({ status, messageId, recipient }))).toEqual([
        { status: 'sent', messageId: sent.body.messageId, recipient: US_CUSTOMER.digits },
        { status: 'delivered', messageId: sent.body.messageId, recipient: US_CUSTOMER.digits },
      ]);
      expect(logger.lines).toContain(`Message ${sent.body.messageId as string} to ${US_CUSTOMER.masked}: delivered`);
    } finally {
      app.get(EventEmitter2).off(ZixflowEvents.DeliveryReport, listener);
    }
  });

  describe('POST /sandbox/incoming (the curl way)', () => {
    it('plays a customer message and a button press; the answers appear in GET /sandbox/messages', async () => {
      const said = await request(app.getHttpServer())
        .post('/sandbox/incoming')
        .send({ from: US_CUSTOMER.typed, text: 'hi' })
        .expect(202);
      expect(said.body).toEqual({
        eventId: expect.any(String) as unknown,
        webhookStatus: 200,
        next: 'GET /sandbox/messages shows the answer',
      });
      await sandbox.waitForRequests(1);
      await request(app.getHttpServer())
        .post('/sandbox/incoming')
        .send({ from: US_CUSTOMER.typed, buttonId: 'track' })
        .expect(202);
      await sandbox.waitForRequests(2);

      const listed = await request(app.getHttpServer()).get('/sandbox/messages').expect(200);
      const bodies = (listed.body as Array<{ body: Record<string, unknown> }>).map(({ body }) => body);
      expect(bodies[0]).toEqual(text('Sure! What is your order number? (for example 1001)'));
      expect(bodies[1]).toMatchObject({ to: US_CUSTOMER.digits, type: 'interactive' });
    });

    it.each([
      [{ from: US_CUSTOMER.typed }, /text is required/],
      [{ from: US_CUSTOMER.typed, text: 'hi', buttonId: 'track' }, /either text or buttonId/],
      [{ text: 'hi' }, /from must be the customer number/],
      [{ from: 'not a number', text: 'hi' }, /from must be a phone number with its country code/],
      [{ from: US_CUSTOMER.typed, text: 'hi', extra: 1 }, /extra/],
    ])('answers 400 to %j and delivers nothing', async (body, message) => {
      const response = await request(app.getHttpServer()).post('/sandbox/incoming').send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toMatch(message);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sandbox.requests).toHaveLength(0);
    });
  });

  it('never logs the webhook secret or a full customer number', () => {
    const logs = logger.lines.join('\n');
    expect(logs).not.toContain(SECRET);
    for (const digits of [US_CUSTOMER.digits, UK_CUSTOMER.digits, IN_CUSTOMER.digits])
      expect(logs).not.toContain(digits);
  });
});

describe('example app in sandbox mode without ZIXFLOW_WEBHOOK_SECRET', () => {
  it('generates a secret, so the bot answers through POST /sandbox/incoming', async () => {
    const saved = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
    const sandbox = await ZixflowSandbox.start({ phoneId: SANDBOX_PHONE_ID });
    Object.assign(process.env, {
      ZIXFLOW_API_KEY: sandbox.apiKey,
      ZIXFLOW_BASE_URL: sandbox.url,
      ZIXFLOW_PHONE_ID: SANDBOX_PHONE_ID,
    });
    delete process.env.ZIXFLOW_WEBHOOK_SECRET;
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ sandbox })] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    try {
      expect(process.env.ZIXFLOW_WEBHOOK_SECRET).toMatch(/^[0-9a-f]{64}$/);
      await request(app.getHttpServer())
        .post('/sandbox/incoming')
        .send({ from: US_CUSTOMER.typed, text: 'hi' })
        .expect(202);
      const [answer] = await sandbox.waitForRequests(1);
      expect(answer.body).toMatchObject({ to: US_CUSTOMER.digits, type: 'interactive' });
    } finally {
      await app.close();
      await sandbox.stop();
      for (const name of ENV_NAMES) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });
});

describe('example app with a real key and no webhook secret', () => {
  it('starts, sends, and does not mount the webhook routes', async () => {
    const saved = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
    Object.assign(process.env, { ZIXFLOW_API_KEY: 'zx-configured-key', ZIXFLOW_BASE_URL: 'http://127.0.0.1:9' });
    delete process.env.ZIXFLOW_WEBHOOK_SECRET;
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    configureApp(app);
    await app.init();
    try {
      await request(app.getHttpServer())
        .post(INCOMING)
        .set('x-zixflow-secret', 'anything-anything')
        .send({})
        .expect(404);
      await request(app.getHttpServer())
        .post('/sandbox/incoming')
        .send({ from: US_CUSTOMER.typed, text: 'hi' })
        .expect(404);
    } finally {
      await app.close();
      for (const name of ENV_NAMES) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });
});
