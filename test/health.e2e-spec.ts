import { Controller, Get, INestApplication, Module, Type } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import { createHook } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ZixflowModule, ZixflowModuleOptions } from '../src/zixflow';
import { ZixflowHealthIndicator, ZixflowHealthModule } from '../src/zixflow/health';
import { ZixflowRedisModule } from '../src/zixflow/redis';
import { ZixflowSandbox } from '../src/zixflow/testing';
import { ZixflowWebhooksModule } from '../src/zixflow/webhooks';
import { describeWithRedis, LocalRedis, startLocalRedis } from './queue.helpers';

const SECRET = 'health-webhook-secret-0123456789';
const MAX_SILENCE_MS = 300;

/** The health controller an app writes, as docs/health.md shows it. */
@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly zixflow: ZixflowHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.zixflow.isZixflowReachable('zixflow', { cacheMs: 0 }),
      () => this.zixflow.isRedisUp('redis', { timeoutMs: 500 }),
      () => this.zixflow.isWebhookReceiving('zixflow-webhooks', { maxSilenceMs: MAX_SILENCE_MS }),
    ]);
  }

  /** The Zixflow check with its default 30 s cache, under a key of its own. */
  @Get('cached')
  @HealthCheck()
  cached() {
    return this.health.check([() => this.zixflow.isZixflowReachable('zixflow-cached')]);
  }
}

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), ZixflowHealthModule],
  controllers: [HealthController],
})
class HealthModule {}

interface AppSetup {
  zixflow: ZixflowModuleOptions;
  redisUrl?: string;
  webhooks?: boolean;
}

async function startApp(setup: AppSetup): Promise<INestApplication> {
  const imports: Array<Type | ReturnType<typeof ZixflowModule.forRoot>> = [
    EventEmitterModule.forRoot(),
    ZixflowModule.forRoot({ ...setup.zixflow, isGlobal: true }),
    HealthModule,
  ];
  if (setup.webhooks !== false) imports.push(ZixflowWebhooksModule.forRoot({ secret: SECRET }));
  if (setup.redisUrl !== undefined) {
    imports.push(
      ZixflowRedisModule.forRoot({
        connection: setup.redisUrl,
        prefix: `zx-health-${randomUUID().slice(0, 8)}`,
        inbound: false,
      }),
    );
  }
  const moduleRef = await Test.createTestingModule({ imports }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

describeWithRedis('GET /health with ZixflowHealthIndicator (sandbox, real redis-server)', () => {
  let sandbox: ZixflowSandbox;
  let redis: LocalRedis;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ inbox: false, deliveryReports: false });
    redis = await startLocalRedis();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    sandbox.clear();
  });

  afterAll(async () => {
    await sandbox.stop();
    await redis.stop();
  });

  const campaign = (): ZixflowModuleOptions => ({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    defaultPhoneId: sandbox.phoneId,
    retry: false,
  });

  it('all up: the key is accepted, Redis answers PING, a webhook arrived within maxSilenceMs', async () => {
    app = await startApp({ zixflow: campaign(), redisUrl: redis.url });
    const url = await app.getUrl();
    const delivered = await sandbox.simulateIncoming({
      to: `${url}/zixflow/webhooks/incoming`,
      secret: SECRET,
      from: '+1 302 389 5111',
      text: 'hi',
    });
    expect(delivered.status).toBe(200);

    const response = await request(app.getHttpServer()).get('/health').expect(200);

    expect(response.body).toEqual({
      status: 'ok',
      info: {
        zixflow: { status: 'up', api: 'campaign', checkedAt: expect.any(String) },
        redis: { status: 'up', pingMs: expect.any(Number) },
        'zixflow-webhooks': { status: 'up', lastDeliveryAt: expect.any(String), silentForMs: expect.any(Number) },
      },
      error: {},
      details: expect.any(Object),
    });
    // The check is one authenticated GET (the probe template's variable keys), with the app's key.
    expect(sandbox.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['GET', '/api/v1/campaign/whatsapp/variable-keys', `Bearer ${sandbox.apiKey}`],
    ]);
  });

  it('a key Zixflow refuses: 503, the check names ZIXFLOW_API_KEY and never the key', async () => {
    const wrongKey = 'zx-live-wrong-4f9e2a7c1b3d5e8f';
    app = await startApp({ zixflow: { ...campaign(), apiKey: wrongKey }, redisUrl: redis.url });

    const response = await request(app.getHttpServer()).get('/health').expect(503);

    expect(response.body.error.zixflow).toEqual({
      status: 'down',
      message: expect.stringMatching(/^Zixflow refused the API key \(ZIXFLOW_API_KEY\): ZixflowAuthError: /),
      checkedAt: expect.any(String),
    });
    expect(response.body.info.redis.status).toBe('up');
    expect(JSON.stringify(response.body)).not.toContain(wrongKey);
    expect(JSON.stringify(response.body)).not.toContain(redis.url.replace(/^redis:\/\//, ''));
  });

  it('Zixflow failing (500) or not answering is down with the reason; the answer is cached for cacheMs', async () => {
    app = await startApp({ zixflow: { ...campaign(), timeoutMs: 200 }, redisUrl: redis.url });

    sandbox.respondNext({ status: 500, body: { status: false, message: 'Internal error' } });
    const failing = await request(app.getHttpServer()).get('/health').expect(503);
    expect(failing.body.error.zixflow.message).toMatch(/^ZixflowServerError: Zixflow answered 500 .*Internal error/);

    sandbox.respondNext({ stall: true });
    const stalled = await request(app.getHttpServer()).get('/health').expect(503);
    expect(stalled.body.error.zixflow.message).toMatch(/^ZixflowTimeoutError: /);

    sandbox.clear();
    await request(app.getHttpServer()).get('/health/cached').expect(200);
    await request(app.getHttpServer()).get('/health/cached').expect(200);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('on the AI API: the accounts endpoint, with the account count', async () => {
    app = await startApp({
      zixflow: { ...campaign(), api: 'ai', workspaceId: sandbox.workspaceId },
      redisUrl: redis.url,
    });

    const response = await request(app.getHttpServer()).get('/health').expect(200);

    expect(response.body.info.zixflow).toEqual({
      status: 'up',
      api: 'ai',
      accounts: sandbox.whatsappAccounts.length,
      checkedAt: expect.any(String),
    });
    expect(sandbox.requests.map((r) => r.path)).toEqual(['/api/data/whatsapp/v1/accounts']);
  });

  it('webhooks: down after maxSilenceMs without a successful delivery (a refused one does not count), up after one', async () => {
    app = await startApp({ zixflow: campaign(), redisUrl: redis.url });
    const incoming = `${await app.getUrl()}/zixflow/webhooks/incoming`;
    await new Promise((resolve) => setTimeout(resolve, MAX_SILENCE_MS + 50));
    const refused = await sandbox.simulateIncoming({
      to: incoming,
      secret: 'not-the-secret-000000',
      from: '+1 302 389 5111',
      text: 'hi',
    });
    expect(refused.status).toBe(401);

    const silent = await request(app.getHttpServer()).get('/health').expect(503);
    expect(silent.body.error['zixflow-webhooks']).toEqual({
      status: 'down',
      lastDeliveryAt: null,
      silentForMs: expect.any(Number),
      message: `No webhook from Zixflow since start-up (more than ${MAX_SILENCE_MS} ms)`,
    });

    await sandbox.simulateIncoming({ to: incoming, secret: SECRET, from: '+1 302 389 5111', text: 'hi' });
    const after = await request(app.getHttpServer()).get('/health').expect(200);
    expect(after.body.info['zixflow-webhooks'].status).toBe('up');
  });

  it('parts the app does not register are up and say configured: false', async () => {
    app = await startApp({ zixflow: campaign(), webhooks: false });

    const response = await request(app.getHttpServer()).get('/health').expect(200);

    expect(response.body.info.redis).toEqual({ status: 'up', configured: false });
    expect(response.body.info['zixflow-webhooks']).toEqual({ status: 'up', configured: false });
  });
});

/** Runs `action`, then says which timers it started are still pending `afterMs` later (their creation stacks). */
async function timersLeftBy(action: () => Promise<unknown>, afterMs: number): Promise<string[]> {
  const pending = new Map<number, string>();
  let recording = true;
  const hook = createHook({
    init: (id, type) => {
      if (recording && type === 'Timeout') pending.set(id, new Error('timer started').stack ?? '');
    },
    destroy: (id) => pending.delete(id),
  }).enable();
  try {
    await action();
    recording = false;
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    return [...pending.values()];
  } finally {
    hook.disable();
  }
}

describeWithRedis('GET /health when Redis goes away', () => {
  it('is down within timeoutMs, saying Redis is unreachable, and the app still closes at once', async () => {
    const sandbox = await ZixflowSandbox.start({ inbox: false, deliveryReports: false });
    const own = await startLocalRedis();
    const app = await startApp({
      zixflow: { apiKey: sandbox.apiKey, baseUrl: sandbox.url, defaultPhoneId: sandbox.phoneId },
      redisUrl: own.url,
    });
    try {
      await request(app.getHttpServer()).get('/health').expect(200);
      await own.stop();

      const startedAt = Date.now();
      const response = await request(app.getHttpServer()).get('/health').expect(503);

      expect(response.body.error.redis).toEqual({
        status: 'down',
        message: expect.stringMatching(/^Redis is unreachable: /),
      });
      expect(Date.now() - startedAt).toBeLessThan(3000);
      // Closing while Redis is down leaves no timer behind (ioredis waited 2 s for a socket already gone).
      expect(await timersLeftBy(() => app.close(), 300)).toEqual([]);
    } finally {
      await app.close();
      await sandbox.stop();
      await own.stop();
    }
  });
});
