import { ConfigurableModuleBuilder } from '@nestjs/common';
import { ZixflowModuleOptions } from './options/zixflow-options.interface';

/** Extra `forRoot`/`forRootAsync` options that shape the module itself rather than the client. */
export interface ZixflowModuleExtras {
  /** Register the module globally so feature modules can inject the service without importing it. */
  isGlobal?: boolean;
}

/**
 * The generated module base class and tokens. `ZIXFLOW_MODULE_OPTIONS` is the injection token of
 * the options exactly as given to `forRoot` / produced by `forRootAsync`.
 */
export const {
  ConfigurableModuleClass: ZixflowConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ZIXFLOW_MODULE_OPTIONS,
  OPTIONS_TYPE: ZIXFLOW_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ZIXFLOW_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ZixflowModuleOptions>({ moduleName: 'Zixflow' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createZixflowOptions')
  .setExtras<ZixflowModuleExtras>({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
