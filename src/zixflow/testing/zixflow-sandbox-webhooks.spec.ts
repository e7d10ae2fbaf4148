import { request as httpRequest } from 'node:http';
import { FakeApp } from './sandbox-fake-app.spec-helper';
import { ZixflowSandbox } from './zixflow-sandbox';

const SESSION_PATH = '/api/v1/campaign/whatsapp/message/send';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function send(sandbox: ZixflowSandbox, body: Record<string, unknown>): Promise<number> {
  const payload = JSON.stringify({
    to: '13023895111',
    phoneId: sandbox.phoneId,
    type: 'text',
    text: { body: 'Hi' },
    ...body,
  });
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${sandbox.url}${SESSION_PATH}`, {
      method: 'POST',
      agent: false,
      headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls instead of sleeping a fixed time, so slow CI machines do not make the tests flaky. */
async function eventually(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(10);
}

describe('ZixflowSandbox.simulateIncoming', () => {
  let sandbox: ZixflowSandbox;
  let app: FakeApp;

  beforeEach(async () => {
    sandbox = await ZixflowSandbox.start();
    app = await new FakeApp().start();
  });

  afterEach(async () => {
    await sandbox.stop();
    await app.stop();
  });

  it("posts Zixflow's documented payload with the secret header and returns the app's answer", async () => {
    const before = Date.now();
    const result = await sandbox.simulateIncoming({
      to: app.url('/zixflow/webhooks/incoming'),
      secret: 's3cret-s3cret-s3cret',
      from: '+1 (302) 389-5111',
      text: 'hi',
    });

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ received: true });
    const [received] = app.received;
    expect(received.path).toBe('/zixflow/webhooks/incoming');
    expect(received.headers['x-zixflow-secret']).toBe('s3cret-s3cret-s3cret');
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.body).toEqual(result.payload);
    expect(received.body).toEqual({
      event: 'incoming.whatsapp.message',
      eventId: expect.stringMatching(UUID_V4) as unknown,
      timestamp: expect.any(Number) as unknown,
      phoneId: '100000000000001',
      wabaId: '100000000000002',
      messageId: expect.stringMatching(/^wamid\.[A-Za-z0-9_-]{20,}$/) as unknown,
      sender: { name: 'Sandbox Customer', number: '13023895111' },
      message: { type: 'text', text: { body: 'hi' } },
    });
    expect(String(received.body.timestamp)).toMatch(/^\d{13}$/);
    expect(received.body.timestamp).toBeGreaterThanOrEqual(before);
  });

  it('gives every simulated message a fresh eventId and messageId', async () => {
    const first = await sandbox.simulateIncoming({ to: app.url('/in'), from: '13023895111', text: 'a' });
    const second = await sandbox.simulateIncoming({ to: app.url('/in'), from: '13023895111', text: 'b' });
    expect(first.payload.eventId).not.toBe(second.payload.eventId);
    expect(first.payload.messageId).not.toBe(second.payload.messageId);
  });

  it('sends any message object, chosen ids, a custom header, and no secret header when no secret is given', async () => {
    const message = {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'track', title: 'Track order' } },
    };
    await sandbox.simulateIncoming({
      to: app.url('/in', 'localhost'),
      from: '0044 20 7946 0958',
      name: 'Ann',
      message,
      eventId: 'evt-1',
      messageId: 'wamid.fixed',
      timestamp: new Date('2026-01-01T00:00:00Z'),
      phoneId: '42',
      wabaId: '43',
      headers: { 'x-extra': 'yes' },
    });
    const [received] = app.received;
    expect(received.headers['x-zixflow-secret']).toBeUndefined();
    expect(received.headers['x-extra']).toBe('yes');
    expect(received.body).toMatchObject({
      eventId: 'evt-1',
      messageId: 'wamid.fixed',
      timestamp: Date.parse('2026-01-01T00:00:00Z'),
      phoneId: '42',
      wabaId: '43',
      sender: { name: 'Ann', number: '442079460958' },
      message,
    });
  });

  it('uses a custom secret header', async () => {
    await sandbox.simulateIncoming({
      to: app.url('/in'),
      from: '13023895111',
      text: 'x',
      secret: 'abc',
      secretHeader: 'x-hook-token',
    });
    expect(app.received[0].headers['x-hook-token']).toBe('abc');
  });

  it.each([
    ['http://example.com/zixflow/webhooks/incoming'],
    ['https://127.0.0.1/in'],
    ['http://10.0.0.1/in'],
    ['http://127.0.0.2/in'],
    ['http://localhost.example.com/in'],
    ['http://user:pass@127.0.0.1/in'],
    ['file:///etc/passwd'],
    ['not a url'],
  ])('never calls a non-loopback URL: %s', async (to) => {
    await expect(sandbox.simulateIncoming({ to, from: '13023895111', text: 'x' })).rejects.toThrow(RangeError);
    expect(app.received).toHaveLength(0);
  });

  it.each([
    [{ from: '13023895111' }, /exactly one of `text` or `message`/],
    [{ from: '13023895111', text: 'a', message: { type: 'text' } }, /exactly one of `text` or `message`/],
    [{ from: '12345', text: 'a' }, /from must be a phone number/],
  ])('refuses %j', async (options, message) => {
    await expect(sandbox.simulateIncoming({ to: app.url('/in'), ...options })).rejects.toThrow(message);
  });

  it('rejects after stop()', async () => {
    await sandbox.stop();
    await expect(sandbox.simulateIncoming({ to: app.url('/in'), from: '13023895111', text: 'x' })).rejects.toThrow(
      /stopped/,
    );
  });
});

describe('ZixflowSandbox delivery reports', () => {
  let app: FakeApp;
  let sandbox: ZixflowSandbox | undefined;

  beforeEach(async () => {
    app = await new FakeApp().start();
  });

  afterEach(async () => {
    await sandbox?.stop();
    await app.stop();
  });

  it('posts sent, then delivered, to a loopback reportURL', async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 5 } });
    const reportURL = app.url('/zixflow/webhooks/reports?token=t0ken');
    expect(await send(sandbox, { reportURL })).toBe(200);

    const reports = await app.waitFor(2);
    const [message] = sandbox.messages;
    expect(reports.map(({ path }) => path)).toEqual([
      '/zixflow/webhooks/reports?token=t0ken',
      '/zixflow/webhooks/reports?token=t0ken',
    ]);
    expect(reports.map(({ body }) => body.status)).toEqual(['sent', 'delivered']);
    expect(reports[1].body).toEqual({
      type: 'delivery_status',
      channel: 'whatsapp',
      messageId: message.messageId,
      campaignId: message.campaignId,
      status: 'delivered',
      recipient: '13023895111',
      to: '13023895111',
      phoneId: sandbox.phoneId,
      timestamp: expect.any(Number) as unknown,
      status_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      remark: '',
    });
    await eventually(() => sandbox?.reportDeliveries.length === 2);
    expect(sandbox.reportDeliveries.map(({ status, responseStatus }) => [status, responseStatus])).toEqual([
      ['sent', 200],
      ['delivered', 200],
    ]);
  });

  it('records a non-loopback reportURL as not sent and calls nothing', async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 0 } });
    await send(sandbox, { reportURL: 'https://example.com/zixflow/report' });
    expect(sandbox.reportDeliveries).toEqual([
      expect.objectContaining({
        url: 'https://example.com/zixflow/report',
        status: 'sent',
        error: expect.stringMatching(/^not sent: reportURL must use http/) as unknown,
      }),
    ]);
  });

  it('sends nothing when switched off', async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: false });
    await send(sandbox, { reportURL: app.url('/reports') });
    await sleep(50);
    expect(app.received).toHaveLength(0);
    expect(sandbox.reportDeliveries).toEqual([]);
  });

  it('sends nothing for messages without reportURL', async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 0 } });
    await send(sandbox, {});
    await sleep(30);
    expect(app.received).toHaveLength(0);
  });

  it('stops after sent when the app refuses the report', async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 0 } });
    app.status = 401;
    await send(sandbox, { reportURL: app.url('/reports') });
    await eventually(() => sandbox?.reportDeliveries.length === 1);
    await sleep(50);
    expect(app.received).toHaveLength(1);
    expect(sandbox.reportDeliveries.map(({ status, responseStatus }) => [status, responseStatus])).toEqual([
      ['sent', 401],
    ]);
  });

  it('records a connection error', async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 0 } });
    const closed = await new FakeApp().start();
    const reportURL = closed.url('/reports');
    await closed.stop();
    await send(sandbox, { reportURL });
    await eventually(() => sandbox?.reportDeliveries.length === 1);
    expect(sandbox.reportDeliveries).toEqual([
      expect.objectContaining({ status: 'sent', error: expect.stringMatching(/ECONNREFUSED/) as unknown }),
    ]);
  });

  it('clear() cancels pending reports', async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 100 } });
    await send(sandbox, { reportURL: app.url('/reports') });
    sandbox.clear();
    await sleep(250);
    expect(app.received).toHaveLength(0);
    expect(sandbox.reportDeliveries).toEqual([]);
  });

  it('stop() cancels pending reports', async () => {
    sandbox = await ZixflowSandbox.start({ deliveryReports: { delayMs: 100 } });
    await send(sandbox, { reportURL: app.url('/reports') });
    await sandbox.stop();
    await sleep(250);
    expect(app.received).toHaveLength(0);
  });

  it.each([-1, Number.NaN])('refuses deliveryReports.delayMs %p', async (delayMs) => {
    await expect(ZixflowSandbox.start({ deliveryReports: { delayMs } })).rejects.toThrow(RangeError);
  });

  it('exposes its account ids', async () => {
    sandbox = await ZixflowSandbox.start({ phoneId: 'p-1', wabaId: 'w-1' });
    expect([sandbox.phoneId, sandbox.wabaId]).toEqual(['p-1', 'w-1']);
  });
});
