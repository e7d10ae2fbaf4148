import type { ConfigurableModuleAsyncOptions } from '@nestjs/common';
import type { ZixflowBotModuleOptions } from '../bot';
import type { ZixflowWebhooksModuleOptions } from '../webhooks';
import { ZixflowRedisInbound } from './inbound/zixflow-redis-inbound';
import { ZixflowRedisBotTimers } from './stores/zixflow-redis-bot-timers';
import { ZixflowRedisConversationStore } from './stores/zixflow-redis-conversation.store';
import { ZixflowRedisReplyLog } from './stores/zixflow-redis-reply-log';

/** The `forRootAsync` options of a module (Nest's own type). */
type AsyncOptions<T> = Pick<ConfigurableModuleAsyncOptions<T>, 'imports' | 'inject' | 'useFactory'>;

/**
 * `ZixflowBotModule.forRootAsync(zixflowRedisBotOptions())`: the bot's conversations, reply log and
 * dialog timers on the app's `ZixflowRedisModule`; `options` adds the bot's other options.
 */
export function zixflowRedisBotOptions(
  options: Omit<ZixflowBotModuleOptions, 'store' | 'replyLog' | 'timers'> = {},
): AsyncOptions<ZixflowBotModuleOptions> {
  return {
    inject: [ZixflowRedisConversationStore, ZixflowRedisReplyLog, ZixflowRedisBotTimers],
    useFactory: (
      store: ZixflowRedisConversationStore,
      replyLog: ZixflowRedisReplyLog,
      timers: ZixflowRedisBotTimers,
    ) => ({
      ...options,
      store,
      replyLog,
      timers,
    }),
  };
}

/**
 * `ZixflowWebhooksModule.forRootAsync(zixflowRedisWebhooksOptions(…))`: the webhook options (given,
 * or made by your own factory, e.g. `zixflowWebhooksConfig.asProvider()`) with the durable inbound
 * pipeline of the app's `ZixflowRedisModule` as `inbound`.
 */
export function zixflowRedisWebhooksOptions(
  options: ZixflowWebhooksModuleOptions | AsyncOptions<ZixflowWebhooksModuleOptions>,
): AsyncOptions<ZixflowWebhooksModuleOptions> {
  const base: AsyncOptions<ZixflowWebhooksModuleOptions> =
    'useFactory' in options && options.useFactory !== undefined
      ? options
      : { useFactory: () => options as ZixflowWebhooksModuleOptions };
  const inject = base.inject ?? [];
  return {
    ...base,
    inject: [...inject, ZixflowRedisInbound],
    useFactory: async (...args: unknown[]) => {
      const made = await (base.useFactory as (...values: unknown[]) => ZixflowWebhooksModuleOptions)(
        ...args.slice(0, inject.length),
      );
      return { ...made, inbound: args[inject.length] as ZixflowRedisInbound };
    },
  };
}
