import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ExampleModule } from './example/example.module';
import { SandboxModeModule } from './sandbox-mode/sandbox-mode.module';
import { ZixflowModule, zixflowConfig, ZixflowModuleOptions } from './zixflow';
import { ZixflowSandbox } from './zixflow/testing';

/** How the example app is assembled. */
export interface AppModuleOptions {
  /** The embedded sandbox when running without credentials; adds `GET /sandbox/messages`. */
  sandbox?: ZixflowSandbox;
}

/**
 * The example application: `ZixflowModule` registered once, globally, from `@nestjs/config`
 * (`ZIXFLOW_*` variables read by `zixflowConfig`), plus the example's controllers and listeners.
 */
@Module({})
export class AppModule {
  /** Builds the app module; `main.ts` passes the sandbox in sandbox mode. */
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, load: [zixflowConfig] }),
        EventEmitterModule.forRoot(),
        ZixflowModule.forRootAsync({
          isGlobal: true,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => config.getOrThrow<ZixflowModuleOptions>('zixflow'),
        }),
        ExampleModule,
        ...(options.sandbox ? [SandboxModeModule.register(options.sandbox)] : []),
      ],
    };
  }
}
