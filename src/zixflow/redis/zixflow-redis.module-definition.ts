import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { ZixflowRedisModuleOptions } from './zixflow-redis-options.interface';

/** The builder behind `ZixflowRedisModule.forRoot` / `forRootAsync`. */
export const {
  ConfigurableModuleClass: ZixflowRedisConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ZIXFLOW_REDIS_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<ZixflowRedisModuleOptions>()
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createZixflowRedisOptions')
  .build();
