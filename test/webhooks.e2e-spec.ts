import request from 'supertest';
import { ZixflowWhatsappService } from '../src/zixflow';
import { SandboxIncomingOptions, SandboxWebhookResult, ZixflowSandbox } from '../src/zixflow/testing';
import {
  CUSTOMER,
  CUSTOMER_DIGITS,
  documentedPayload,
  eventually,
  INCOMING,
  REPORTS,
  SECRET,
  settle,
  startApp,
  WEBHOOK_ADAPTERS,
  WebhookApp,
} from './webhooks.helpers';

describe.each(WEBHOOK_ADAPTERS)('ZixflowWebhooksModule on %s', (adapter) => {
  let sandbox: ZixflowSandbox;
  let hooks: WebhookApp;
  let startUpLines: string[];

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 5 } });
    hooks = await startApp(adapter, sandbox);
    startUpLines = [...hooks.logger.lines];
  });

  afterEach(() => {
    sandbox.clear();
    hooks.handlers.clear();
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

  it('says at start-up, in one line, which handlers it found and what each handles', () => {
    expect(startUpLines.filter((line) => line.includes('RecordingHandlers') || line.includes('EchoBot'))).toEqual([
      'Webhook handlers: RecordingHandlers.every (every incoming WhatsApp message); ' +
        'RecordingHandlers.textsOnly (incoming WhatsApp messages of type text); ' +
        'RecordingHandlers.report (every delivery report); ' +
        'RecordingHandlers.failed (delivery reports with status failed); ' +
        'EchoBot.echo (incoming WhatsApp messages of type text)',
    ]);
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
      const response = await request(hooks.url)
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload({ event: 'incoming.rcs.message', botId: 'b1' }))
        .expect(200);

      expect(response.body).toEqual({ received: true, ignored: true });
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('answers 400 for a message without eventId or sender number, and emits nothing', async () => {
      const response = await request(hooks.url)
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
      const post = (body: object): request.Test => request(hooks.url).post(`${REPORTS}?token=${SECRET}`).send(body);
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
