import type { DynamicModule, INestApplication, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
// Types from the files that declare them, not the bot entry: the entry's types name
// @nestjs/event-emitter, which apps that only use the sandbox need not install.
import type { ZixflowBotModuleOptions } from '../../bot/zixflow-bot-options.interface';
import type { ZixflowConversationStore } from '../../bot/sessions/zixflow-conversation-store.interface';
import { ZixflowSandbox } from '../zixflow-sandbox';
import { ZixflowBotTestChat } from './zixflow-bot-test-chat';
import { ZixflowFakeClock } from './zixflow-fake-clock';

/** What the testbed boots: your bot providers and what they need. */
export interface ZixflowBotTestbedOptions {
  /** Your bots, dialogs and the services they inject. */
  providers: Provider[];
  /** Modules they need. */
  imports?: Array<Type | DynamicModule>;
  /** Bot options; `store` and `clock` default to the testbed's own, kept across `restart()`. */
  bot?: ZixflowBotModuleOptions;
  /** Overrides applied to the testing module, e.g. a repository replaced by a fake. */
  overrides?: Array<{ provide: unknown; useValue: unknown }>;
  /**
   * Which Zixflow API the bot's `ZixflowModule` speaks: `'campaign'` (default) or `'ai'`, which the
   * sandbox serves too and which the kinds only the AI API has (stickers, reactions, …) need.
   */
  api?: 'campaign' | 'ai';
}

/**
 * The modules the testbed boots, loaded when a testbed is created: `nestjs-zixflow/testing` must
 * load in apps without `@nestjs/event-emitter` or `@nestjs/testing` (they only use the sandbox).
 */
async function loadModules() {
  const [{ EventEmitterModule }, { Test }, { ZixflowModule }, bot, { ZixflowWebhooksModule }] = await Promise.all([
    import('@nestjs/event-emitter'),
    import('@nestjs/testing'),
    import('../../index'),
    import('../../bot'),
    import('../../webhooks'),
  ]);
  return { EventEmitterModule, Test, ZixflowModule, bot, ZixflowWebhooksModule };
}

type TestbedModules = Awaited<ReturnType<typeof loadModules>>;

/**
 * A conversation test harness: boots your bot in a real Nest application on 127.0.0.1, with the
 * real `ZixflowModule`, webhooks and bot modules against a {@link ZixflowSandbox}, an in-memory
 * store and a fake clock. `chat(number)` talks to it as a customer would (over the webhook), each
 * step resolving with the bot's replies once its turn is done; `restart()` boots a new app on the
 * same store, as a deploy would.
 */
export class ZixflowBotTestbed {
  /** The fake clock: `clock.advance(ms)` fires idle time-outs and nudges. */
  readonly clock: ZixflowFakeClock;
  /** The conversation store, shared by every app this testbed boots. */
  readonly store: ZixflowConversationStore;
  private app!: INestApplication;

  private constructor(
    readonly sandbox: ZixflowSandbox,
    private readonly options: ZixflowBotTestbedOptions,
    private readonly secret: string,
    private readonly modules: TestbedModules,
  ) {
    this.clock = (options.bot?.clock as ZixflowFakeClock | undefined) ?? new ZixflowFakeClock();
    this.store =
      options.bot?.store ?? new modules.bot.ZixflowInMemoryConversationStore({ now: () => this.clock.now() });
  }

  /** Starts the sandbox and your bot. Close it with {@link close}. */
  static async create(options: ZixflowBotTestbedOptions): Promise<ZixflowBotTestbed> {
    const modules = await loadModules();
    const sandbox = await ZixflowSandbox.start();
    const testbed = new ZixflowBotTestbed(sandbox, options, randomBytes(24).toString('hex'), modules);
    try {
      await testbed.boot();
    } catch (error) {
      await sandbox.stop();
      throw error;
    }
    return testbed;
  }

  /** The running application, e.g. to `get()` a provider. */
  get application(): INestApplication {
    return this.app;
  }

  /** A customer: say, tap and pick as they would, and read the transcript. */
  chat(number: string, name = 'Test Customer'): ZixflowBotTestChat {
    return new ZixflowBotTestChat(this, number, name);
  }

  /** Moves the fake clock forward and waits for what the timers started. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.settle();
  }

  /** Waits until every turn and timer reply has been handled. */
  async settle(): Promise<void> {
    // The webhook module emits one event-loop turn after answering; let that happen first.
    await new Promise((resolve) => setImmediate(resolve));
    await this.app.get(this.modules.bot.ZixflowBotRunner).whenIdle();
  }

  /** Closes the app and boots a new one on the same store and clock, as a restart or deploy would. */
  async restart(): Promise<void> {
    await this.app.close();
    await this.boot();
  }

  /** Stops the app and the sandbox. */
  async close(): Promise<void> {
    await this.app?.close();
    await this.sandbox.stop();
  }

  private async boot(): Promise<void> {
    const { EventEmitterModule, Test, ZixflowModule, ZixflowWebhooksModule, bot } = this.modules;
    const ZixflowBotModule = bot.ZixflowBotModule;
    const metadata: ModuleMetadata = {
      imports: [
        EventEmitterModule.forRoot(),
        ZixflowModule.forRoot({
          apiKey: this.sandbox.apiKey,
          baseUrl: this.sandbox.url,
          defaultPhoneId: this.sandbox.phoneId,
          ...(this.options.api === 'ai' && { api: 'ai' as const, workspaceId: this.sandbox.workspaceId }),
          isGlobal: true,
        }),
        ZixflowWebhooksModule.forRoot({ secret: this.secret }),
        ZixflowBotModule.forRoot({ ...this.options.bot, store: this.store, clock: this.clock }),
        ...(this.options.imports ?? []),
      ],
      providers: this.options.providers,
    };
    let builder = Test.createTestingModule(metadata);
    for (const override of this.options.overrides ?? []) {
      builder = builder.overrideProvider(override.provide).useValue(override.useValue);
    }
    const moduleRef = await builder.compile();
    this.app = moduleRef.createNestApplication({ logger: false });
    await this.app.listen(0, '127.0.0.1');
    const address = this.app.getHttpServer().address() as { port: number };
    this.sandbox.connectApp({
      incomingUrl: `http://127.0.0.1:${address.port}/zixflow/webhooks/incoming`,
      secret: this.secret,
    });
  }
}
