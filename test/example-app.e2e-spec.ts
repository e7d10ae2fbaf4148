import { INestApplication, LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { SANDBOX_PHONE_ID } from '../src/sandbox-mode/start-sandbox-mode';
import { ZIXFLOW_SESSION_MESSAGE_PATH, ZIXFLOW_TEMPLATE_MESSAGE_PATH } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { RecordingLogger } from './recording-logger';

const ENV_NAMES = ['ZIXFLOW_API_KEY', 'ZIXFLOW_BASE_URL', 'ZIXFLOW_PHONE_ID', 'ZIXFLOW_TIMEOUT_MS'] as const;
const CUSTOMER = '+1 302 389 5111';
const DIGITS = '13023895111';

async function createExampleApp(sandbox: ZixflowSandbox | undefined, logger: LoggerService): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ sandbox })] }).compile();
  const app = moduleRef.createNestApplication({ logger });
  configureApp(app);
  await app.init();
  return app;
}

interface RouteCase {
  route: string;
  payload: Record<string, unknown>;
  path: string;
  sent: Record<string, unknown>;
}

const ROUTES: RouteCase[] = [
  {
    route: '/messages/video',
    payload: { to: CUSTOMER, video: { link: 'https://cdn.example.com/v.mp4', caption: 'Hi' } },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    sent: {
      to: DIGITS,
      phoneId: SANDBOX_PHONE_ID,
      type: 'video',
      video: { link: 'https://cdn.example.com/v.mp4', caption: 'Hi' },
    },
  },
  {
    route: '/messages/image',
    payload: { to: CUSTOMER, image: { link: 'https://cdn.example.com/a.png' } },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    sent: { to: DIGITS, phoneId: SANDBOX_PHONE_ID, type: 'image', image: { link: 'https://cdn.example.com/a.png' } },
  },
  {
    route: '/messages/audio',
    payload: { to: CUSTOMER, audio: { link: 'https://cdn.example.com/a.ogg' } },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    sent: { to: DIGITS, phoneId: SANDBOX_PHONE_ID, type: 'audio', audio: { link: 'https://cdn.example.com/a.ogg' } },
  },
  {
    route: '/messages/document',
    payload: { to: CUSTOMER, document: { link: 'https://cdn.example.com/d.pdf', filename: 'd.pdf' } },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    sent: {
      to: DIGITS,
      phoneId: SANDBOX_PHONE_ID,
      type: 'document',
      document: { link: 'https://cdn.example.com/d.pdf', filename: 'd.pdf' },
    },
  },
  {
    route: '/messages/text',
    payload: { to: CUSTOMER, text: { body: 'Hello' } },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    sent: { to: DIGITS, phoneId: SANDBOX_PHONE_ID, type: 'text', text: { body: 'Hello' } },
  },
  {
    route: '/messages/location',
    payload: { to: CUSTOMER, location: { latitude: 51.5, longitude: '-0.12' } },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    sent: {
      to: DIGITS,
      phoneId: SANDBOX_PHONE_ID,
      type: 'location',
      location: { latitude: '51.5', longitude: '-0.12' },
    },
  },
  {
    route: '/messages/reply-buttons',
    payload: {
      to: CUSTOMER,
      interactive: {
        body: { text: 'Pick one' },
        action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
      },
    },
    path: ZIXFLOW_SESSION_MESSAGE_PATH,
    sent: {
      to: DIGITS,
      phoneId: SANDBOX_PHONE_ID,
      type: 'interactive',
      interactive: {
        body: { text: 'Pick one' },
        action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
      },
    },
  },
  {
    route: '/messages/template',
    payload: { to: CUSTOMER, templateName: 'welcome', language: 'en', variables: {} },
    path: ZIXFLOW_TEMPLATE_MESSAGE_PATH,
    sent: { to: DIGITS, phoneId: SANDBOX_PHONE_ID, templateName: 'welcome', language: 'en', variables: {} },
  },
];

describe('example app in sandbox mode', () => {
  let sandbox: ZixflowSandbox;
  let app: INestApplication;
  let logger: RecordingLogger;
  const savedEnv: Partial<Record<(typeof ENV_NAMES)[number], string>> = {};

  beforeAll(async () => {
    for (const name of ENV_NAMES) savedEnv[name] = process.env[name];
    sandbox = await ZixflowSandbox.start();
    process.env.ZIXFLOW_API_KEY = sandbox.apiKey;
    process.env.ZIXFLOW_BASE_URL = sandbox.url;
    process.env.ZIXFLOW_PHONE_ID = SANDBOX_PHONE_ID;
    process.env.ZIXFLOW_TIMEOUT_MS = '500';
    logger = new RecordingLogger();
    app = await createExampleApp(sandbox, logger);
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

  it.each(ROUTES)('POST $route sends exactly the documented request', async ({ route, payload, path, sent }) => {
    const response = await request(app.getHttpServer()).post(route).send(payload).expect(201);

    expect(response.body).toEqual({ status: true, message: 'Message sent successfully' });
    expect(sandbox.requests).toHaveLength(1);
    expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path, body: sent });
    expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${sandbox.apiKey}`);
  });

  it('answers 400 with readable messages and sends nothing for invalid bodies', async () => {
    const response = await request(app.getHttpServer())
      .post('/messages/video')
      .send({ to: '0301 2345678', video: { link: 'javascript:alert(1)', colour: 'red' } })
      .expect(400);

    expect(response.body.statusCode).toBe(400);
    expect(response.body.message).toEqual(
      expect.arrayContaining([
        'video.link must be an http or https URL, e.g. https://example.com/clip.mp4',
        'video.colour is not a field Zixflow accepts here; remove it',
        expect.stringMatching(/^to must be a phone number with its country code/),
      ]),
    );
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each([
    {
      name: 'Zixflow refuses our key → 502 without the key',
      answer: { status: 401, body: { status: false, message: 'Unauthorised' } },
      status: 502,
      body: { zixflowError: 'ZixflowAuthError', zixflowStatus: 401, zixflowMessage: 'Unauthorised' },
    },
    {
      name: 'Zixflow rejects the data → 422 with its message',
      answer: { status: 400, body: { status: false, message: 'Invalid data Provided' } },
      status: 422,
      body: { zixflowError: 'ZixflowBadRequestError', message: 'Zixflow rejected the message: Invalid data Provided' },
    },
    {
      name: 'Zixflow 500 → 502',
      answer: { status: 500, body: { status: false, message: 'boom' } },
      status: 502,
      body: { zixflowError: 'ZixflowServerError', zixflowStatus: 500 },
    },
    {
      name: 'Zixflow too slow → 504',
      answer: { stall: true },
      status: 504,
      body: { zixflowError: 'ZixflowTimeoutError' },
    },
    {
      name: 'connection dropped → 502',
      answer: { drop: true },
      status: 502,
      body: { zixflowError: 'ZixflowNetworkError' },
    },
  ])('$name', async ({ answer, status, body }) => {
    sandbox.respondNext(answer);

    const response = await request(app.getHttpServer())
      .post('/messages/text')
      .send({ to: CUSTOMER, text: { body: 'x' } })
      .expect(status);

    expect(response.body).toMatchObject({ statusCode: status, ...body });
    expect(JSON.stringify(response.body)).not.toContain(sandbox.apiKey);
  });

  // A Retry-After beyond retry.maxRetryAfterMs (30 s) is not waited out by the library but passed on.
  it('Zixflow rate limit → 429 with Retry-After', async () => {
    sandbox.respondNext({
      status: 429,
      headers: { 'retry-after': '120' },
      body: { status: false, message: 'Too many requests' },
    });

    const response = await request(app.getHttpServer())
      .post('/messages/text')
      .send({ to: CUSTOMER, text: { body: 'x' } })
      .expect(429);

    expect(response.headers['retry-after']).toBe('120');
    expect(response.body).toMatchObject({ statusCode: 429, zixflowError: 'ZixflowRateLimitError' });
  });

  it('POST /orders/:id/ship sends the customer exactly one tracking video', async () => {
    const response = await request(app.getHttpServer()).post('/orders/1002/ship').expect(202);
    expect(response.body).toMatchObject({ id: '1002', status: 'shipped' });

    const [sent] = await sandbox.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(sandbox.requests).toHaveLength(1);
    expect(sent.body).toEqual({
      to: '442079460958',
      phoneId: SANDBOX_PHONE_ID,
      type: 'video',
      video: {
        link: 'https://cdn.example.com/tracking/1002.mp4',
        caption: 'Good news: order 1002 is on its way! Here is your tracking video.',
      },
    });
  });

  it('a failing listener send is logged with order id, masked phone and why it failed, and the request still succeeds', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    sandbox.respondNext({ status: 500, body: { status: false, message: 'boom' } });
    try {
      await request(app.getHttpServer()).post('/orders/1001/ship').expect(202);
      await sandbox.waitForRequests(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.off('unhandledRejection', unhandled);
    }

    const line = logger.lines.find((text) => text.includes('order 1001'));
    expect(line).toBe(
      'Could not send the shipping video for order 1001 to 1302***5111: ' +
        `ZixflowServerError: Zixflow answered 500 on POST ${ZIXFLOW_SESSION_MESSAGE_PATH}: boom`,
    );
    expect(logger.lines.join('\n')).not.toContain('13023895111');
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('the listener logs the reason with the number masked and the key out, even when Zixflow quotes both', async () => {
    sandbox.respondNext({
      status: 400,
      body: { status: false, message: `13023895111 (+1 302 389 5111) refused for key ${sandbox.apiKey}` },
    });
    await request(app.getHttpServer()).post('/orders/1001/ship').expect(202);
    await sandbox.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const line = logger.lines.filter((text) => text.includes('order 1001')).pop();
    expect(line).toMatch(
      /^Could not send the shipping video for order 1001 to 1302\*\*\*5111: ZixflowBadRequestError: .*1302\*\*\*5111 \(1302\*\*\*5111\) refused for key /,
    );
    expect(logger.lines.join('\n')).not.toContain('13023895111');
    expect(logger.lines.join('\n')).not.toContain(sandbox.apiKey);
  });

  it('an unknown order answers 404 and sends nothing', async () => {
    await request(app.getHttpServer()).post('/orders/9999/ship').expect(404);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('GET /sandbox/messages lists accepted messages newest first', async () => {
    await request(app.getHttpServer())
      .post('/messages/text')
      .send({ to: CUSTOMER, text: { body: 'first' } })
      .expect(201);
    await request(app.getHttpServer())
      .post('/messages/text')
      .send({ to: CUSTOMER, text: { body: 'second' } })
      .expect(201);

    const response = await request(app.getHttpServer()).get('/sandbox/messages').expect(200);

    expect(response.body.map((message: { body: { text: { body: string } } }) => message.body.text.body)).toEqual([
      'second',
      'first',
    ]);
  });

  it('/docs-json documents every route and DTO schema', async () => {
    const response = await request(app.getHttpServer()).get('/docs-json').expect(200);
    const document = response.body as {
      paths: Record<string, unknown>;
      components: {
        schemas: Record<string, { required?: string[]; properties: Record<string, Record<string, unknown>> }>;
      };
    };

    expect(Object.keys(document.paths).sort()).toEqual(
      [...ROUTES.map(({ route }) => route), '/orders/{id}/ship', '/broadcasts', '/sandbox/messages'].sort(),
    );
    for (const dto of [
      'SendVideoMessageDto',
      'SendImageMessageDto',
      'SendAudioMessageDto',
      'SendDocumentMessageDto',
      'SendTextMessageDto',
      'SendLocationMessageDto',
      'SendReplyButtonsMessageDto',
      'SendTemplateMessageDto',
    ]) {
      expect(document.components.schemas[dto]?.required).toContain('to');
    }
    const schemas = document.components.schemas;
    expect(schemas.SendVideoMessageDto.required).toEqual(expect.arrayContaining(['to', 'video']));
    expect(schemas.VideoContentDto.properties.caption).toMatchObject({ type: 'string', maxLength: 1024 });
    expect(schemas.TextContentDto.properties.body).toMatchObject({ type: 'string', maxLength: 4096 });
    expect(schemas.ReplyButtonsActionDto.properties.buttons).toMatchObject({ type: 'array', minItems: 1, maxItems: 3 });
    expect(schemas.ReplyButtonReplyDto.properties.title).toMatchObject({ maxLength: 20 });
  });
});

describe('example app with a real key configured', () => {
  it('does not mount the sandbox route', async () => {
    const saved = { key: process.env.ZIXFLOW_API_KEY, url: process.env.ZIXFLOW_BASE_URL };
    process.env.ZIXFLOW_API_KEY = 'zx-configured-key';
    process.env.ZIXFLOW_BASE_URL = 'http://127.0.0.1:9';
    const app = await createExampleApp(undefined, new RecordingLogger());
    try {
      await request(app.getHttpServer()).get('/sandbox/messages').expect(404);
      const docs = await request(app.getHttpServer()).get('/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).not.toContain('/sandbox/messages');
    } finally {
      await app.close();
      if (saved.key === undefined) delete process.env.ZIXFLOW_API_KEY;
      else process.env.ZIXFLOW_API_KEY = saved.key;
      if (saved.url === undefined) delete process.env.ZIXFLOW_BASE_URL;
      else process.env.ZIXFLOW_BASE_URL = saved.url;
    }
  });
});
