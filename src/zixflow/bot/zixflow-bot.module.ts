import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { ZixflowEvents, type ZixflowIncomingMessage } from '../webhooks';
import { ZixflowBotExplorer } from './discovery/zixflow-bot.explorer';
import { ZixflowConversationStore } from './sessions/zixflow-conversation-store.interface';
import { ZixflowInMemoryConversationStore } from './sessions/zixflow-in-memory-conversation.store';
import { ZixflowBotRunner } from './turns/zixflow-bot.runner';
import { ZIXFLOW_BOT_EMITTER, ZIXFLOW_BOT_RESOLVED_OPTIONS } from './zixflow-bot.constants';
import {
  ZixflowBotConfigurableModuleClass,
  ZIXFLOW_BOT_MODULE_OPTIONS,
  ZIXFLOW_BOT_OPTIONS_TYPE,
} from './zixflow-bot.module-definition';
import type { ResolvedZixflowBotOptions } from './zixflow-bot-options.interface';
import { resolveZixflowBotOptions } from './zixflow-bot-options.schema';

function requireEmitter(emitter: EventEmitter2 | undefined): EventEmitter2 {
  if (emitter === undefined) {
    throw new ZixflowConfigurationError(
      'ZixflowBotModule receives messages through @nestjs/event-emitter: add EventEmitterModule.forRoot() and ZixflowWebhooksModule to your application module imports.',
    );
  }
  return emitter;
}

/**
 * WhatsApp bots: `@ZixflowBot()` providers with routing decorators, `@ZixflowDialog()` dialogs,
 * sessions in a {@link ZixflowConversationStore}, one turn at a time per customer. Import it next
 * to `ZixflowModule` and `ZixflowWebhooksModule`, whose incoming messages it answers.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: ZIXFLOW_BOT_RESOLVED_OPTIONS,
      useFactory: resolveZixflowBotOptions,
      inject: [ZIXFLOW_BOT_MODULE_OPTIONS],
    },
    {
      provide: ZixflowConversationStore,
      useFactory: (options: ResolvedZixflowBotOptions) =>
        options.store ?? new ZixflowInMemoryConversationStore({ now: () => options.clock.now() }),
      inject: [ZIXFLOW_BOT_RESOLVED_OPTIONS],
    },
    { provide: ZIXFLOW_BOT_EMITTER, useFactory: requireEmitter, inject: [{ token: EventEmitter2, optional: true }] },
    ZixflowBotExplorer,
    ZixflowBotRunner,
  ],
  exports: [ZixflowBotRunner, ZixflowConversationStore],
})
export class ZixflowBotModule
  extends ZixflowBotConfigurableModuleClass
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  // Returning the turn lets a durable pipeline (emitAsync) wait for it, and retry it when it fails.
  /** Registers the bot; every option has a default, so `forRoot()` alone is enough. */
  static forRoot(options: typeof ZIXFLOW_BOT_OPTIONS_TYPE = {}): DynamicModule {
    return super.forRoot(options);
  }

  private readonly listener = (incoming: ZixflowIncomingMessage): Promise<void> => this.runner.process(incoming);

  constructor(
    private readonly runner: ZixflowBotRunner,
    @Inject(ZIXFLOW_BOT_EMITTER) private readonly emitter: EventEmitter2,
  ) {
    super();
  }

  /** Starts answering incoming messages. */
  onApplicationBootstrap(): void {
    this.emitter.on(ZixflowEvents.MessageReceived, this.listener);
  }

  /** Stops listening, so a closed app leaves nothing on a shared emitter. */
  onApplicationShutdown(): void {
    this.emitter.off(ZixflowEvents.MessageReceived, this.listener);
  }
}
