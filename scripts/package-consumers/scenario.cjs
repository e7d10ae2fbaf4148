'use strict';
// The scenario every consumer project runs against the installed tarball: boot ZixflowModule through
// @nestjs/config, send each message kind to ZixflowSandbox on the campaign API (bodies as before,
// lists inferred, the AI API's own kinds refused), check each failure's error class, then run the AI
// API scenario against the consumer's own fake server (ai-scenario.cjs). It takes the modules as
// arguments so CommonJS and ESM consumers run the very same checks.
const assert = require('node:assert/strict');
const runAiScenario = require('./ai-scenario.cjs');
const { CAMPAIGN_REFUSED, LIST, AI_KINDS } = require('./ai-kinds.cjs');

const API_KEY = 'consumer-secret-key-7c1d';
const PHONE_ID = 'consumer-phone';
const TO = '+1 302 389 5111';
const DIGITS = '13023895111';
const SESSION = '/api/v1/campaign/whatsapp/message/send';
const TEMPLATE = '/api/v1/campaign/whatsapp/send';

const SENDS = [
  [
    'sendVideo',
    { to: TO, video: { link: 'https://cdn.example.com/v.mp4', caption: 'Hi' } },
    SESSION,
    { to: DIGITS, phoneId: PHONE_ID, type: 'video', video: { link: 'https://cdn.example.com/v.mp4', caption: 'Hi' } },
  ],
  [
    'sendImage',
    { to: TO, image: { link: 'https://cdn.example.com/i.png' } },
    SESSION,
    { to: DIGITS, phoneId: PHONE_ID, type: 'image', image: { link: 'https://cdn.example.com/i.png' } },
  ],
  [
    'sendAudio',
    { to: TO, audio: { link: 'https://cdn.example.com/a.ogg' } },
    SESSION,
    { to: DIGITS, phoneId: PHONE_ID, type: 'audio', audio: { link: 'https://cdn.example.com/a.ogg' } },
  ],
  [
    'sendDocument',
    { to: TO, document: { link: 'https://cdn.example.com/d.pdf', filename: 'd.pdf' } },
    SESSION,
    {
      to: DIGITS,
      phoneId: PHONE_ID,
      type: 'document',
      document: { link: 'https://cdn.example.com/d.pdf', filename: 'd.pdf' },
    },
  ],
  [
    'sendText',
    { to: TO, text: { body: 'Hello' }, submissionStatus: true },
    SESSION,
    { to: DIGITS, phoneId: PHONE_ID, type: 'text', text: { body: 'Hello' }, submissionStatus: true },
  ],
  [
    'sendLocation',
    { to: TO, location: { latitude: 1.5, longitude: '-2.25' } },
    SESSION,
    { to: DIGITS, phoneId: PHONE_ID, type: 'location', location: { latitude: '1.5', longitude: '-2.25' } },
  ],
  [
    'sendReplyButtons',
    {
      to: TO,
      interactive: { body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } },
    },
    SESSION,
    {
      to: DIGITS,
      phoneId: PHONE_ID,
      type: 'interactive',
      interactive: { body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } },
    },
  ],
  [
    'sendTemplate',
    { to: TO, templateName: 'welcome', language: 'en', variables: { name: 'Ada' } },
    TEMPLATE,
    { to: DIGITS, phoneId: PHONE_ID, templateName: 'welcome', language: 'en', variables: { name: 'Ada' } },
  ],
  // A template without variables is sent without the field, as Zixflow's own SDK does.
  [
    'sendTemplate',
    { to: TO, templateName: 'hello', language: 'en' },
    TEMPLATE,
    { to: DIGITS, phoneId: PHONE_ID, templateName: 'hello', language: 'en' },
  ],
  // Inferred: the campaign API's reply-button page speaks of lists on the same path.
  [
    'sendList',
    { to: TO, interactive: LIST },
    SESSION,
    { to: DIGITS, phoneId: PHONE_ID, type: 'interactive', interactive: { type: 'list', ...LIST } },
  ],
];

const FAILURES = [
  ['ZixflowBadRequestError', { status: 400, body: { status: false, message: 'Invalid data Provided' } }],
  ['ZixflowBadRequestError', { status: 200, body: { status: false, message: 'Invalid data Provided' } }],
  ['ZixflowAuthError', { status: 401, body: { status: false, message: 'Unauthorised' } }],
  [
    'ZixflowRateLimitError',
    { status: 429, headers: { 'retry-after': '2' }, body: { status: false, message: 'Slow down' } },
  ],
  ['ZixflowServerError', { status: 500, body: { status: false, message: 'boom' } }],
  ['ZixflowServerError', { status: 503, body: { status: false, message: 'maintenance' } }],
  ['ZixflowApiError', { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad gateway</html>' }],
  ['ZixflowNetworkError', { drop: true }],
  ['ZixflowTimeoutError', { stall: true }],
];

/** The inbox page's files and their content types, as the sandbox serves them from the installed package. */
const PAGE_TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

async function fetchPageFile(sandbox, path) {
  const url = new URL(path, sandbox.url);
  const response = await fetch(url);
  assert.equal(response.status, 200, `inbox ${path} status`);
  const type = PAGE_TYPES[url.pathname === '/' ? 'html' : url.pathname.split('.').pop()];
  assert.equal(response.headers.get('content-type'), type, `inbox ${path} content type`);
  assert.match(response.headers.get('content-security-policy'), /script-src 'self'; style-src 'self'/);
  return response.text();
}

/**
 * The consumer's sandbox serves the whole inbox page from the installed package: the html, every
 * file it links, and every module the script imports (followed from the entry module). Returns the
 * number of files checked.
 */
async function checkInboxPage(sandbox) {
  const html = await fetchPageFile(sandbox, sandbox.inboxUrl);
  const linked = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map(([, path]) => path);
  assert.ok(linked.includes('/inbox/page/browser/inbox.js'), 'inbox.html loads its entry module');
  const seen = new Set();
  const pending = [...linked];
  while (pending.length > 0) {
    const path = pending.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const text = await fetchPageFile(sandbox, path);
    if (!path.endsWith('.js')) continue;
    for (const [, specifier] of text.matchAll(/^import .* from '(\.{1,2}\/[^']+\.js)';$/gm)) {
      pending.push(new URL(specifier, new URL(path, sandbox.url)).pathname);
    }
  }
  assert.ok(seen.has('/inbox/page/shared/http-href.js'), 'the modules shared with the sandbox are served');
  return seen.size + 1;
}

/** The campaign API refuses the AI API's own kinds before the network, naming api: 'ai'. */
async function checkCampaignRefusals(whatsapp, lib, sandbox) {
  for (const method of CAMPAIGN_REFUSED) {
    sandbox.clear();
    const [, message] = AI_KINDS.find(([name]) => name === method);
    const error = await whatsapp[method](message).then(
      () => assert.fail(`${method} was sent on the campaign API`),
      (rejection) => rejection,
    );
    assert.ok(error instanceof lib.ZixflowValidationError, `${method} refusal class`);
    assert.match(
      error.message,
      new RegExp(`^Invalid WhatsApp message: ${method}: the campaign API documents no .* api: 'ai'`),
    );
    assert.equal(sandbox.requests.length, 0, `${method} reached the network`);
  }
  return CAMPAIGN_REFUSED.length;
}

module.exports = async function runScenario(deps) {
  return (await runCampaignScenario(deps)) + (await runAiScenario(deps));
};

async function runCampaignScenario({ lib, testing, NestFactory, Module, ConfigModule, ConfigService }) {
  const sandbox = await testing.ZixflowSandbox.start({ apiKey: API_KEY });
  class AppModule {}
  Module({
    imports: [
      ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ zixflowKey: API_KEY, zixflowUrl: sandbox.url })] }),
      lib.ZixflowModule.forRootAsync({
        imports: [ConfigModule],
        inject: [ConfigService],
        useFactory: (config) => ({
          apiKey: config.get('zixflowKey'),
          baseUrl: config.get('zixflowUrl'),
          defaultPhoneId: PHONE_ID,
          timeoutMs: 500,
          retry: false,
        }),
      }),
    ],
  })(AppModule);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  let checks = 0;
  try {
    const whatsapp = app.get(lib.ZixflowWhatsappService);
    for (const [method, message, path, body] of SENDS) {
      sandbox.clear();
      const result = await whatsapp[method](message);
      assert.equal(result.status, true, `${method} result`);
      assert.equal(result.requestId, undefined, `${method}: the campaign API has no request_id`);
      assert.equal(sandbox.requests.length, 1, `${method} request count`);
      const request = sandbox.requests[0];
      assert.equal(request.method, 'POST');
      assert.equal(request.path, path, `${method} path`);
      assert.equal(request.headers.authorization, `Bearer ${API_KEY}`, `${method} auth header`);
      assert.equal(request.headers['x-api-key'], undefined, `${method} sent an AI header to the campaign API`);
      assert.deepEqual(request.body, body, `${method} body`);
      checks += 1;
    }
    for (const [className, answer] of FAILURES) {
      sandbox.clear();
      sandbox.respondNext(answer);
      const error = await whatsapp.sendVideo({ to: TO, video: { link: 'https://cdn.example.com/v.mp4' } }).then(
        () => assert.fail(`expected ${className}`),
        (rejection) => rejection,
      );
      assert.ok(
        error instanceof lib[className],
        `${JSON.stringify(answer)} → ${error && error.name}, expected ${className}`,
      );
      assert.ok(error instanceof lib.ZixflowError);
      assert.ok(!JSON.stringify(error).includes(API_KEY) && !String(error.stack).includes(API_KEY), 'key leaked');
      checks += 1;
    }
    checks += await checkCampaignRefusals(whatsapp, lib, sandbox);
    checks += await checkInboxPage(sandbox);
    sandbox.clear();
    const invalid = await whatsapp.sendVideo({ to: '0301 234', video: { link: 'ftp://x' } }).catch((e) => e);
    assert.ok(invalid instanceof lib.ZixflowValidationError, 'validation error class');
    assert.equal(sandbox.requests.length, 0, 'invalid input reached the network');
    checks += 1;
  } finally {
    await app.close();
    await sandbox.stop();
  }
  return checks;
}
