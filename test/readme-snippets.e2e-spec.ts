import { ConsoleLogger, INestApplication, LoggerService, Type } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import ts from 'typescript';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { RecordingLogger } from './recording-logger';

/**
 * The README's snippets run as written: each is taken from README.md, compiled the way `nest new`
 * compiles (decorators with metadata, each file on its own), with `nestjs-zixflow` resolved to this
 * repository's sources, and started against a sandbox. A snippet that stops doing what the README
 * says fails here.
 */
const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const ENV_NAMES = ['ZIXFLOW_API_KEY', 'ZIXFLOW_BASE_URL', 'ZIXFLOW_PHONE_ID'];

/** The first ts block after the heading that starts with `heading`. */
function snippetAfter(heading: string): string {
  const start = README.indexOf(`\n${heading}`);
  if (start === -1) throw new Error(`README has no heading "${heading}"`);
  const block = /```ts\n([\s\S]*?)```/.exec(README.slice(start));
  if (block === null) throw new Error(`No ts snippet after "${heading}"`);
  return block[1];
}

/** Compiles and loads a snippet as a module, with `nestjs-zixflow` imports pointed at src/. */
function load(code: string): Record<string, unknown> {
  const { outputText } = ts.transpileModule(code, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2021,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
      isolatedModules: true,
    },
  });
  const source = join(__dirname, '..', 'src', 'zixflow');
  const resolveId = (id: string): string =>
    id === 'nestjs-zixflow' ? source : id.startsWith('nestjs-zixflow/') ? join(source, id.slice(15)) : id;
  const module = { exports: {} as Record<string, unknown> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const requireFromSnippet = (id: string): unknown => require(resolveId(id));
  new Function('exports', 'require', 'module', outputText)(module.exports, requireFromSnippet, module);
  return module.exports;
}

describe('README snippets, run as written', () => {
  let sandbox: ZixflowSandbox;
  let app: INestApplication | undefined;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ inbox: false, deliveryReports: false });
    for (const name of ENV_NAMES) saved[name] = process.env[name];
    process.env.ZIXFLOW_API_KEY = sandbox.apiKey;
    process.env.ZIXFLOW_BASE_URL = sandbox.url;
    process.env.ZIXFLOW_PHONE_ID = sandbox.phoneId;
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    sandbox.clear();
  });

  afterAll(async () => {
    await sandbox.stop();
    for (const name of ENV_NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  async function start(snippet: Record<string, unknown>, logger: LoggerService): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule({ imports: [snippet.AppModule as Type] }).compile();
    const started = moduleRef.createNestApplication({ logger });
    await started.init();
    return started;
  }

  it('"Imported into a backend": a good body is sent (201), a bad one is a 400 listing the problems, sent nowhere', async () => {
    app = await start(load(snippetAfter('### 1. Imported into a backend')), new ConsoleLogger({ logLevels: [] }));

    await request(app.getHttpServer())
      .post('/messages/video')
      .send({ to: '+1 302 389 5111', video: { link: 'https://cdn.example.com/welcome.mp4' } })
      .expect(201);
    const bad = await request(app.getHttpServer())
      .post('/messages/video')
      .send({ to: '0301 234567', video: {} })
      .expect(400);

    expect(bad.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^to must be a phone number with its country code/)]),
    );
    expect(sandbox.messages.map((message) => message.body)).toEqual([
      {
        to: '13023895111',
        phoneId: sandbox.phoneId,
        type: 'video',
        video: { link: 'https://cdn.example.com/welcome.mp4' },
      },
    ]);

    // A 500 is not retried (the message may have gone out): the filter answers 502, not the caller's fault.
    sandbox.respondNext({ status: 500, body: { status: false, message: 'Internal error' } });
    await request(app.getHttpServer())
      .post('/messages/video')
      .send({ to: '+1 302 389 5111', video: { link: 'https://cdn.example.com/welcome.mp4' } })
      .expect(502);
  });

  it('"Called from a domain event listener": shipping sends the video; a failed send logs why, number masked', async () => {
    const snippet = load(snippetAfter('### 3. Called from a domain event listener'));
    const logger = new RecordingLogger();
    app = await start(snippet, logger);
    const orders = app.get(snippet.OrdersService as Type<{ ship(orderId: string, phone: string): void }>);

    orders.ship('1001', '+1 302 389 5111');
    await sandbox.waitForRequests(1);
    expect(sandbox.messages[0].body).toMatchObject({
      to: '13023895111',
      type: 'video',
      video: { link: 'https://cdn.example.com/tracking/1001.mp4', caption: 'Good news: order 1001 is on its way!' },
    });

    sandbox.clear();
    sandbox.respondNext({ status: 400, body: { status: false, message: 'Invalid data Provided: 13023895111' } });
    orders.ship('1002', '+1 302 389 5111');
    await sandbox.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(logger.lines.filter((line) => line.includes('order 1002'))).toEqual([
      'Could not send the shipping video for order 1002 to 1302***5111: ZixflowBadRequestError: ' +
        'Zixflow answered 400 on POST /api/v1/campaign/whatsapp/message/send: Invalid data Provided: 1302***5111',
    ]);
    expect(app.get(EventEmitter2)).toBeDefined();
  });
});
