import { INestApplication } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { configureApp } from '../src/configure-app';
import { BroadcastsModule } from '../src/example/broadcasts/broadcasts.module';
import { ZixflowModule, ZIXFLOW_TEMPLATE_MESSAGE_PATH } from '../src/zixflow';
import { ZixflowOutbox } from '../src/zixflow/queue';
import { ZixflowSandbox } from '../src/zixflow/testing';
import {
  API_KEY,
  describeWithRedis,
  LocalRedis,
  PHONE_ID,
  removeQueuesFromSharedRedis,
  startLocalRedis,
  waitFor,
} from './queue.helpers';

const QUEUE_ENV = [
  'REDIS_URL',
  'ZIXFLOW_QUEUE_WORKER',
  'ZIXFLOW_QUEUE_CONCURRENCY',
  'ZIXFLOW_QUEUE_RATE_PER_SECOND',
  'ZIXFLOW_QUEUE_PREFIX',
] as const;
/** The example uses the default queue name; a prefix of its own keeps it apart on a shared REDIS_URL. */
const PREFIX = `zixflow-test-${randomUUID().slice(0, 8)}`;

const SPRING_SALE = {
  broadcastId: 'spring-sale',
  templateName: 'spring_sale',
  language: 'en',
  variables: { discount: '20%' },
  recipients: ['+1 302 389 5111', '+44 20 7946 0958', '001 302 389 5111'],
};

/** The example's broadcasts route in an app like the example's: config, events, ZixflowModule. */
async function startExample(sandbox: ZixflowSandbox): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }),
      EventEmitterModule.forRoot(),
      ZixflowModule.forRoot({ apiKey: API_KEY, baseUrl: sandbox.url, defaultPhoneId: PHONE_ID, isGlobal: true }),
      BroadcastsModule.register(),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app);
  await app.init();
  return app;
}

describeWithRedis('example: POST /broadcasts', () => {
  let redis: LocalRedis;
  let sandbox: ZixflowSandbox;
  let app: INestApplication | undefined;
  let saved: Record<string, string | undefined>;

  beforeAll(async () => {
    redis = await startLocalRedis();
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
  });

  beforeEach(() => {
    saved = Object.fromEntries(QUEUE_ENV.map((name) => [name, process.env[name]]));
    QUEUE_ENV.forEach((name) => delete process.env[name]);
    process.env.ZIXFLOW_QUEUE_PREFIX = PREFIX;
  });

  afterEach(async () => {
    const queueName = process.env.REDIS_URL ? app?.get(ZixflowOutbox, { strict: false }).queueName : undefined;
    await app?.close();
    app = undefined;
    if (queueName !== undefined) {
      await removeQueuesFromSharedRedis(redis.url, [queueName], PREFIX);
    }
    for (const name of QUEUE_ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    sandbox.clear();
  });

  afterAll(async () => {
    await sandbox?.stop();
    await redis?.stop();
  });

  it('with REDIS_URL: 202, one template per distinct recipient, sent by the worker', async () => {
    process.env.REDIS_URL = redis.url;
    app = await startExample(sandbox);

    const response = await request(app.getHttpServer()).post('/broadcasts').send(SPRING_SALE).expect(202);

    expect(response.body).toEqual({
      broadcastId: 'spring-sale',
      queued: 2,
      alreadyQueued: 0,
      jobIds: [expect.any(String), expect.any(String), expect.any(String)],
    });
    expect(response.body.jobIds[2]).toBe(response.body.jobIds[0]);
    await waitFor('both templates', () => sandbox.messages.length >= 2);
    expect(sandbox.messages.map((message) => message.path)).toEqual([
      ZIXFLOW_TEMPLATE_MESSAGE_PATH,
      ZIXFLOW_TEMPLATE_MESSAGE_PATH,
    ]);
    expect(sandbox.messages.map((message) => message.body.to).sort()).toEqual(['13023895111', '442079460958']);
    expect(sandbox.messages[0].body).toMatchObject({
      phoneId: PHONE_ID,
      templateName: 'spring_sale',
      language: 'en',
      variables: { discount: '20%' },
    });

    const again = await request(app.getHttpServer()).post('/broadcasts').send(SPRING_SALE).expect(202);
    expect(again.body).toEqual({
      broadcastId: 'spring-sale',
      queued: 0,
      alreadyQueued: 2,
      jobIds: response.body.jobIds,
    });
    // One recipient more: only the new one is queued, the two known ones are reported as already queued.
    const grown = await request(app.getHttpServer())
      .post('/broadcasts')
      .send({ ...SPRING_SALE, recipients: [...SPRING_SALE.recipients, '+91 98765 43210'] })
      .expect(202);
    expect(grown.body).toMatchObject({ queued: 1, alreadyQueued: 2 });
    await waitFor('the third template', () => sandbox.messages.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sandbox.requests).toHaveLength(3);
  });

  it('with REDIS_URL: a bad number is a 400 naming the recipient, and nothing is queued', async () => {
    process.env.REDIS_URL = redis.url;
    app = await startExample(sandbox);

    const response = await request(app.getHttpServer())
      .post('/broadcasts')
      .send({ ...SPRING_SALE, broadcastId: 'bad-numbers', recipients: ['+1 302 389 5111', '0301 234567'] })
      .expect(400);

    expect(response.body.message).toEqual([
      expect.stringMatching(/^recipients\.1 must be a phone number with its country code/),
    ]);
    expect(await app.get(ZixflowOutbox, { strict: false }).enqueueMany([])).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sandbox.requests).toHaveLength(0);
  });

  it('without REDIS_URL: 503 saying the queue is off and how to turn it on', async () => {
    app = await startExample(sandbox);

    const response = await request(app.getHttpServer()).post('/broadcasts').send(SPRING_SALE).expect(503);

    expect(response.body.message).toMatch(/queue is off: set REDIS_URL/);
    expect(() => app?.get(ZixflowOutbox, { strict: false })).toThrow();
  });
});
