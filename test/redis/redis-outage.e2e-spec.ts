import { Injectable, INestApplication, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { ZixflowModule } from '../../src/zixflow';
import { Fallback, ZixflowBot, ZixflowBotContext, ZixflowBotModule } from '../../src/zixflow/bot';
import { ZixflowRedisModule, zixflowRedisBotOptions, zixflowRedisWebhooksOptions } from '../../src/zixflow/redis';
import { ZixflowSandbox } from '../../src/zixflow/testing';
import { ZixflowWebhooksModule } from '../../src/zixflow/webhooks';
import { describeWithRedis, waitFor } from '../queue.helpers';
import { RestartableRedis, startRestartableRedis } from '../queue-redis';

const API_KEY = 'zx-outage-test-key';
const secret = randomBytes(24).toString('hex');

@ZixflowBot()
@Injectable()
class EchoBot {
  @Fallback()
  echo(ctx: ZixflowBotContext<{ turns?: number }>): string {
    ctx.session.turns = (ctx.session.turns ?? 0) + 1;
    return `turn ${ctx.session.turns}: ${ctx.text ?? ''}`;
  }
}

async function startApp(sandbox: ZixflowSandbox, redisUrl: string): Promise<INestApplication> {
  @Module({
    imports: [
      EventEmitterModule.forRoot(),
      ZixflowModule.forRoot({ apiKey: API_KEY, baseUrl: sandbox.url, defaultPhoneId: sandbox.phoneId, isGlobal: true }),
      ZixflowRedisModule.forRoot({
        connection: redisUrl,
        prefix: `outage-${randomUUID().slice(0, 8)}`,
        inbound: { leaseMs: 1000, retryDelayMs: 100 },
      }),
      ZixflowWebhooksModule.forRootAsync(zixflowRedisWebhooksOptions({ secret })),
      ZixflowBotModule.forRootAsync(zixflowRedisBotOptions()),
    ],
    providers: [EchoBot],
  })
  class OutageAppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [OutageAppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

describeWithRedis('the durable inbound pipeline while Redis is down', () => {
  let redis: RestartableRedis;
  let sandbox: ZixflowSandbox;
  let app: INestApplication;
  let incomingUrl: string;

  beforeAll(async () => {
    redis = await startRestartableRedis();
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
    app = await startApp(sandbox, redis.url);
    const { port } = app.getHttpServer().address() as { port: number };
    incomingUrl = `http://127.0.0.1:${port}/zixflow/webhooks/incoming`;
  });

  afterAll(async () => {
    await app?.close();
    await sandbox?.stop();
    await redis?.remove();
  });

  const deliver = (text: string, eventId: string) =>
    sandbox.simulateIncoming({ to: incomingUrl, secret, from: '+1 302 389 5111', text, eventId, timeoutMs: 10_000 });

  it('answers 503 while Redis is down, and loses nothing: Zixflow’s retries are handled once it is back', async () => {
    expect((await deliver('before', randomUUID())).status).toBe(200);
    await waitFor('the first reply', () => sandbox.messages.length === 1, 10_000);

    await redis.stop();
    const during = [randomUUID(), randomUUID()];
    expect((await deliver('during 1', during[0])).status).toBe(503);
    expect((await deliver('during 2', during[1])).status).toBe(503);

    await redis.start();
    // Zixflow retries what was refused, with the same event ids; one retry arrives twice.
    await waitFor('Redis back', async () => (await deliver('during 1', during[0])).status === 200, 15_000, 200);
    expect((await deliver('during 2', during[1])).status).toBe(200);
    expect((await deliver('during 2', during[1])).body).toMatchObject({ duplicate: true });

    await waitFor('every reply', () => sandbox.messages.length === 3, 15_000);
    expect(sandbox.messages.map((message) => (message.body.text as { body: string }).body)).toEqual([
      'turn 1: before',
      'turn 2: during 1',
      'turn 3: during 2',
    ]);
  });
});
