import { Controller, DynamicModule, Get, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { SandboxSentMessage, ZixflowSandbox } from '../zixflow/testing';

const SANDBOX = Symbol('SANDBOX');

/** One accepted message as `GET /sandbox/messages` lists it. */
interface ListedMessage {
  messageId: string;
  receivedAt: string;
  path: string;
  body: Record<string, unknown>;
}

function toListed(message: SandboxSentMessage): ListedMessage {
  return { messageId: message.messageId, receivedAt: message.receivedAt.toISOString(), path: message.path, body: message.body };
}

/** Lets a person see what the app "sent" while it runs against the embedded sandbox. */
@Controller('sandbox')
class SandboxController {
  constructor(@Inject(SANDBOX) private readonly sandbox: ZixflowSandbox) {}

  /** Messages the sandbox accepted, newest first. */
  @Get('messages')
  list(): ListedMessage[] {
    return [...this.sandbox.messages].reverse().map(toListed);
  }
}

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
 * inbox over HTTP. With a real key this module is not imported, so the route does not exist.
 */
@Module({})
export class SandboxModeModule {
  /** Binds the routes to a running sandbox. */
  static register(sandbox: ZixflowSandbox): DynamicModule {
    return {
      module: SandboxModeModule,
      controllers: [SandboxController],
      providers: [{ provide: SANDBOX, useValue: sandbox }, SandboxLifecycle],
    };
  }
}
