import { ConfigurableModuleBuilder } from '@nestjs/common';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { createZixflowWebhooksController } from './http/create-zixflow-webhooks.controller';
import { ZIXFLOW_WEBHOOKS_DEFAULT_PATH } from './zixflow-webhooks.constants';
import { ZixflowWebhooksModuleOptions } from './zixflow-webhooks-options.interface';

/**
 * `forRoot` / `forRootAsync` options that shape the module itself. The route prefix lives here, not
 * in the (possibly async) options, because Nest needs a controller's path when the module is built.
 */
export interface ZixflowWebhooksModuleExtras {
  /** Route prefix of the webhook controller. Default `zixflow/webhooks`. */
  path?: string;
}

/** Characters a route prefix may hold: path segments only, no query, fragment or route pattern. */
const ROUTE_PREFIX = /^[A-Za-z0-9._~/-]*$/;

function checkPath(path: unknown): string {
  if (path === undefined) {
    return ZIXFLOW_WEBHOOKS_DEFAULT_PATH;
  }
  if (typeof path !== 'string' || !ROUTE_PREFIX.test(path)) {
    throw new ZixflowConfigurationError(
      'ZixflowWebhooksModule: path must be a route prefix made of letters, digits and - . _ ~ /, e.g. zixflow/webhooks.',
    );
  }
  return path.replace(/^\/+|\/+$/g, '');
}

/**
 * The generated module base class and tokens. `ZIXFLOW_WEBHOOKS_MODULE_OPTIONS` is the injection
 * token of the options exactly as given to `forRoot` / produced by `forRootAsync`.
 */
export const {
  ConfigurableModuleClass: ZixflowWebhooksConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ZIXFLOW_WEBHOOKS_MODULE_OPTIONS,
  OPTIONS_TYPE: ZIXFLOW_WEBHOOKS_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: ZIXFLOW_WEBHOOKS_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ZixflowWebhooksModuleOptions>({ moduleName: 'ZixflowWebhooks' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createZixflowWebhooksOptions')
  .setExtras<ZixflowWebhooksModuleExtras>({ path: ZIXFLOW_WEBHOOKS_DEFAULT_PATH }, (definition, extras) => ({
    ...definition,
    controllers: [...(definition.controllers ?? []), createZixflowWebhooksController(checkPath(extras.path))],
  }))
  .build();
