import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ZixflowSandbox } from '../zixflow/testing';
import { SandboxAppConnector } from './sandbox-app.connector';
import { SANDBOX } from './sandbox-mode.constants';
import { SandboxController } from './sandbox.controller';
import { ensureSandboxWebhookSecret } from './start-sandbox-mode';

/** Stops the embedded sandbox with the app, so Ctrl-C releases its port too. */
@Injectable()
class SandboxLifecycle implements OnApplicationShutdown {
  constructor(@Inject(SANDBOX) private readonly sandbox: ZixflowSandbox) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox.stop();
  }
}

/**
 * Mounted only when the example runs without `ZIXFLOW_API_KEY`: exposes the embedded sandbox's
 * sent messages over HTTP, lets a person play a customer, and connects the sandbox's inbox page to
 * this app's webhook. With a real key this module is not imported, so none of it exists.
 */
@Module({})
export class SandboxModeModule {
  /**
   * Binds the routes to a running sandbox. Also makes sure a webhook secret exists (generated when
   * `ZIXFLOW_WEBHOOK_SECRET` is unset), so the webhook routes and the support bot run in sandbox
   * mode too; call it before the app's config is read.
   */
  static register(sandbox: ZixflowSandbox): DynamicModule {
    ensureSandboxWebhookSecret();
    return {
      module: SandboxModeModule,
      controllers: [SandboxController],
      providers: [{ provide: SANDBOX, useValue: sandbox }, SandboxLifecycle, SandboxAppConnector],
    };
  }
}
