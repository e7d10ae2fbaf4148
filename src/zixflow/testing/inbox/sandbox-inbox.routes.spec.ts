import { request as httpRequest } from 'node:http';
import { eventually, FakeApp, rawRequest, type RawAnswer } from '../sandbox-fake-app.spec-helper';
import { ZixflowSandbox } from '../zixflow-sandbox';

const SECRET = 'inbox-routes-secret-0123456789';
const CUSTOMER_MESSAGE = '/inbox/api/customer-message';

describe('sandbox inbox over HTTP', () => {
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

  const get = (path: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
    rawRequest(`${sandbox.url}${path}`, { headers });

  function postMessage(body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
    return rawRequest(`${sandbox.url}${CUSTOMER_MESSAGE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: sandbox.url, 'sec-fetch-site': 'same-origin', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  const connect = (): ZixflowSandbox =>
    sandbox.connectApp({ incomingUrl: app.url('/zixflow/webhooks/incoming'), secret: SECRET });

  describe('GET /inbox/api/conversations', () => {
    it('lists the conversations as bubbles, and says whether an app is connected', async () => {
      connect();
      await sandbox.simulateIncoming({ from: '+1 302 389 5111', name: 'Ada', text: 'hi *there*' });
      const answer = await get('/inbox/api/conversations');
      const state = JSON.parse(answer.text) as Record<string, unknown>;

      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(state).toMatchObject({
        appConnected: true,
        phoneId: sandbox.phoneId,
        conversations: [
          {
            id: `13023895111:${sandbox.phoneId}`,
            customer: '13023895111',
            customerName: 'Ada',
            preview: 'hi there',
            entries: [
              {
                direction: 'incoming',
                content: { kind: 'text', text: [{ text: 'hi ' }, { text: 'there', bold: true }] },
              },
            ],
          },
        ],
      });
    });

    it('refuses another site reading it', async () => {
      expect((await get('/inbox/api/conversations', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await get('/inbox/api/conversations', { 'sec-fetch-site': 'same-site' })).status).toBe(403);
      expect((await get('/inbox/api/conversations', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    });
  });

  describe('POST /inbox/api/customer-message', () => {
    it('delivers a text to the connected app exactly like simulateIncoming, secret included', async () => {
      connect();
      const answer = await postMessage({ customer: '+1 302 389 5111', name: 'Ada', text: 'hi' });

      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ conversationId: `13023895111:${sandbox.phoneId}`, webhookStatus: 200 });
      expect(app.received[0]).toMatchObject({
        path: '/zixflow/webhooks/incoming',
        headers: { 'x-zixflow-secret': SECRET },
        body: {
          event: 'incoming.whatsapp.message',
          phoneId: sandbox.phoneId,
          sender: { name: 'Ada', number: '13023895111' },
          message: { type: 'text', text: { body: 'hi' } },
        },
      });
    });

    it('sends a tapped button as an interactive button reply, under the name the customer last used', async () => {
      connect();
      await postMessage({ customer: '13023895111', name: 'Ada', text: 'hi' });
      await postMessage({ customer: '13023895111', reply: { id: 'track', title: 'Track order' } });

      expect(app.received[1].body).toMatchObject({
        sender: { name: 'Ada' },
        message: {
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'track', title: 'Track order' } },
        },
      });
    });

    it('sends a row picked from a list as an interactive list reply', async () => {
      connect();
      await postMessage({ customer: '13023895111', listReply: { id: 'track', title: 'Track', description: 'Where?' } });

      expect(app.received[0].body).toMatchObject({
        message: {
          type: 'interactive',
          interactive: { type: 'list_reply', list_reply: { id: 'track', title: 'Track', description: 'Where?' } },
        },
      });
    });

    it('answers 502 when the app cannot be reached, and the bubble says so', async () => {
      connect();
      await app.stop();
      const answer = await postMessage({ customer: '13023895111', text: 'hi' });
      app = await new FakeApp().start();

      expect(answer.status).toBe(502);
      expect(JSON.parse(answer.text)).toMatchObject({
        message: expect.stringMatching(/^Not delivered to the app: .*ECONNREFUSED/) as unknown,
      });
      expect(sandbox.conversations[0].entries[0]).toMatchObject({
        webhook: { error: expect.stringMatching(/ECONNREFUSED/) as unknown },
      });
    });

    it.each<[string, unknown, Record<string, string>, number, RegExp]>([
      [
        'another origin',
        { customer: '13023895111', text: 'hi' },
        { origin: 'http://evil.example' },
        403,
        /Cross-origin/,
      ],
      ['an opaque origin', { customer: '13023895111', text: 'hi' }, { origin: 'null' }, 403, /Cross-origin/],
      [
        'a cross-site fetch',
        { customer: '13023895111', text: 'hi' },
        { 'sec-fetch-site': 'cross-site' },
        403,
        /Cross-site/,
      ],
      [
        'a form post',
        'customer=13023895111&text=hi',
        { 'content-type': 'application/x-www-form-urlencoded' },
        415,
        /application\/json/,
      ],
      [
        'text/plain',
        '{"customer":"13023895111","text":"hi"}',
        { 'content-type': 'text/plain' },
        415,
        /application\/json/,
      ],
      ['broken JSON', '{"customer":', {}, 400, /JSON object/],
      ['an unknown field', { customer: '13023895111', text: 'hi', extra: 1 }, {}, 400, /Unknown field "extra"/],
      [
        'both text and reply',
        { customer: '13023895111', text: 'hi', reply: { id: 'a', title: 'b' } },
        {},
        400,
        /exactly one of text, reply or listReply/,
      ],
      ['a blank text', { customer: '13023895111', text: '   ' }, {}, 400, /text must not be empty/],
      [
        'a long button title',
        { customer: '13023895111', reply: { id: 'a', title: 'x'.repeat(21) } },
        {},
        400,
        /reply.title must be at most 20/,
      ],
      ['a national number', { customer: '0301 234567', text: 'hi' }, {}, 400, /country code/],
      [
        'a list row title over 24 characters',
        { customer: '13023895111', listReply: { id: 'a', title: 'x'.repeat(25) } },
        {},
        400,
        /listReply.title must be at most 24/,
      ],
    ])('refuses %s and delivers nothing', async (_case, body, headers, status, message) => {
      connect();
      const answer = await postMessage(body, headers);

      expect(answer.status).toBe(status);
      expect((JSON.parse(answer.text) as { message: string }).message).toMatch(message);
      expect(app.received).toEqual([]);
      expect(sandbox.conversations).toEqual([]);
    });

    it('answers 409 while no app is connected, 405 to GET and 413 to a huge body', async () => {
      expect((await postMessage({ customer: '13023895111', text: 'hi' })).status).toBe(409);
      connect();
      const wrongMethod = await get(CUSTOMER_MESSAGE);
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.allow).toBe('POST');
      expect((await postMessage({ customer: '13023895111', text: 'x'.repeat(70_000) })).status).toBe(413);
    });
  });

  describe('GET /inbox/api/events', () => {
    it('streams every change as it happens', async () => {
      connect();
      const frames: string[] = [];
      const stream = httpRequest(`${sandbox.url}/inbox/api/events`, { agent: false });
      const opened = new Promise<string | undefined>((resolve) => {
        stream.on('response', (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => frames.push(chunk));
          resolve(res.headers['content-type']);
        });
      });
      stream.end();
      try {
        expect(await opened).toBe('text/event-stream; charset=utf-8');
        await sandbox.simulateIncoming({ from: '13023895111', text: 'hi' });
        await eventually(() => frames.join('').includes('"direction":"incoming"'));
        sandbox.clear();
        await eventually(() => frames.join('').includes('event: reset'));

        const text = frames.join('');
        expect(text).toMatch(/^retry: 1000\n\n/);
        expect(text).toMatch(/event: conversation\ndata: \{"id":"13023895111:100000000000001"/);
        expect(text).toMatch(/event: reset\ndata: \{"revision":\d+\}\n\n/);
      } finally {
        stream.destroy();
      }
    });
  });
});
