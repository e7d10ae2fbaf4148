import { INestApplication } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { SupportTicketDialog } from '../src/example/bot/support-ticket.dialog';
import { SupportBot } from '../src/example/bot/support.bot';
import { TrackOrderDialog } from '../src/example/bot/track-order.dialog';
import { OrdersService } from '../src/example/orders/orders.service';
import { SANDBOX_PHONE_ID } from '../src/sandbox-mode/start-sandbox-mode';
import { SandboxRecordedRequest, ZixflowBotTestbed, ZixflowBotTestReply, ZixflowSandbox } from '../src/zixflow/testing';
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

const MENU = 'Hi Ada! How can we help you today? [Track order] [Talk to us]';
const ASK_FOR_ORDER_NUMBER = 'Sure! What is your order number? (for example 1001)';
const NOT_AN_ORDER_NUMBER =
  'That does not look like an order number. Send just the digits, for example 1001, or *menu* to start over.';
const HELP = 'Sorry, I did not get that. Send *menu* to see what I can do for you.';
const TALK_TO_US = 'A colleague will answer you right here within one working day. Send *menu* to go back.';
const TOPIC_QUESTION = 'Let us open a ticket. What is it about? [Billing] [Delivery] [Other]';
const TOPIC_RETRY = 'Please tap one of the buttons. [Billing] [Delivery] [Other]';
const NOT_AN_EMAIL = 'That does not look like an email address. Please send one like ada@example.com.';
const TICKET_GIVE_UP = 'Let us leave the ticket for now. Send *support* to try again, or *menu* for the menu.';
const FIFTEEN_MINUTES = 15 * 60 * 1000;

const texts = (replies: readonly ZixflowBotTestReply[]): string[] => replies.map((reply) => reply.text);

describe('example support bot (ZixflowBotTestbed: the bot, its dialogs and OrdersService in a real app)', () => {
  let testbed: ZixflowBotTestbed;

  beforeEach(async () => {
    testbed = await ZixflowBotTestbed.create({
      providers: [SupportBot, TrackOrderDialog, SupportTicketDialog, OrdersService],
    });
  });
  afterEach(() => testbed.close());

  /** The body the app sent to Zixflow for this customer. */
  const to = (digits: string, message: Record<string, unknown>): Record<string, unknown> => ({
    to: digits,
    phoneId: testbed.sandbox.phoneId,
    ...message,
  });

  it('menu → Track order → order number → tracking video, with the exact bodies sent to Zixflow', async () => {
    testbed.application.get(OrdersService).ship('1001');
    const ada = testbed.chat('+1 302 389 5111', 'Ada');

    const [menu] = await ada.say('hi');
    expect(menu.body).toEqual(
      to('13023895111', {
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
      }),
    );
    expect((await ada.tap('track', 'Track order')).map((reply) => reply.body)).toEqual([
      to('13023895111', { type: 'text', text: { body: ASK_FOR_ORDER_NUMBER } }),
    ]);
    expect((await ada.say('1001')).map((reply) => reply.body)).toEqual([
      to('13023895111', {
        type: 'video',
        video: {
          link: 'https://cdn.example.com/tracking/1001.mp4',
          caption: 'Order 1001 is on its way. Here is your tracking video.',
        },
      }),
    ]);
    expect(texts(await ada.say('1001 please'))).toEqual([HELP]);

    expect(ada.transcript).toEqual([
      'customer: hi',
      `bot: ${MENU}`,
      'customer: [Track order]',
      `bot: ${ASK_FOR_ORDER_NUMBER}`,
      'customer: 1001',
      'bot: video https://cdn.example.com/tracking/1001.mp4 Order 1001 is on its way. Here is your tracking video.',
      'customer: 1001 please',
      `bot: ${HELP}`,
    ]);
  });

  it.each(['hi', '  Hi! ', 'MENU', 'hello 👋', 'hey', 'hola', 'start', 'help'])(
    'shows the menu for the greeting %j',
    async (greeting) => {
      expect(texts(await testbed.chat('+1 302 389 5111', 'Ada').say(greeting))).toEqual([MENU]);
    },
  );

  it('greets a customer without a profile name without one', async () => {
    expect(texts(await testbed.chat('+1 302 389 5111', '').say('menu'))).toEqual([
      'Hi! How can we help you today? [Track order] [Talk to us]',
    ]);
  });

  it('understands the buttons’ labels typed: "Track order", "track", "talk to us"', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    expect(texts(await ada.say('Track order'))).toEqual([ASK_FOR_ORDER_NUMBER]);
    expect(texts(await ada.say('track'))).toEqual([ASK_FOR_ORDER_NUMBER]);
    expect(texts(await ada.say('Talk to us!'))).toEqual([TALK_TO_US]);
  });

  it('answers "Talk to us" (the button), and the wait for an order number is over', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    await ada.tap('track', 'Track order');
    const [answer] = await ada.tap('talk-to-us', 'Talk to us');
    expect(answer.body).toEqual(to('13023895111', { type: 'text', text: { body: TALK_TO_US } }));
    expect(texts(await ada.say('the blue one'))).toEqual([HELP]);
  });

  it('reads "#1003" and "order 1003." as order numbers: not shipped yet, for the customer who owns it', async () => {
    const customer = testbed.chat('+91 98765 43210', 'Ravi');
    await customer.tap('track', 'Track order');
    const notShipped = 'Order 1003 is paid and being packed. You will get its tracking video here as soon as it ships.';
    expect(texts(await customer.say('#1003'))).toEqual([notShipped]);
    expect(texts(await customer.say('order 1003.'))).toEqual([notShipped]);
    expect(texts(await customer.say('Order: #1003!'))).toEqual([notShipped]);
  });

  it('tracks an order number sent without "Track order" first, and never reveals another customer’s order', async () => {
    testbed.application.get(OrdersService).ship('1002');
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    const [answer] = await ada.say('1002');
    expect(answer.body).toEqual(
      to('13023895111', {
        type: 'text',
        text: {
          body: 'I could not find order 1002 for this WhatsApp number. Please check the number, or send *menu*.',
        },
      }),
    );
    expect(texts(await ada.say('#9999'))).toEqual([
      'I could not find order 9999 for this WhatsApp number. Please check the number, or send *menu*.',
    ]);
  });

  it('asks again, as often as needed, while it waits for an order number; a number inside a sentence is not one', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    await ada.tap('track', 'Track order');
    expect(texts(await ada.say('my order is 1001 thanks'))).toEqual([NOT_AN_ORDER_NUMBER]);
    expect(texts(await ada.say('the blue one'))).toEqual([NOT_AN_ORDER_NUMBER]);
    expect(texts(await ada.send({ type: 'sticker', sticker: {} }))).toEqual([NOT_AN_ORDER_NUMBER]);
    expect(texts(await ada.tap('something-else'))).toEqual([NOT_AN_ORDER_NUMBER]);
    expect(texts(await ada.say('still no idea'))).toEqual([NOT_AN_ORDER_NUMBER]);
    expect(texts(await ada.say('1001'))).toEqual([
      'Order 1001 is paid and being packed. You will get its tracking video here as soon as it ships.',
    ]);
  });

  it('shows the menu in the middle of the wait, which ends it', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    await ada.say('track order');
    expect(texts(await ada.say('menu'))).toEqual([MENU]);
    expect(texts(await ada.say('the blue one'))).toEqual([HELP]);
  });

  it('answers anything else with the help text: a question, an image, a sticker, an unknown button', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    expect(texts(await ada.say('where is my parcel?'))).toEqual([HELP]);
    expect(
      texts(await ada.send({ type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'hi' } })),
    ).toEqual([HELP]);
    expect(texts(await ada.send({ type: 'sticker', sticker: {} }))).toEqual([HELP]);
    expect(texts(await ada.tap('something-else'))).toEqual([HELP]);
  });

  it('forgets the wait for an order number after 15 minutes of silence (testbed.advance)', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    await ada.tap('track', 'Track order');
    await testbed.advance(FIFTEEN_MINUTES - 1);
    expect(texts(await ada.say('the blue one'))).toEqual([NOT_AN_ORDER_NUMBER]);
    // Each answer starts the 15 minutes again; the time-out itself says nothing.
    expect(texts(await ada.wait(FIFTEEN_MINUTES))).toEqual([]);
    expect(texts(await ada.say('the blue one'))).toEqual([HELP]);
    expect(testbed.clock.pendingTimers).toBe(0);
  });

  it('keeps conversations apart per customer', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    const bob = testbed.chat('+44 20 7946 0958', 'Bob');
    await bob.tap('track', 'Track order');
    expect(texts(await ada.say('the blue one'))).toEqual([HELP]);
    expect(texts(await bob.say('the blue one'))).toEqual([NOT_AN_ORDER_NUMBER]);
  });

  it('answers one customer’s quick messages one at a time, in order', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    await Promise.all([ada.say('hi'), ada.say('track'), ada.say('1001')]);
    expect(texts(ada.replies)).toEqual([
      MENU,
      ASK_FOR_ORDER_NUMBER,
      'Order 1001 is paid and being packed. You will get its tracking video here as soon as it ships.',
    ]);
  });

  it('opens a support ticket: topic buttons, a wrong email address asked again, a good one, the confirmation', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    const [question] = await ada.say('support');
    expect(question.body).toEqual(
      to('13023895111', {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Let us open a ticket. What is it about?' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'topic:billing', title: 'Billing' } },
              { type: 'reply', reply: { id: 'topic:delivery', title: 'Delivery' } },
              { type: 'reply', reply: { id: 'topic:other', title: 'Other' } },
            ],
          },
        },
      }),
    );
    expect(texts(await ada.tap('topic:billing', 'Billing'))).toEqual([
      'Got it: billing. Which email address should we answer you at?',
    ]);
    const [retry] = await ada.say('ada at example dot com');
    expect(retry.body).toEqual(to('13023895111', { type: 'text', text: { body: NOT_AN_EMAIL } }));
    expect(texts(await ada.say(' ada@example.com '))).toEqual([
      'Thank you! Your billing ticket is open, and a colleague will write to ada@example.com within one working day.',
    ]);
    expect(texts(await ada.say('ada@example.com'))).toEqual([HELP]);

    expect(ada.transcript).toEqual([
      'customer: support',
      `bot: ${TOPIC_QUESTION}`,
      'customer: [Billing]',
      'bot: Got it: billing. Which email address should we answer you at?',
      'customer: ada at example dot com',
      `bot: ${NOT_AN_EMAIL}`,
      'customer:  ada@example.com ',
      'bot: Thank you! Your billing ticket is open, and a colleague will write to ada@example.com within one working day.',
      'customer: ada@example.com',
      `bot: ${HELP}`,
    ]);
  });

  it('takes a typed topic, shows the buttons again after a wrong one, and gives up after the third wrong email', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    await ada.say('Ticket');
    expect(texts(await ada.say('my parcel'))).toEqual([TOPIC_RETRY]);
    expect(texts(await ada.say('Delivery!'))).toEqual([
      'Got it: delivery. Which email address should we answer you at?',
    ]);
    expect(texts(await ada.say('no'))).toEqual([NOT_AN_EMAIL]);
    expect(texts(await ada.say('ada@example'))).toEqual([NOT_AN_EMAIL]);
    expect(texts(await ada.say('@example.com'))).toEqual([TICKET_GIVE_UP]);
    expect(texts(await ada.say('ada@example.com'))).toEqual([HELP]);
  });

  it('gives up on the topic after three wrong answers; "menu" or "track" in the middle of a ticket end it', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    await ada.say('support');
    await ada.say('a');
    await ada.say('b');
    expect(texts(await ada.say('c'))).toEqual([TICKET_GIVE_UP]);

    await ada.say('support');
    expect(texts(await ada.say('menu'))).toEqual([MENU]);
    expect(texts(await ada.tap('topic:other', 'Other'))).toEqual([HELP]);
    await ada.say('support');
    expect(texts(await ada.tap('track', 'Track order'))).toEqual([ASK_FOR_ORDER_NUMBER]);
    expect(texts(await ada.say('billing'))).toEqual([NOT_AN_ORDER_NUMBER]);
  });

  it('keeps a half-filled ticket across a restart (the store outlives the app), and forgets it after 15 minutes', async () => {
    const ada = testbed.chat('+1 302 389 5111', 'Ada');
    await ada.say('support');
    await ada.tap('topic:delivery', 'Delivery');
    await testbed.restart();
    expect(texts(await ada.say('ada@example.com'))).toEqual([
      'Thank you! Your delivery ticket is open, and a colleague will write to ada@example.com within one working day.',
    ]);

    await ada.say('support');
    await testbed.advance(FIFTEEN_MINUTES);
    expect(texts(await ada.tap('topic:billing', 'Billing'))).toEqual([HELP]);
  });
});

describe('example app: the support bot wired in, through the sandbox', () => {
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

  it('runs the support-ticket dialog, and logs the ticket with the number masked', async () => {
    expect((await customerSays({ text: 'support' })).body).toMatchObject({
      type: 'interactive',
      interactive: { body: { text: 'Let us open a ticket. What is it about?' } },
    });
    expect((await customerSays({ buttonId: 'topic:billing' })).body).toEqual(
      text('Got it: billing. Which email address should we answer you at?'),
    );
    expect((await customerSays({ text: 'ada@example.com' })).body).toEqual(
      text(
        'Thank you! Your billing ticket is open, and a colleague will write to ada@example.com within one working day.',
      ),
    );
    expect(logger.lines).toContain(`New billing ticket from ${US_CUSTOMER.masked}`);
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
