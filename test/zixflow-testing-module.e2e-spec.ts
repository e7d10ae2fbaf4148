import { ConsoleLogger, INestApplication, Injectable } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule, OnEvent } from '@nestjs/event-emitter';
import { Test, TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import {
  ZIXFLOW_MODULE_OPTIONS,
  ZixflowBadRequestError,
  ZixflowSendResult,
  ZixflowServerError,
  ZixflowTimeoutError,
  ZixflowWhatsappService,
} from '../src/zixflow';
import { ZixflowTesting, ZixflowTestingModule, zixflowTestingOptions } from '../src/zixflow/testing';

/** The variables an app reads its Zixflow settings from: unset here, as on a machine without a key. */
const ENV_NAMES = ['ZIXFLOW_API_KEY', 'ZIXFLOW_BASE_URL', 'ZIXFLOW_PHONE_ID', 'ZIXFLOW_WEBHOOK_SECRET', 'REDIS_URL'];
const saved: Record<string, string | undefined> = {};
beforeAll(() => ENV_NAMES.forEach((name) => ((saved[name] = process.env[name]), delete process.env[name])));
afterAll(() =>
  ENV_NAMES.forEach((name) =>
    saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name]),
  ),
);

/** A provider of the app under test: it only knows ZixflowWhatsappService. */
@Injectable()
class WelcomeService {
  constructor(private readonly whatsapp: ZixflowWhatsappService) {}

  welcome(phone: string): Promise<ZixflowSendResult> {
    return this.whatsapp.sendText({ to: phone, text: { body: 'Welcome!' } });
  }

  @OnEvent('customer.signed-up', { async: true })
  async onSignUp(event: { phone: string }): Promise<void> {
    await this.welcome(event.phone);
  }
}

describe('ZixflowTestingModule.forRoot(): the real service against a sandbox, no key', () => {
  let moduleRef: TestingModule;
  let zixflow: ZixflowTesting;
  let welcome: WelcomeService;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ZixflowTestingModule.forRoot({ zixflow: { timeoutMs: 300 } }), EventEmitterModule.forRoot()],
      providers: [WelcomeService],
    })
      // Sends fail here on purpose, and the client logs each failure as an ERROR: not in the output.
      .setLogger(new ConsoleLogger({ logLevels: [] }))
      .compile();
    await moduleRef.init();
    zixflow = moduleRef.get(ZixflowTesting);
    welcome = moduleRef.get(WelcomeService);
  });

  afterEach(() => zixflow.clear());

  afterAll(async () => {
    await moduleRef?.close();
  });

  it('sends for real: messages, lastMessage and lastMessageTo in any spelling of the number', async () => {
    await welcome.welcome('+1 302 389 5111');
    await welcome.welcome('+44 20 7946 0958');

    expect(zixflow.messages.map((message) => message.to)).toEqual(['13023895111', '442079460958']);
    expect(zixflow.lastMessage?.to).toBe('442079460958');
    expect(zixflow.lastMessageTo('001 302 389 5111')?.body).toEqual({
      to: '13023895111',
      phoneId: zixflow.sandbox.phoneId,
      type: 'text',
      text: { body: 'Welcome!' },
    });
    expect(zixflow.messagesTo('13023895111')).toHaveLength(1);
    expect(zixflow.lastMessageTo('+91 98765 43210')).toBeUndefined();
  });

  it('failNext scripts failures the library types, once each: no retry unless the test asks for it', async () => {
    zixflow.failNext(503).failNext(400, 'Invalid data Provided');

    await expect(welcome.welcome('+1 302 389 5111')).rejects.toBeInstanceOf(ZixflowServerError);
    await expect(welcome.welcome('+1 302 389 5111')).rejects.toMatchObject({
      constructor: ZixflowBadRequestError,
      zixflowMessage: 'Invalid data Provided',
    });
    await welcome.welcome('+1 302 389 5111');

    expect(zixflow.sandbox.requests).toHaveLength(3);
    expect(zixflow.messages).toHaveLength(1);
  });

  it('respondNext scripts anything else, e.g. no answer for a time-out (timeoutMs from the options)', async () => {
    zixflow.respondNext({ stall: true });

    await expect(welcome.welcome('+1 302 389 5111')).rejects.toMatchObject({
      constructor: ZixflowTimeoutError,
      timeoutMs: 300,
    });
  });

  it('waitForMessages waits for sends made in the background, and says how many came when they do not', async () => {
    moduleRef.get(EventEmitter2).emit('customer.signed-up', { phone: '+1 302 389 5111' });

    await expect(zixflow.waitForMessages(1)).resolves.toHaveLength(1);
    await expect(zixflow.waitForMessages(2, 50)).rejects.toThrow(
      'Expected 2 message(s) within 50 ms; the sandbox accepted 1',
    );
  });
});

describe('ZixflowTestingModule: the sandbox closes with the application', () => {
  it('stops the sandbox when the testing module closes', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ZixflowTestingModule.forRoot()] }).compile();
    await moduleRef.init();
    const url = moduleRef.get(ZixflowTesting).sandbox.url;
    await expect(fetch(`${url}/`)).resolves.toBeDefined();

    await moduleRef.close();

    await expect(fetch(`${url}/`)).rejects.toThrow();
  });
});

describe('your whole AppModule (ZixflowModule from ZIXFLOW_* variables) in a test, with no key', () => {
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('real sends: override ZIXFLOW_MODULE_OPTIONS with zixflowTestingOptions()', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(), ZixflowTestingModule.forRoot({ registerZixflowModule: false })],
    })
      .overrideProvider(ZIXFLOW_MODULE_OPTIONS)
      .useFactory(zixflowTestingOptions())
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureApp(app);
    await app.init();

    await request(app.getHttpServer())
      .post('/messages/text')
      .send({ to: '+1 302 389 5111', text: { body: 'Hi' } })
      .expect(201);
    // A bad body is still a 400 from the app's ValidationPipe, and nothing is sent.
    await request(app.getHttpServer()).post('/messages/text').send({ to: '0301 234567', text: {} }).expect(400);

    const zixflow = app.get(ZixflowTesting);
    expect(zixflow.messages).toHaveLength(1);
    expect(zixflow.lastMessageTo('+1 302 389 5111')?.body).toMatchObject({ type: 'text', text: { body: 'Hi' } });
  });

  it('a mock: overriding ZixflowWhatsappService alone is enough with no key (no option is checked)', async () => {
    const sendText = jest.fn().mockResolvedValue({ status: true, message: 'mocked' });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] })
      .overrideProvider(ZixflowWhatsappService)
      .useValue({ sendText })
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureApp(app);
    await app.init();

    const response = await request(app.getHttpServer())
      .post('/messages/text')
      .send({ to: '+1 302 389 5111', text: { body: 'Hi' } })
      .expect(201);

    expect(response.body).toEqual({ status: true, message: 'mocked' });
    expect(sendText).toHaveBeenCalledWith(expect.objectContaining({ to: '13023895111', text: { body: 'Hi' } }));
  });
});
