import { Injectable, Scope } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ZixflowConfigurationError } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import {
  OnWhatsappMessage,
  ZixflowDedupeStore,
  ZixflowWebhooksModule,
  ZixflowWebhooksModuleOptions,
} from '../src/zixflow/webhooks';
import {
  documentedPayload,
  eventually,
  INCOMING,
  SECRET,
  settle,
  startApp,
  WEBHOOK_ADAPTERS,
} from './webhooks.helpers';

describe.each(WEBHOOK_ADAPTERS)('ZixflowWebhooksModule options on %s', (adapter) => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  it('moves the routes with path and reads the secret from secretHeader', async () => {
    const hooks = await startApp(adapter, sandbox, {
      webhooks: { path: '/hooks/zixflow/', secretHeader: 'X-Hook-Secret' },
    });
    try {
      await request(hooks.url).post(INCOMING).set('x-zixflow-secret', SECRET).send(documentedPayload()).expect(404);
      await request(hooks.url)
        .post('/hooks/zixflow/incoming')
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload())
        .expect(401);
      await request(hooks.url)
        .post('/hooks/zixflow/incoming')
        .set('x-hook-secret', SECRET)
        .send(documentedPayload())
        .expect(200);
      await request(hooks.url).post(`/hooks/zixflow/reports?token=${SECRET}`).send({ status: 'sent' }).expect(200);
    } finally {
      await hooks.app.close();
    }
  });

  it('uses a plugged-in dedupe store, and answers 503 (so Zixflow retries) when it fails', async () => {
    const keys: string[] = [];
    let failing = false;
    const store: ZixflowDedupeStore = {
      setIfAbsent: async (key, ttlMs) => {
        if (failing) throw new Error('redis down');
        keys.push(`${key}@${ttlMs}`);
        return true;
      },
    };
    const hooks = await startApp(adapter, sandbox, { webhooks: { dedupe: { store, ttlMs: 60_000 } } });
    try {
      await request(hooks.url)
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload({ eventId: 'e-1' }))
        .expect(200);
      expect(keys).toEqual(['incoming:e-1@60000']);
      failing = true;
      await request(hooks.url)
        .post(INCOMING)
        .set('x-zixflow-secret', SECRET)
        .send(documentedPayload({ eventId: 'e-2' }))
        .expect(503);
      await eventually(() => hooks.handlers.messages.length === 1);
      await settle();
      expect(hooks.handlers.messages.map(({ eventId }) => eventId)).toEqual(['e-1']);
    } finally {
      await hooks.app.close();
    }
  });

  it('lets running handlers finish before the application closes', async () => {
    const hooks = await startApp(adapter, sandbox);
    let release!: () => void;
    hooks.handlers.release = new Promise((resolve) => (release = resolve));
    await request(hooks.url)
      .post(INCOMING)
      .set('x-zixflow-secret', SECRET)
      .send(documentedPayload({ message: { type: 'image', image: {} } }))
      .expect(200);
    let closed = false;
    const closing = hooks.app.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(false);
    release();
    await closing;
    expect(hooks.handlers.messages).toHaveLength(1);
  });

  it('keeps the webhook routes off OpenAPI documents', async () => {
    const hooks = await startApp(adapter, sandbox);
    try {
      const document = SwaggerModule.createDocument(hooks.app, new DocumentBuilder().build());
      expect(Object.keys(document.paths)).toEqual([]);
    } finally {
      await hooks.app.close();
    }
  });
});

describe('ZixflowWebhooksModule start-up checks', () => {
  it.each([
    ['no secret', { secret: '' }, /secret is missing or empty.*ZIXFLOW_WEBHOOK_SECRET/s],
    ['a short secret', { secret: 'too-short' }, /must be 16 to 512 visible ASCII characters/],
  ])('refuses to start with %s', async (_case, options, message) => {
    const start = Test.createTestingModule({
      imports: [EventEmitterModule.forRoot(), ZixflowWebhooksModule.forRoot(options as ZixflowWebhooksModuleOptions)],
    }).compile();
    await expect(start).rejects.toThrow(ZixflowConfigurationError);
    await expect(start).rejects.toThrow(message);
  });

  it('refuses to start through forRootAsync when the factory yields no secret', async () => {
    const start = Test.createTestingModule({
      imports: [
        EventEmitterModule.forRoot(),
        ZixflowWebhooksModule.forRootAsync({ useFactory: () => ({ secret: '   ' }) }),
      ],
    }).compile();
    await expect(start).rejects.toThrow(/secret is missing or empty/);
  });

  it('refuses to start without EventEmitterModule, saying what to import', async () => {
    const start = Test.createTestingModule({ imports: [ZixflowWebhooksModule.forRoot({ secret: SECRET })] }).compile();
    await expect(start).rejects.toThrow(/add EventEmitterModule.forRoot\(\)/);
  });

  it('refuses a request-scoped handler at start-up', async () => {
    @Injectable({ scope: Scope.REQUEST })
    class RequestScopedBot {
      @OnWhatsappMessage()
      handle(): void {}
    }
    const moduleRef = await Test.createTestingModule({
      imports: [EventEmitterModule.forRoot(), ZixflowWebhooksModule.forRoot({ secret: SECRET })],
      providers: [RequestScopedBot],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await expect(app.init()).rejects.toThrow(
      /RequestScopedBot.handle: WhatsApp webhook handlers must live in singleton providers/,
    );
    await app.close();
  });
});
