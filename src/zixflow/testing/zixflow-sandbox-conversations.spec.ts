import { eventually, FakeApp } from './sandbox-fake-app.spec-helper';
import { ZixflowSandbox } from './zixflow-sandbox';

const SESSION_PATH = '/api/v1/campaign/whatsapp/message/send';
const CUSTOMER = '13023895111';

async function send(sandbox: ZixflowSandbox, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}${SESSION_PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      to: CUSTOMER,
      phoneId: sandbox.phoneId,
      type: 'text',
      text: { body: 'Hi' },
      submissionStatus: true,
      ...body,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('ZixflowSandbox conversations, statuses and connectApp', () => {
  let sandbox: ZixflowSandbox;
  let app: FakeApp;

  beforeEach(async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 5 } });
    app = await new FakeApp().start();
  });

  afterEach(async () => {
    await sandbox.stop();
    await app.stop();
  });

  it('refuses to connect an app that is not on a loopback address', () => {
    expect(() => sandbox.connectApp({ incomingUrl: 'https://example.com/hooks' })).toThrow(
      /incomingUrl "https:\/\/example.com\/hooks" must use http/,
    );
    expect(() => sandbox.connectApp({ incomingUrl: 'http://10.0.0.1/hooks' })).toThrow(RangeError);
  });

  it('needs `to` or a connected app to simulate a customer', async () => {
    await expect(sandbox.simulateIncoming({ from: CUSTOMER, text: 'hi' })).rejects.toThrow(
      /needs `to`, or an app connected with connectApp/,
    );
  });

  it('posts to the connected app with its secret and header when `to` is left out', async () => {
    sandbox.connectApp({
      incomingUrl: app.url('/hooks/incoming'),
      secret: 's3cret-s3cret-s3cret',
      secretHeader: 'x-custom',
    });
    const result = await sandbox.simulateIncoming({ from: '+1 302 389 5111', text: 'hi' });

    expect(result.status).toBe(200);
    expect(app.received[0]).toMatchObject({ path: '/hooks/incoming', headers: { 'x-custom': 's3cret-s3cret-s3cret' } });
  });

  it('uses nothing of the connected app when `to` is given, so refusals can still be tested', async () => {
    sandbox.connectApp({ incomingUrl: app.url('/hooks/incoming'), secret: 's3cret-s3cret-s3cret' });
    await sandbox.simulateIncoming({ to: app.url('/other'), from: CUSTOMER, text: 'hi' });

    expect(app.received[0].path).toBe('/other');
    expect(app.received[0].headers['x-zixflow-secret']).toBeUndefined();
  });

  it('keeps both directions of a conversation in order, with the customer name and the app answer', async () => {
    const sent = await send(sandbox, { text: { body: 'Your order shipped' } });
    await sandbox.simulateIncoming({ to: app.url('/in'), from: '+1 302 389 5111', name: 'Ada', text: 'thanks!' });
    app.status = 401;
    await sandbox.simulateIncoming({ to: app.url('/in'), from: CUSTOMER, text: 'hello?' });

    const [conversation] = sandbox.conversations;
    expect(conversation).toMatchObject({
      id: `${CUSTOMER}:${sandbox.phoneId}`,
      customer: CUSTOMER,
      phoneId: sandbox.phoneId,
      customerName: 'Sandbox Customer',
    });
    expect(
      conversation.entries.map((entry) => [
        entry.direction,
        entry.id === sent.messageId || entry.id.startsWith('wamid.'),
      ]),
    ).toEqual([
      ['outgoing', true],
      ['incoming', true],
      ['incoming', true],
    ]);
    expect(conversation.entries[1]).toMatchObject({
      message: { type: 'text', text: { body: 'thanks!' } },
      webhook: { status: 200 },
    });
    expect(conversation.entries[2]).toMatchObject({ webhook: { status: 401 } });
  });

  it('groups conversations by customer and business number, most recent first', async () => {
    await send(sandbox, { to: '442079460958' });
    await send(sandbox, { phoneId: 'other-number' });
    await send(sandbox);

    expect(sandbox.conversations.map(({ id }) => id)).toEqual([
      `${CUSTOMER}:${sandbox.phoneId}`,
      `${CUSTOMER}:other-number`,
      `442079460958:${sandbox.phoneId}`,
    ]);
  });

  it('records a webhook that could not be delivered', async () => {
    const url = app.url('/in');
    await app.stop();
    await expect(sandbox.simulateIncoming({ to: url, from: CUSTOMER, text: 'hi' })).rejects.toThrow(/ECONNREFUSED/);
    app = await new FakeApp().start();

    expect(sandbox.conversations[0].entries[0]).toMatchObject({
      direction: 'incoming',
      webhook: { error: expect.stringMatching(/ECONNREFUSED/) as unknown },
    });
  });

  it('moves a message to delivered, and to read once the customer writes back; the reportURL hears every step', async () => {
    const sent = await send(sandbox, { reportURL: app.url('/reports') });
    const messageId = String(sent.messageId);
    expect(sandbox.messageStatus(messageId)).toBe('accepted');
    await eventually(() => sandbox.messageStatus(messageId) === 'delivered');

    await sandbox.simulateIncoming({ to: app.url('/in'), from: CUSTOMER, text: 'got it' });
    expect(sandbox.messageStatus(messageId)).toBe('read');
    await eventually(() => sandbox.reportDeliveries.length === 3);

    expect(sandbox.reportDeliveries.map(({ status, responseStatus }) => [status, responseStatus])).toEqual([
      ['sent', 200],
      ['delivered', 200],
      ['read', 200],
    ]);
    expect(app.received.filter(({ path }) => path === '/reports').map(({ body }) => body.status)).toEqual([
      'sent',
      'delivered',
      'read',
    ]);
    expect(sandbox.conversations[0].entries[0]).toMatchObject({ direction: 'outgoing', status: 'read' });
  });

  it('does not mark read the messages of another conversation', async () => {
    const sent = await send(sandbox);
    await sandbox.simulateIncoming({ to: app.url('/in'), from: '+44 20 7946 0958', text: 'hi' });
    await eventually(() => sandbox.messageStatus(String(sent.messageId)) === 'delivered');
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(sandbox.messageStatus(String(sent.messageId))).toBe('delivered');
  });

  it('clear() forgets the conversations but keeps the connected app', async () => {
    sandbox.connectApp({ incomingUrl: app.url('/in') });
    await send(sandbox);
    sandbox.clear();

    expect(sandbox.conversations).toEqual([]);
    await expect(sandbox.simulateIncoming({ from: CUSTOMER, text: 'still there?' })).resolves.toMatchObject({
      status: 200,
    });
  });
});
