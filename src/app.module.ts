import { DynamicModule, Module } from '@nestjs/common';
import { ConditionalModule, ConfigModule, ConfigService } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ExampleModule } from './example/example.module';
import { SandboxModeModule } from './sandbox-mode/sandbox-mode.module';
import { ZixflowModule, zixflowConfig, ZixflowModuleOptions } from './zixflow';
import { ZixflowBotModule } from './zixflow/bot';
import { ZixflowSandbox } from './zixflow/testing';
import { ZixflowWebhooksModule, zixflowWebhooksConfig } from './zixflow/webhooks';

/** How the example app is assembled. */
export interface AppModuleOptions {
  /** The embedded sandbox when running without credentials; adds the `/sandbox/*` routes. */
  sandbox?: ZixflowSandbox;
}

/**
 * Webhooks are mounted whenever a secret is configured. Without one the app still sends (the
 * library refuses to open the webhook routes unprotected), and `main.ts` says that the bot is off.
 * A blank-but-set value is let through on purpose, so the module's start-up check names the problem.
 */
function hasWebhookSecret(env: NodeJS.ProcessEnv): boolean {
  return env.ZIXFLOW_WEBHOOK_SECRET !== undefined && env.ZIXFLOW_WEBHOOK_SECRET !== '';
}

/**
 * The example application: `ZixflowModule` registered once, globally, from `@nestjs/config`
 * (`ZIXFLOW_*` variables read by `zixflowConfig`), `ZixflowWebhooksModule` for incoming messages
 * and delivery reports (`ZIXFLOW_WEBHOOK_SECRET`, read by `zixflowWebhooksConfig`),
 * `ZixflowBotModule` to run the support bot on those messages (conversations kept in memory), plus
 * the example's controllers, listeners, bot and dialogs.
 */
@Module({})
export class AppModule {
  /** Builds the app module; `main.ts` passes the sandbox in sandbox mode. */
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    // Registered first: in sandbox mode it provides the webhook secret that the condition below reads.
    const sandboxMode = options.sandbox ? [SandboxModeModule.register(options.sandbox)] : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, load: [zixflowConfig, zixflowWebhooksConfig] }),
        EventEmitterModule.forRoot(),
        ZixflowModule.forRootAsync({
          isGlobal: true,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => config.getOrThrow<ZixflowModuleOptions>('zixflow'),
        }),
        ConditionalModule.registerWhen(
          ZixflowWebhooksModule.forRootAsync(zixflowWebhooksConfig.asProvider()),
          hasWebhookSecret,
        ),
        ZixflowBotModule.forRoot({}),
        ExampleModule,
        ...sandboxMode,
      ],
    };
  }
}
