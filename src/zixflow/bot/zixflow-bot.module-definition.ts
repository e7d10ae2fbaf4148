import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { ZixflowBotModuleOptions } from './zixflow-bot-options.interface';

/** The builder behind `ZixflowBotModule.forRoot` / `forRootAsync`. */
export const {
  ConfigurableModuleClass: ZixflowBotConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ZIXFLOW_BOT_MODULE_OPTIONS,
  OPTIONS_TYPE: ZIXFLOW_BOT_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ZIXFLOW_BOT_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ZixflowBotModuleOptions>()
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createZixflowBotOptions')
  .build();
