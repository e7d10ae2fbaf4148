import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { ZixflowSandbox } from '../src/zixflow/testing';
import {
  AppSetup,
  documentedPayload,
  eventually,
  INCOMING,
  postRaw,
  SECRET,
  settle,
  startApp,
  WEBHOOK_ADAPTERS,
  WebhookAdapterName,
  WebhookApp,
} from './webhooks.helpers';

const MAX = 4096;
/** The module's own 413: the same JSON on either platform and under every parser setting. */
const TOO_LARGE = { statusCode: 413, error: 'Payload Too Large', message: `Webhook body is larger than ${MAX} bytes` };

interface BodyVariant {
  setup: AppSetup;
  /** Largest body the app's own parser lets through to the route, on each platform. */
  parserLimit: Record<WebhookAdapterName, number>;
}

const variants: Array<[string, BodyVariant]> = [
  ["Nest's default parser", { setup: {}, parserLimit: { Express: 100 * 1024, Fastify: 1024 * 1024 } }],
  [
    'bodyParser: false',
    { setup: { nest: { bodyParser: false } }, parserLimit: { Express: Infinity, Fastify: 1024 * 1024 } },
  ],
  [
    'a 10 MB JSON parser',
    { setup: { parserLimitBytes: 10 * 1024 * 1024 }, parserLimit: { Express: Infinity, Fastify: Infinity } },
  ],
  ['rawBody: true', { setup: { nest: { rawBody: true } }, parserLimit: { Express: 100 * 1024, Fastify: 1024 * 1024 } }],
];

describe.each(WEBHOOK_ADAPTERS)('ZixflowWebhooksModule bodies on %s, whatever the app’s body parser', (adapter) => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  describe.each(variants)('with %s', (name, { setup, parserLimit }) => {
    let hooks: WebhookApp;

    beforeAll(async () => {
      hooks = await startApp(adapter, sandbox, { ...setup, webhooks: { maxBodyBytes: MAX } });
    });

    afterEach(() => {
      hooks.handlers.clear();
      sandbox.clear();
    });

    afterAll(async () => {
      await hooks.app.close();
    });

    const post = (): request.Test => request(hooks.url).post(INCOMING).set('x-zixflow-secret', SECRET);
    const padded = (bytes: number): string => JSON.stringify(documentedPayload({ padding: 'x'.repeat(bytes) }));
    /** Fastify answers a content type it has no parser for itself, before any route runs. */
    const fastifyWithoutParsers = adapter === 'Fastify' && setup.nest?.bodyParser === false;

    it('accepts a normal message', async () => {
      await post()
        .send(documentedPayload({ eventId: `ok-${name}` }))
        .expect(200, { received: true });
      await eventually(() => hooks.handlers.messages.length === 1);
      expect(hooks.handlers.messages).toHaveLength(1);
      await sandbox.waitForRequests(1);
    });

    it('accepts JSON sent as text/plain', async () => {
      await post()
        .set('content-type', 'text/plain')
        .send(JSON.stringify(documentedPayload({ eventId: `plain-${name}` })))
        .expect(200, { received: true });
      await eventually(() => hooks.handlers.messages.length === 1);
      expect(hooks.handlers.messages).toHaveLength(1);
      await sandbox.waitForRequests(1);
    });

    it.each([
      ['malformed JSON', '{"eventId": "x", '],
      ['an array', '[1, 2]'],
      ['a string', '"hello"'],
      ['null', 'null'],
      ['an empty body', ''],
    ])('answers 400 to %s and emits nothing', async (_case, body) => {
      // The message is the module's, or the app parser's when that parser refused the body first.
      const response = await post().set('content-type', 'application/json').send(body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400 });
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('refuses a form body', async () => {
      await post()
        .type('form')
        .send({ eventId: 'x', sender: '1' })
        .expect(fastifyWithoutParsers ? 415 : 400);
    });

    it('answers 413 to a body just above the cap, with the module’s JSON, and emits nothing', async () => {
      await post()
        .set('content-type', 'application/json')
        .send(padded(2 * MAX))
        .expect(413, TOO_LARGE);
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('answers 413 to a body far above the cap: the module’s JSON unless the app parser refused it first', async () => {
      const body = padded(300 * 1024);
      const response = await post().set('content-type', 'application/json').send(body).expect(413);
      if (Buffer.byteLength(body) <= parserLimit[adapter]) {
        expect(response.body).toEqual(TOO_LARGE);
      } else {
        expect(response.body).toMatchObject({ statusCode: 413 });
      }
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('refuses a gzip body that inflates past the cap, and emits nothing', async () => {
      const zipped = gzipSync(padded(2 * MAX));
      expect(zipped.length).toBeLessThan(MAX);
      const answer = await postRaw(`${hooks.url}${INCOMING}`, zipped, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'x-zixflow-secret': SECRET,
      });
      if (adapter === 'Fastify') {
        // Fastify does not inflate bodies: its JSON parser refuses the compressed bytes itself.
        expect(answer.status).toBe(400);
      } else if (setup.nest?.bodyParser === false) {
        expect(answer).toEqual({
          status: 415,
          body: {
            statusCode: 415,
            error: 'Unsupported Media Type',
            message: 'Compressed webhook bodies are not supported',
          },
        });
      } else {
        // Express's parser inflated it: the small Content-Length says nothing, the parsed size does.
        expect(answer).toEqual({ status: 413, body: TOO_LARGE });
      }
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('answers 413 to an oversize chunked upload (no Content-Length)', async () => {
      const answer = await postRaw(
        `${hooks.url}${INCOMING}`,
        padded(2 * MAX),
        { 'content-type': 'application/json', 'x-zixflow-secret': SECRET },
        { chunked: true },
      );
      expect(answer).toEqual({ status: 413, body: TOO_LARGE });
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });

    it('accepts a chunked upload under the cap', async () => {
      const answer = await postRaw(
        `${hooks.url}${INCOMING}`,
        JSON.stringify(documentedPayload({ eventId: `chunked-${name}` })),
        { 'content-type': 'application/json', 'x-zixflow-secret': SECRET },
        { chunked: true },
      );
      expect(answer).toEqual({ status: 200, body: { received: true } });
      await sandbox.waitForRequests(1);
    });

    it('reads a body without Content-Type on Express; Fastify refuses it (415) before the route', async () => {
      const answer = await postRaw(
        `${hooks.url}${INCOMING}`,
        JSON.stringify(documentedPayload({ eventId: 'no-type' })),
        {
          'x-zixflow-secret': SECRET,
        },
      );
      expect(answer.status).toBe(adapter === 'Fastify' ? 415 : 200);
      if (adapter === 'Express') await sandbox.waitForRequests(1);
    });

    it('answers 400 to a POST with no body at all, reading the Node request underneath either platform', async () => {
      const answer = await postRaw(`${hooks.url}${INCOMING}`, '', { 'x-zixflow-secret': SECRET });
      expect(answer).toEqual({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'Webhook body must be valid JSON (UTF-8)' },
      });
    });

    it('checks the secret before reading the body', async () => {
      await request(hooks.url)
        .post(INCOMING)
        .set('content-type', 'text/plain')
        .send(padded(2 * MAX))
        .expect(401, { statusCode: 401, error: 'Unauthorized', message: 'Missing or wrong webhook secret' });
    });
  });
});
