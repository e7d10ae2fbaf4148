'use strict';
// The AI API from the packed package: a Nest app (Express, rawBody: true) with ZixflowModule on
// api: 'ai' against the consumer's own fake server, and ZixflowWebhooksModule receiving the
// post-backs the fake sends. Every kind must leave as the documented body with x-api-key and
// x-workspace-id, resolve with the fake's request_id, and come back as a delivery-report event.
const assert = require('node:assert/strict');
const { createServer } = require('node:net');
const { startFakeZixflowAi } = require('./fake-zixflow-ai.cjs');
const { AI_KINDS, PHONE_ID, RECIPIENT, TO } = require('./ai-kinds.cjs');

const API_KEY = 'consumer-ai-key-2b9e';
const WORKSPACE_ID = '69614209f51dfafb2231a6fe';
const SECRET = 'consumer-webhook-secret-7f3a';

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(condition, what, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

module.exports = async function runAiScenario({
  lib,
  webhooks,
  NestFactory,
  Module,
  EventEmitterModule,
  EventEmitter2,
}) {
  const fake = await startFakeZixflowAi({ apiKey: API_KEY, workspaceId: WORKSPACE_ID });
  const port = await freePort();
  const postBackUrl = `http://127.0.0.1:${port}/zixflow/webhooks/postbacks?token=${SECRET}`;
  class AiAppModule {}
  Module({
    imports: [
      EventEmitterModule.forRoot(),
      lib.ZixflowModule.forRoot({
        apiKey: API_KEY,
        api: 'ai',
        workspaceId: WORKSPACE_ID,
        baseUrl: fake.url,
        defaultPhoneId: PHONE_ID,
        retry: false,
        postBacks: { webhooksUrl: `http://127.0.0.1:${port}/zixflow/webhooks`, secret: SECRET },
      }),
      webhooks.ZixflowWebhooksModule.forRoot({ secret: SECRET }),
    ],
  })(AiAppModule);
  const app = await NestFactory.create(AiAppModule, { logger: false, rawBody: true });
  const reports = [];
  app.get(EventEmitter2).on(webhooks.ZixflowEvents.DeliveryReport, (report) => reports.push(report));
  await app.listen(port, '127.0.0.1');
  let checks = 0;
  try {
    const whatsapp = app.get(lib.ZixflowWhatsappService);
    for (const [method, message, path, wire] of AI_KINDS) {
      fake.clear();
      const result = await whatsapp[method](message);
      assert.equal(fake.requests.length, 1, `${method} request count`);
      const [request] = fake.requests;
      assert.equal(request.method, 'POST', `${method} method`);
      assert.equal(request.path, `/api/ingest/whatsapp/v1${path}`, `${method} path`);
      assert.equal(request.headers['x-api-key'], API_KEY, `${method} x-api-key`);
      assert.equal(request.headers['x-workspace-id'], WORKSPACE_ID, `${method} x-workspace-id`);
      assert.equal(request.headers.authorization, undefined, `${method} sent a Bearer header to the AI API`);
      assert.match(request.headers['content-type'], /^application\/json/, `${method} content type`);
      assert.deepEqual(
        request.body,
        { recipient: RECIPIENT, phone_id: PHONE_ID, ...wire, post_back_url: postBackUrl },
        `${method} body`,
      );
      assert.deepEqual(
        result,
        { status: true, message: 'WhatsApp request queued successfully', requestId: request.requestId },
        `${method} result`,
      );
      checks += 1;
    }
    const answers = await fake.postBacksSettled();
    assert.ok(
      answers.every((answer) => answer.status === 200),
      'every post-back answered 200',
    );
    await until(() => reports.length === AI_KINDS.length, 'a delivery-report event per post-back');
    for (const answer of answers) {
      const report = reports.find((candidate) => candidate.requestId === answer.requestId);
      assert.ok(report, `no delivery-report event for request ${answer.requestId}`);
      assert.equal(report.callback, 'post_back_url');
      assert.equal(report.status, 'delivered');
      assert.equal(report.messageId, answer.messageId, 'message_id lost digits');
      assert.equal(report.statusAt, '2026-01-28T17:17:59.254174911Z');
      checks += 1;
    }
    assert.equal(reports.find((report) => report.postBackData === 'kind-text').recipient, RECIPIENT);
    const accounts = await whatsapp.listAccounts();
    assert.deepEqual(
      accounts.map(({ phoneId, qualityRating, dailyLimit }) => ({ phoneId, qualityRating, dailyLimit })),
      [{ phoneId: 'consumer-phone', qualityRating: 'GREEN', dailyLimit: 1000 }],
    );
    const missing = await whatsapp.getDeliveryReport('00000000-0000-4000-8000-000000000000').catch((error) => error);
    assert.ok(
      missing instanceof lib.ZixflowNotFoundError && missing instanceof lib.ZixflowApiError,
      'not-found error class',
    );
    const refused = await whatsapp
      .sendText({ to: TO, text: { body: 'x' }, reportURL: 'https://e.com/r' })
      .catch((error) => error);
    assert.ok(
      refused instanceof lib.ZixflowValidationError && /api: 'campaign'/.test(refused.message),
      'campaign field refused',
    );
    const leaked = JSON.stringify([missing, refused]);
    assert.ok(!leaked.includes(API_KEY) && !leaked.includes(WORKSPACE_ID), 'a credential leaked into an error');
    checks += 3;
  } finally {
    await app.close();
    await fake.stop();
  }
  return checks;
};
