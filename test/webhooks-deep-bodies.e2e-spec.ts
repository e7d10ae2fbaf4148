import request from 'supertest';
import { ZixflowSandbox } from '../src/zixflow/testing';
import {
  AppSetup,
  eventually,
  INCOMING,
  nestedObjectJson,
  payloadOfDepthJson,
  postRaw,
  REPORTS,
  SECRET,
  settle,
  startApp,
  WEBHOOK_ADAPTERS,
  WebhookApp,
} from './webhooks.helpers';

/*
 * A hostile body nested thousands of levels deep parses fine (JSON.parse is iterative) but breaks
 * any recursive walk over it, such as JSON.stringify, with a stack overflow: that used to be a 500.
 * The module refuses such bodies with one documented 400, whoever parsed them.
 */
const TOO_DEEP = { statusCode: 400, error: 'Bad Request', message: 'Webhook body nested deeper than 64 levels' };
const MIB = 1024 * 1024;

const variants: Array<[string, AppSetup]> = [
  ["Nest's default parser", {}],
  ['rawBody: true', { nest: { rawBody: true } }],
  ['bodyParser: false', { nest: { bodyParser: false } }],
];

describe.each(WEBHOOK_ADAPTERS)('%s: webhook bodies nested too deep', (adapter) => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  // Every body here is below every parser's limit (Express 100 KB, Fastify 1 MB) and the module's
  // default cap (256 KB), so each setting gets to answer it.
  describe.each(variants)('with %s and the default size cap', (_name, setup) => {
    let hooks: WebhookApp;

    beforeAll(async () => {
      hooks = await startApp(adapter, sandbox, setup);
    });

    afterEach(() => hooks.handlers.clear());

    afterAll(async () => {
      await hooks.app.close();
    });

    it.each([
      ['10 000 nested objects (60 KB)', nestedObjectJson(10_000)],
      ['a message holding 45 000 nested arrays (90 KB)', payloadOfDepthJson(45_000)],
      ['a message one level past the limit', payloadOfDepthJson(65)],
    ])('answers 400 "nested deeper than 64 levels" to %s, on both routes, and emits nothing', async (_case, body) => {
      for (const [path, headers] of [
        [INCOMING, { 'x-zixflow-secret': SECRET }],
        [`${REPORTS}?token=${SECRET}`, {}],
      ] as const) {
        const response = await request(hooks.url)
          .post(path)
          .set(headers)
          .set('content-type', 'application/json')
          .send(body)
          .expect(400);
        expect(response.body).toEqual(TOO_DEEP);
      }
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
      expect(hooks.handlers.reports).toHaveLength(0);
    });

    it('answers the same to the deep body sent as text/plain', async () => {
      const response = await request(hooks.url)
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .set('content-type', 'text/plain')
        .send(nestedObjectJson(10_000))
        .expect(400);
      expect(response.body).toEqual(TOO_DEEP);
    });

    it('answers the same to the deep body uploaded chunked (no Content-Length)', async () => {
      const answer = await postRaw(
        `${hooks.url}${INCOMING}`,
        nestedObjectJson(10_000),
        { 'content-type': 'application/json', 'x-zixflow-secret': SECRET },
        { chunked: true },
      );
      expect(answer).toEqual({ status: 400, body: TOO_DEEP });
    });

    it('accepts a message exactly at the limit (64 levels)', async () => {
      await request(hooks.url)
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .set('content-type', 'application/json')
        .send(payloadOfDepthJson(64))
        .expect(200, { received: true });
      await eventually(() => hooks.handlers.messages.length === 1);
      expect(hooks.handlers.messages.map(({ eventId }) => eventId)).toEqual(['depth-64']);
    });

    it('still checks the secret first', async () => {
      await request(hooks.url)
        .post(INCOMING)
        .set('content-type', 'application/json')
        .send(nestedObjectJson(10_000))
        .expect(401);
    });
  });

  // 100 000 levels of `{"a":` are 600 KB: above Nest's default parser limit, so the app raises it.
  describe.each<[string, AppSetup]>([
    ['a 10 MB JSON parser', { parserLimitBytes: 10 * MIB }],
    ['rawBody: true and a 10 MB JSON parser', { parserLimitBytes: 10 * MIB, nest: { rawBody: true } }],
    ['bodyParser: false', { nest: { bodyParser: false } }],
  ])('with %s and a 1 MiB cap', (_name, setup) => {
    let hooks: WebhookApp;

    beforeAll(async () => {
      hooks = await startApp(adapter, sandbox, { ...setup, webhooks: { maxBodyBytes: MIB } });
    });

    afterAll(async () => {
      await hooks.app.close();
    });

    it('answers 400 to a body nested 100 000 levels deep', async () => {
      const response = await request(hooks.url)
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .set('content-type', 'application/json')
        .send(nestedObjectJson(100_000))
        .expect(400);
      expect(response.body).toEqual(TOO_DEEP);
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
    });
  });
});
