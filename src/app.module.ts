import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ExampleModule } from './example/example.module';
import { SandboxModeModule } from './sandbox-mode/sandbox-mode.module';
import { ZixflowModule, zixflowConfig, ZixflowModuleOptions } from './zixflow';
import { conversationModules } from './example/conversations.modules';
import { ZixflowSandbox } from './zixflow/testing';
import { zixflowWebhooksConfig } from './zixflow/webhooks';

/** How the example app is assembled. */
export interface AppModuleOptions {
  /** The embedded sandbox when running without credentials; adds the `/sandbox/*` routes. */
  sandbox?: ZixflowSandbox;
}

/**
 * The example application: `ZixflowModule` registered once, globally, from `@nestjs/config`
 * (`ZIXFLOW_*` variables read by `zixflowConfig`), `ZixflowWebhooksModule` for incoming messages
 * and delivery reports (`ZIXFLOW_WEBHOOK_SECRET`, read by `zixflowWebhooksConfig`),
 * `ZixflowBotModule` to run the support bot on those messages (in memory, or on Redis with
 * `REDIS_URL`: see `conversationModules`), plus
 * the example's controllers, listeners, bot and dialogs.
 */
@Module({})
export class AppModule {
  /** Builds the app module; `main.ts` passes the sandbox in sandbox mode. */
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    // Registered first: in sandbox mode it provides the webhook secret that the decisions below read.
    const sandboxMode = options.sandbox ? [SandboxModeModule.register(options.sandbox)] : [];
    // forRoot reads .env into process.env at once, so REDIS_URL and ZIXFLOW_WEBHOOK_SECRET from a
    // .env file count in the plain decisions of conversationModules() and ExampleModule.register().
    const config = ConfigModule.forRoot({ isGlobal: true, load: [zixflowConfig, zixflowWebhooksConfig] });
    return {
      module: AppModule,
      imports: [
        config,
        EventEmitterModule.forRoot(),
        ZixflowModule.forRootAsync({
          isGlobal: true,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => config.getOrThrow<ZixflowModuleOptions>('zixflow'),
        }),
        ...conversationModules(),
        ExampleModule.register(),
        ...sandboxMode,
      ],
    };
  }
}
