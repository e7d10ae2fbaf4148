import {
  BeforeApplicationShutdown,
  Global,
  Inject,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Redis } from 'ioredis';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { ZixflowRedisInbound } from './inbound/zixflow-redis-inbound';
import { ZixflowRedisConversationStore } from './stores/zixflow-redis-conversation.store';
import { ZixflowRedisDedupeStore } from './stores/zixflow-redis-dedupe.store';
import { ZixflowRedisBotTimers } from './stores/zixflow-redis-bot-timers';
import { ZixflowRedisReplyLog } from './stores/zixflow-redis-reply-log';
import { ZIXFLOW_REDIS_CONNECTION, ZIXFLOW_REDIS_RESOLVED_OPTIONS } from './zixflow-redis.constants';
import { ZixflowRedisEvents } from './zixflow-redis.events';
import { ZixflowRedisConfigurableModuleClass, ZIXFLOW_REDIS_MODULE_OPTIONS } from './zixflow-redis.module-definition';
import { ResolvedZixflowRedisOptions, resolveZixflowRedisOptions } from './zixflow-redis-options.schema';

/**
 * How long ioredis waits for a closing socket before destroying it. Its default, 2 s, is a live
 * timer after the app closed while Redis was down (the socket it waits for is already gone), which
 * held the process (and Jest) open for 2 s after shutdown. A closing socket needs far less.
 */
const DISCONNECT_TIMEOUT_MS = 100;

/** The connection options every client of the module is made from (its own and the timers' BullMQ ones). */
function clientOptions(options: ResolvedZixflowRedisOptions): ResolvedZixflowRedisOptions['connection'] {
  return { disconnectTimeout: DISCONNECT_TIMEOUT_MS, ...options.connection };
}

function connect(options: ResolvedZixflowRedisOptions): Redis {
  // Commands wait while Redis is down (webhooks answer 503 once a command fails), and fail fast
  // enough for that: a bounded number of retries per command instead of ioredis's 20.
  return new Redis({
    ...clientOptions(options),
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
}

/**
 * Runs the inbound side on Redis so several instances behave as one: `ZixflowRedisInbound` (give it
 * as `inbound` to `ZixflowWebhooksModule`: answered only once stored, handled in order per
 * conversation by one instance at a time), `ZixflowRedisConversationStore` (give it as `store` to
 * `ZixflowBotModule`) and `ZixflowRedisDedupeStore`. Global, so the other modules' `forRootAsync`
 * can inject them:
 *
 * ```ts
 * ZixflowRedisModule.forRoot({ connection: process.env.REDIS_URL }),
 * ZixflowWebhooksModule.forRootAsync({ inject: [ZixflowRedisInbound], useFactory: (inbound) => ({ secret, inbound }) }),
 * ZixflowBotModule.forRootAsync({
 *   inject: [ZixflowRedisConversationStore, ZixflowRedisReplyLog, ZixflowRedisBotTimers],
 *   useFactory: (store, replyLog, timers) => ({ store, replyLog, timers }),
 * }),
 * ```
 */
@Global()
@Module({
  providers: [
    {
      provide: ZIXFLOW_REDIS_RESOLVED_OPTIONS,
      useFactory: resolveZixflowRedisOptions,
      inject: [ZIXFLOW_REDIS_MODULE_OPTIONS],
    },
    { provide: ZIXFLOW_REDIS_CONNECTION, useFactory: connect, inject: [ZIXFLOW_REDIS_RESOLVED_OPTIONS] },
    {
      provide: ZixflowRedisInbound,
      useFactory: (redis: Redis, options: ResolvedZixflowRedisOptions) =>
        new ZixflowRedisInbound(redis, options.prefix, options.dedupeTtlMs, options.inbound),
      inject: [ZIXFLOW_REDIS_CONNECTION, ZIXFLOW_REDIS_RESOLVED_OPTIONS],
    },
    {
      provide: ZixflowRedisConversationStore,
      useFactory: (redis: Redis, options: ResolvedZixflowRedisOptions) =>
        new ZixflowRedisConversationStore(redis, options.prefix),
      inject: [ZIXFLOW_REDIS_CONNECTION, ZIXFLOW_REDIS_RESOLVED_OPTIONS],
    },
    {
      provide: ZixflowRedisReplyLog,
      useFactory: (redis: Redis, options: ResolvedZixflowRedisOptions) =>
        new ZixflowRedisReplyLog(redis, options.prefix),
      inject: [ZIXFLOW_REDIS_CONNECTION, ZIXFLOW_REDIS_RESOLVED_OPTIONS],
    },
    {
      provide: ZixflowRedisBotTimers,
      useFactory: (options: ResolvedZixflowRedisOptions) =>
        new ZixflowRedisBotTimers(clientOptions(options), `${options.prefix}-bot-timers`, 'bull'),
      inject: [ZIXFLOW_REDIS_RESOLVED_OPTIONS],
    },
    {
      provide: ZixflowRedisDedupeStore,
      useFactory: (redis: Redis, options: ResolvedZixflowRedisOptions) =>
        new ZixflowRedisDedupeStore(redis, options.prefix),
      inject: [ZIXFLOW_REDIS_CONNECTION, ZIXFLOW_REDIS_RESOLVED_OPTIONS],
    },
  ],
  exports: [
    ZixflowRedisInbound,
    ZixflowRedisConversationStore,
    ZixflowRedisDedupeStore,
    ZixflowRedisReplyLog,
    ZixflowRedisBotTimers,
  ],
})
export class ZixflowRedisModule
  extends ZixflowRedisConfigurableModuleClass
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    private readonly inbound: ZixflowRedisInbound,
    private readonly timers: ZixflowRedisBotTimers,
    @Inject(ZIXFLOW_REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(ZIXFLOW_REDIS_RESOLVED_OPTIONS) private readonly options: ResolvedZixflowRedisOptions,
    @Optional() private readonly emitter?: EventEmitter2,
  ) {
    super();
  }

  /** Starts this instance's inbound workers, once every handler is subscribed. */
  onApplicationBootstrap(): void {
    if (this.options.inbound === false) return;
    const emitter = this.emitter;
    if (emitter === undefined) {
      throw new ZixflowConfigurationError(
        'ZixflowRedisModule handles inbound events through @nestjs/event-emitter: add EventEmitterModule.forRoot(), or set inbound: false.',
      );
    }
    this.inbound.deadLetterListener = (event) => emitter.emit(ZixflowRedisEvents.DeadLettered, event);
    this.inbound.start(emitter);
  }

  /** Lets the events being handled finish (their replies go out) before the app closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.inbound.stop();
  }

  /** Closes the connection last. */
  async onApplicationShutdown(): Promise<void> {
    await this.timers.stop();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
