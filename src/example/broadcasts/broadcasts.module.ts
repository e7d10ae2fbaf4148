import { DynamicModule, Module } from '@nestjs/common';
import { ConditionalModule } from '@nestjs/config';
import { ZixflowQueueModule, zixflowQueueConfig } from '../../zixflow/queue';
import { BroadcastsController } from './broadcasts.controller';

/**
 * The queue is on when `REDIS_URL` holds a value. A function, because ConditionalModule's string
 * form counts an unset variable as true.
 */
function hasRedisUrl(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.REDIS_URL?.trim());
}

/**
 * `POST /broadcasts`, with the durable queue (`ZixflowQueueModule`, configured by `REDIS_URL` and
 * the `ZIXFLOW_QUEUE_*` variables) loaded only when `REDIS_URL` is set, after `.env` files are read.
 * Needs `ConfigModule.forRoot()` in the application.
 */
@Module({})
export class BroadcastsModule {
  /** Builds the module; the queue condition is evaluated when the application starts. */
  static register(): DynamicModule {
    return {
      module: BroadcastsModule,
      imports: [
        ConditionalModule.registerWhen(ZixflowQueueModule.forRootAsync(zixflowQueueConfig.asProvider()), hasRedisUrl),
      ],
      controllers: [BroadcastsController],
    };
  }
}
