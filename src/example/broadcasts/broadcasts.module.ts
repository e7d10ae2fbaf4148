import { DynamicModule, Module } from '@nestjs/common';
import { ZixflowQueueModule, zixflowQueueConfig } from '../../zixflow/queue';
import { BroadcastsController } from './broadcasts.controller';

/** The queue is on when `REDIS_URL` holds a value; an unset, empty or blank one leaves it off. */
function hasRedisUrl(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.REDIS_URL?.trim());
}

/**
 * `POST /broadcasts`, with the durable queue (`ZixflowQueueModule`, configured by `REDIS_URL` and
 * the `ZIXFLOW_QUEUE_*` variables) loaded only when `REDIS_URL` is set. A plain decision taken when
 * `register()` is called: call it after `ConfigModule.forRoot()`, which has read `.env` into
 * `process.env` by then (it does so synchronously).
 */
@Module({})
export class BroadcastsModule {
  /** Builds the module, with the queue when `env.REDIS_URL` is set. */
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: BroadcastsModule,
      imports: hasRedisUrl(env) ? [ZixflowQueueModule.forRootAsync(zixflowQueueConfig.asProvider())] : [],
      controllers: [BroadcastsController],
    };
  }
}
