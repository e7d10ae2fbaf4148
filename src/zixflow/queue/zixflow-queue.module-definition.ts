import { ConfigurableModuleBuilder, DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { ZIXFLOW_QUEUE, ZIXFLOW_QUEUE_DEFAULT_NAME, ZIXFLOW_QUEUE_RESOLVED_OPTIONS } from './zixflow-queue.constants';
import { ZixflowQueueModuleOptions } from './zixflow-queue-options.interface';
import { ZixflowQueueOptionsModule } from './zixflow-queue-options.module';
import { resolveZixflowQueueOptions, ResolvedZixflowQueueOptions } from './zixflow-queue-options.schema';
import { getZixflowQueueToken } from './zixflow-queue.tokens';

/**
 * `forRoot` / `forRootAsync` options that shape the module itself. The queue name lives here, not in
 * the (possibly async) options, because the queue's injection token is derived from it when the
 * module is built.
 */
export interface ZixflowQueueModuleExtras {
  /** BullMQ queue name. Default `zixflow-whatsapp`. Producers and workers of one queue must agree on it. */
  queueName?: string;
  /** Register the module globally so every module can inject `ZixflowOutbox`. Default false. */
  isGlobal?: boolean;
}

const QUEUE_NAME = /^[A-Za-z0-9._-]{1,100}$/;

function checkQueueName(queueName: unknown): string {
  if (queueName === undefined) {
    return ZIXFLOW_QUEUE_DEFAULT_NAME;
  }
  if (typeof queueName !== 'string' || !QUEUE_NAME.test(queueName)) {
    throw new ZixflowConfigurationError(
      'ZixflowQueueModule: queueName must be 1 to 100 letters, digits and - . _ (no ":"), e.g. zixflow-whatsapp.',
    );
  }
  return queueName;
}

/**
 * Moves the options providers that ConfigurableModuleBuilder generated into an options module and
 * registers the BullMQ queue through `@nestjs/bullmq` with the checked options, so the queue has
 * `@nestjs/bullmq`'s token and lifecycle (closed on application shutdown).
 */
function wireQueue(definition: DynamicModule, extras: ZixflowQueueModuleExtras): DynamicModule {
  const queueName = checkQueueName(extras.queueName);
  const optionsModule: DynamicModule = {
    module: ZixflowQueueOptionsModule,
    imports: definition.imports ?? [],
    providers: [
      ...(definition.providers ?? []),
      {
        provide: ZIXFLOW_QUEUE_RESOLVED_OPTIONS,
        useFactory: resolveZixflowQueueOptions,
        inject: [ZIXFLOW_QUEUE_MODULE_OPTIONS],
      },
    ],
    exports: [ZIXFLOW_QUEUE_RESOLVED_OPTIONS],
  };
  const queueModule = BullModule.registerQueueAsync({
    name: queueName,
    imports: [optionsModule],
    inject: [ZIXFLOW_QUEUE_RESOLVED_OPTIONS],
    useFactory: (options: ResolvedZixflowQueueOptions) => options.queue,
  });
  return {
    module: definition.module,
    global: extras.isGlobal,
    imports: [optionsModule, queueModule],
    providers: [{ provide: ZIXFLOW_QUEUE, useExisting: getZixflowQueueToken(queueName) }],
    exports: [queueModule],
  };
}

/**
 * The generated module base class and tokens. `ZIXFLOW_QUEUE_MODULE_OPTIONS` is the injection token
 * of the options exactly as given to `forRoot` / produced by `forRootAsync`.
 */
export const {
  ConfigurableModuleClass: ZixflowQueueConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ZIXFLOW_QUEUE_MODULE_OPTIONS,
  OPTIONS_TYPE: ZIXFLOW_QUEUE_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ZIXFLOW_QUEUE_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ZixflowQueueModuleOptions>({ moduleName: 'ZixflowQueue' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createZixflowQueueOptions')
  .setExtras<ZixflowQueueModuleExtras>({ queueName: ZIXFLOW_QUEUE_DEFAULT_NAME, isGlobal: false }, wireQueue)
  .build();
