import { Injectable, INestApplication, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { ZixflowModule, ZixflowWhatsappService } from '../src/zixflow';
import { ZixflowSandbox, ZixflowSandboxMode } from '../src/zixflow/testing';
import { OnWhatsappMessage, ZixflowIncomingMessage, ZixflowWebhooksModule } from '../src/zixflow/webhooks';
import { freePort } from './queue-redis';

@Injectable()
class EchoHandler {
  constructor(private readonly whatsapp: ZixflowWhatsappService) {}

  @OnWhatsappMessage({ type: 'text' })
  async echo(incoming: ZixflowIncomingMessage): Promise<void> {
    await this.whatsapp.replyText(incoming, 'hello back');
  }
}

/** A user's own app, configured only from the variables sandbox mode set. */
async function userApp(env: NodeJS.ProcessEnv, port: number): Promise<INestApplication> {
  @Module({
    imports: [
      EventEmitterModule.forRoot(),
      ZixflowModule.forRoot({
        apiKey: env.ZIXFLOW_API_KEY ?? '',
        baseUrl: env.ZIXFLOW_BASE_URL,
        defaultPhoneId: env.ZIXFLOW_PHONE_ID,
        isGlobal: true,
      }),
      ZixflowWebhooksModule.forRoot({ secret: env.ZIXFLOW_WEBHOOK_SECRET ?? '' }),
    ],
    providers: [EchoHandler],
  })
  class UserAppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [UserAppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(port, '127.0.0.1');
  return app;
}

describe('ZixflowSandboxMode: the one-line sandbox for any app', () => {
  it('does nothing with a key: live mode', async () => {
    const env = { ZIXFLOW_API_KEY: 'zx-live-key' };
    expect(await ZixflowSandboxMode.start({ env, envFile: false, log: false })).toBeUndefined();
    expect(env).toEqual({ ZIXFLOW_API_KEY: 'zx-live-key' });
  });

  it('refuses to fake Zixflow when NODE_ENV=production', async () => {
    await expect(
      ZixflowSandboxMode.start({ env: { NODE_ENV: 'production' }, envFile: false, log: false }),
    ).rejects.toThrow(
      'ZixflowSandboxMode refuses to start with NODE_ENV=production: set ZIXFLOW_API_KEY (and ZIXFLOW_PHONE_ID) to use Zixflow.',
    );
  });

  describe('without a key', () => {
    const env: NodeJS.ProcessEnv = {};
    const banners: string[] = [];
    let sandbox: ZixflowSandbox;
    let app: INestApplication;

    beforeAll(async () => {
      const port = await freePort();
      sandbox = (await ZixflowSandboxMode.start({
        env,
        port,
        envFile: false,
        log: (line) => banners.push(line),
      })) as ZixflowSandbox;
      app = await userApp(env, port);
    });
    afterAll(async () => {
      await app?.close();
      await sandbox?.stop();
    });

    it('points the ZIXFLOW_* variables at the sandbox and prints a banner with the inbox', () => {
      expect(env).toEqual({
        ZIXFLOW_API_KEY: sandbox.apiKey,
        ZIXFLOW_BASE_URL: sandbox.url,
        ZIXFLOW_PHONE_ID: sandbox.phoneId,
        ZIXFLOW_WEBHOOK_SECRET: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(banners).toHaveLength(1);
      expect(banners[0]).toContain(`Inbox: ${sandbox.inboxUrl}`);
      expect(banners[0]).not.toContain(env.ZIXFLOW_WEBHOOK_SECRET);
    });

    it('sends a first message that shows in the inbox, and connects the app’s webhook', async () => {
      await app.get(ZixflowWhatsappService).sendText({ to: '+1 302 389 5111', text: { body: 'First message' } });
      const inbox = await fetch(sandbox.inboxUrl as string);
      expect(inbox.status).toBe(200);
      expect(sandbox.conversations).toEqual([
        expect.objectContaining({
          customer: '13023895111',
          entries: [expect.objectContaining({ direction: 'outgoing' })],
        }),
      ]);
      const result = await sandbox.simulateIncoming({ from: '+1 302 389 5111', text: 'hi' });
      expect(result.status).toBe(200);
      await sandbox.waitForRequests(2);
      expect(sandbox.messages.map((message) => (message.body.text as { body: string }).body)).toEqual([
        'First message',
        'hello back',
      ]);
    });
  });
});
