import { Injectable, INestApplication, Logger, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { ZixflowModule } from '../../src/zixflow';
import {
  Hears,
  prompt,
  ZixflowBot,
  ZixflowBotContext,
  ZixflowBotModule,
  ZixflowDialog,
  ZixflowDialogDefinition,
} from '../../src/zixflow/bot';
import { ZixflowRedisModule, zixflowRedisBotOptions, zixflowRedisWebhooksOptions } from '../../src/zixflow/redis';
import { ZixflowSandbox } from '../../src/zixflow/testing';
import { ZixflowWebhooksModule } from '../../src/zixflow/webhooks';
import { describeWithRedis, LocalRedis, startLocalRedis, waitFor } from '../queue.helpers';

const API_KEY = 'zx-timers-test-key';
const secret = randomBytes(24).toString('hex');

@ZixflowDialog({
  id: 'quick',
  idleTimeoutMs: 1500,
  nudge: { afterMs: 600, message: 'Still there?' },
  expiredMessage: 'Closed.',
})
@Injectable()
class QuickDialog implements ZixflowDialogDefinition<{ name?: string }> {
  readonly steps = [
    prompt<{ name?: string }>({ name: 'name', ask: 'Your name?', parse: (ctx) => ctx.text }),
    () => 'Thanks.',
  ];
}

@ZixflowBot()
@Injectable()
class StartBot {
  @Hears('start')
  start(ctx: ZixflowBotContext): void {
    ctx.beginDialog('quick');
  }
}

function appModule(sandbox: ZixflowSandbox, redisUrl: string, prefix: string) {
  @Module({
    imports: [
      EventEmitterModule.forRoot(),
      ZixflowModule.forRoot({ apiKey: API_KEY, baseUrl: sandbox.url, defaultPhoneId: sandbox.phoneId, isGlobal: true }),
      ZixflowRedisModule.forRoot({ connection: redisUrl, prefix, inbound: { leaseMs: 1000 } }),
      ZixflowWebhooksModule.forRootAsync(zixflowRedisWebhooksOptions({ secret })),
      ZixflowBotModule.forRootAsync(zixflowRedisBotOptions()),
    ],
    providers: [StartBot, QuickDialog],
  })
  class TimersAppModule {}
  return TimersAppModule;
}

describeWithRedis('dialog timers as delayed BullMQ jobs', () => {
  let redis: LocalRedis;
  let sandbox: ZixflowSandbox;
  let app: INestApplication | undefined;

  async function boot(prefix: string): Promise<string> {
    const moduleRef = await Test.createTestingModule({ imports: [appModule(sandbox, redis.url, prefix)] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${port}/zixflow/webhooks/incoming`;
  }

  const texts = () => sandbox.messages.map((message) => (message.body.text as { body: string }).body);

  beforeAll(async () => {
    Logger.overrideLogger(false);
    redis = await startLocalRedis();
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    sandbox.clear();
  });
  afterAll(async () => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']);
    await sandbox?.stop();
    await redis?.stop();
  });

  it('a nudge and a time-out set before a restart fire after it', async () => {
    const prefix = `timers-${randomUUID().slice(0, 8)}`;
    const url = await boot(prefix);
    await sandbox.simulateIncoming({ to: url, secret, from: '+1 302 389 5111', text: 'start' });
    await waitFor('the question', () => texts().length === 1, 10_000);
    await app?.close();
    await boot(prefix);
    await waitFor('the nudge and the time-out', () => texts().length === 3, 10_000);
    expect(texts()).toEqual(['Your name?', 'Still there?', 'Closed.']);
  });

  it('a timer does nothing once the conversation moved on', async () => {
    const url = await boot(`moved-${randomUUID().slice(0, 8)}`);
    await sandbox.simulateIncoming({ to: url, secret, from: '+1 302 389 5111', text: 'start' });
    await waitFor('the question', () => texts().length === 1, 10_000);
    await sandbox.simulateIncoming({ to: url, secret, from: '+1 302 389 5111', text: 'Ada' });
    await waitFor('the thanks', () => texts().length === 2, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(texts()).toEqual(['Your name?', 'Thanks.']);
  });
});
