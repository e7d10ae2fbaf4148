import { ConfigurableModuleBuilder, DynamicModule } from '@nestjs/common';
import { checkZixflowAccountName } from './accounts/zixflow-account-name';
import type { ZixflowRegistration } from './accounts/zixflow-registration.interface';
import { getZixflowServiceToken } from './accounts/zixflow-service-token';
import { createZixflowService } from './accounts/create-zixflow-service';
import { ZixflowModuleOptions } from './options/zixflow-options.interface';
import { ZIXFLOW_REGISTRATION } from './zixflow.constants';
import { ZixflowWhatsappService } from './zixflow-whatsapp.service';

/** Extra `forRoot`/`forRootAsync` options that shape the module itself rather than the client. */
export interface ZixflowModuleExtras {
  /** Register the module globally so feature modules can inject the service without importing it. */
  isGlobal?: boolean;
  /**
   * Names this registration, for an app with several Zixflow accounts: its service is injected with
   * `@InjectZixflow(name)` (token `getZixflowServiceToken(name)`), not by type, and webhooks, bot
   * replies and queue jobs of account `name` go through it. Letters, digits and `- . _ ~`, at most
   * 64 characters. Default: none, the registration `ZixflowWhatsappService` is injected as.
   */
  name?: string;
}

/**
 * Provides the service under its name's token only (the default registration under the class), so
 * `app.get(ZixflowWhatsappService)` finds the default even when named registrations exist. The
 * whole chain (options check, HTTP client, pacer, delivery) is built inside that one provider, so
 * `overrideProvider(ZixflowWhatsappService)` in a test leaves nothing behind that checks options.
 */
function withAccount(definition: DynamicModule, name: string | undefined): DynamicModule {
  const token = getZixflowServiceToken(name);
  const service = {
    provide: token,
    useFactory: (options: ZixflowModuleOptions): ZixflowWhatsappService => createZixflowService(options).service,
    inject: [ZIXFLOW_MODULE_OPTIONS],
  };
  const registration = {
    provide: ZIXFLOW_REGISTRATION,
    useFactory: (service: ZixflowWhatsappService): ZixflowRegistration => ({ name, service }),
    inject: [token],
  };
  return {
    ...definition,
    providers: [...(definition.providers ?? []), service, registration],
    exports: [...(definition.exports ?? []), token],
  };
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
  .setExtras<ZixflowModuleExtras>({ isGlobal: false, name: undefined }, (definition, extras) => {
    const name = extras.name === undefined ? undefined : checkZixflowAccountName(extras.name, 'ZixflowModule: name');
    return withAccount({ ...definition, global: extras.isGlobal }, name);
  })
  .build();
