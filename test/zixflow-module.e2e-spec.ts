import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test, TestingModule } from '@nestjs/testing';
import {
  ZixflowModule,
  ZixflowModuleOptions,
  ZixflowOptionsFactory,
  ZixflowWhatsappService,
  zixflowConfig,
} from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';

const CUSTOMER = '+44 20 7946 0958';

/** A feature module that injects the service without importing ZixflowModule: only works when global. */
@Injectable()
class NotifierService {
  constructor(readonly whatsapp: ZixflowWhatsappService) {}
}

@Module({ providers: [NotifierService], exports: [NotifierService] })
class NotifierModule {}

@Injectable()
class TestOptionsFactory implements ZixflowOptionsFactory {
  static baseUrl = '';
  createZixflowOptions(): ZixflowModuleOptions {
    return { apiKey: 'sandbox-api-key', baseUrl: TestOptionsFactory.baseUrl, defaultPhoneId: 'from-class' };
  }
}

@Module({ providers: [TestOptionsFactory], exports: [TestOptionsFactory] })
class OptionsFactoryModule {}

const ENV_NAMES = ['ZIXFLOW_API_KEY', 'ZIXFLOW_BASE_URL', 'ZIXFLOW_PHONE_ID', 'ZIXFLOW_TIMEOUT_MS'] as const;

describe('ZixflowModule registration', () => {
  let sandbox: ZixflowSandbox;
  let moduleRef: TestingModule | undefined;
  const savedEnv: Partial<Record<(typeof ENV_NAMES)[number], string>> = {};

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
    TestOptionsFactory.baseUrl = sandbox.url;
  });

  beforeEach(() => {
    for (const name of ENV_NAMES) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
  });

  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
    sandbox.clear();
    for (const name of ENV_NAMES) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
  });

  afterAll(() => sandbox.stop());

  async function boot(
    imports: NonNullable<Parameters<typeof Test.createTestingModule>[0]['imports']>,
  ): Promise<TestingModule> {
    moduleRef = await Test.createTestingModule({ imports }).compile();
    await moduleRef.init();
    return moduleRef;
  }

  async function sendThroughFeatureModule(ref: TestingModule): Promise<Record<string, unknown>> {
    await ref.get(NotifierService).whatsapp.sendText({ to: CUSTOMER, text: { body: 'hi' } });
    return sandbox.lastRequest?.body as Record<string, unknown>;
  }

  it('forRoot with isGlobal lets other modules inject the service', async () => {
    const ref = await boot([
      ZixflowModule.forRoot({
        apiKey: sandbox.apiKey,
        baseUrl: sandbox.url,
        defaultPhoneId: 'global-root',
        isGlobal: true,
      }),
      NotifierModule,
    ]);

    await expect(sendThroughFeatureModule(ref)).resolves.toMatchObject({ phoneId: 'global-root', to: '442079460958' });
  });

  it('forRootAsync with isGlobal, useFactory and ConfigService', async () => {
    const ref = await boot([
      ConfigModule.forRoot({
        ignoreEnvFile: true,
        load: [() => ({ zixflowKey: sandbox.apiKey, zixflowUrl: sandbox.url })],
      }),
      ZixflowModule.forRootAsync({
        isGlobal: true,
        imports: [ConfigModule],
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ({
          apiKey: config.getOrThrow<string>('zixflowKey'),
          baseUrl: config.getOrThrow<string>('zixflowUrl'),
          defaultPhoneId: 'global-async',
        }),
      }),
      NotifierModule,
    ]);

    await expect(sendThroughFeatureModule(ref)).resolves.toMatchObject({ phoneId: 'global-async' });
  });

  it('without isGlobal, a module that does not import ZixflowModule cannot inject the service', async () => {
    const failure = boot([ZixflowModule.forRoot({ apiKey: sandbox.apiKey, baseUrl: sandbox.url }), NotifierModule]);

    await expect(failure).rejects.toThrow(/ZixflowWhatsappService/);
  });

  it('forRootAsync with useClass', async () => {
    const ref = await boot([
      ZixflowModule.forRootAsync({ imports: [OptionsFactoryModule], useClass: TestOptionsFactory }),
    ]);

    await ref.get(ZixflowWhatsappService).sendText({ to: CUSTOMER, text: { body: 'hi' } });

    expect(sandbox.lastRequest?.body).toMatchObject({ phoneId: 'from-class' });
  });

  it('forRootAsync with useExisting', async () => {
    const ref = await boot([
      ZixflowModule.forRootAsync({ imports: [OptionsFactoryModule], useExisting: TestOptionsFactory }),
    ]);

    await ref.get(ZixflowWhatsappService).sendText({ to: CUSTOMER, text: { body: 'hi' } });

    expect(sandbox.lastRequest?.body).toMatchObject({ phoneId: 'from-class' });
  });

  it('forRootAsync(zixflowConfig.asProvider()) reads the ZIXFLOW_* variables', async () => {
    process.env.ZIXFLOW_API_KEY = sandbox.apiKey;
    process.env.ZIXFLOW_BASE_URL = sandbox.url;
    process.env.ZIXFLOW_PHONE_ID = 'from-env';
    process.env.ZIXFLOW_TIMEOUT_MS = '2500';
    const ref = await boot([
      ConfigModule.forRoot({ ignoreEnvFile: true }),
      ZixflowModule.forRootAsync(zixflowConfig.asProvider()),
    ]);

    await ref.get(ZixflowWhatsappService).sendText({ to: CUSTOMER, text: { body: 'hi' } });

    expect(sandbox.lastRequest?.body).toMatchObject({ phoneId: 'from-env', to: '442079460958' });
    expect(sandbox.lastRequest?.headers.authorization).toBe(`Bearer ${sandbox.apiKey}`);
  });

  it('start-up fails without a key, naming apiKey and ZIXFLOW_API_KEY', async () => {
    const failure = boot([
      ConfigModule.forRoot({ ignoreEnvFile: true }),
      ZixflowModule.forRootAsync(zixflowConfig.asProvider()),
    ]);

    await expect(failure).rejects.toThrow(/apiKey is missing or empty.*ZIXFLOW_API_KEY/);
  });

  it('start-up fails with an empty key given to forRoot', async () => {
    await expect(boot([ZixflowModule.forRoot({ apiKey: '' })])).rejects.toThrow(/apiKey is missing or empty/);
  });

  it('a key with a stray newline fails start-up without printing the key', async () => {
    const key = 'zx-secret-with-newline-0042';
    const error: unknown = await boot([ZixflowModule.forRoot({ apiKey: `${key}\n` })]).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/apiKey contains whitespace/);
    expect(`${String(error)} ${(error as Error).stack ?? ''}`).not.toContain(key);
  });

  it('start-up fails on an invalid ZIXFLOW_TIMEOUT_MS', async () => {
    process.env.ZIXFLOW_API_KEY = 'k';
    process.env.ZIXFLOW_TIMEOUT_MS = 'soon';
    const failure = boot([
      ConfigModule.forRoot({ ignoreEnvFile: true }),
      ZixflowModule.forRootAsync(zixflowConfig.asProvider()),
    ]);

    await expect(failure).rejects.toThrow(/timeoutMs \(ZIXFLOW_TIMEOUT_MS\) must be a whole number/);
  });

  it('does not share interceptors or defaults with the app’s own axios', async () => {
    const ref = await boot([
      ZixflowModule.forRoot({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, defaultPhoneId: 'p' }),
    ]);
    const axios = (await import('axios')).default;
    const interceptor = axios.interceptors.request.use((config) => {
      config.headers.set('x-app-interceptor', 'yes');
      return config;
    });
    try {
      await ref.get(ZixflowWhatsappService).sendText({ to: CUSTOMER, text: { body: 'hi' } });
    } finally {
      axios.interceptors.request.eject(interceptor);
    }

    expect(sandbox.lastRequest?.headers['x-app-interceptor']).toBeUndefined();
    expect(sandbox.lastRequest?.headers.connection).toBe('keep-alive');
  });
});
