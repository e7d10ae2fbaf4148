import { Module } from '@nestjs/common';
import { createZixflowHttpService } from './delivery/http/create-zixflow-axios';
import { ZixflowDelivery } from './delivery/zixflow-delivery';
import { ZixflowHttpTransport } from './delivery/http/zixflow-http.transport';
import { ZixflowPacer } from './delivery/pacing/zixflow-pacer';
import { ZixflowTemplateVariablesReader } from './templates/zixflow-template-variables.reader';
import { ZixflowDataReader } from './data/zixflow-data.reader';
import { ZIXFLOW_HTTP_SERVICE, ZIXFLOW_RESOLVED_OPTIONS } from './zixflow.constants';
import { ZixflowConfigurableModuleClass, ZIXFLOW_MODULE_OPTIONS } from './zixflow.module-definition';
import { resolveZixflowOptions, ResolvedZixflowOptions } from './options/zixflow-options.schema';
import { ZixflowModuleOptions } from './options/zixflow-options.interface';

/**
 * Zixflow WhatsApp for NestJS. Register it once with `ZixflowModule.forRoot({ apiKey })` or
 * `ZixflowModule.forRootAsync(zixflowConfig.asProvider())` (add `isGlobal: true` to use it from
 * every module), then inject {@link ZixflowWhatsappService}. For more accounts, add registrations
 * with a `name` (`ZixflowModule.forRoot({ name: 'brand-b', apiKey })`) and inject them with
 * `@InjectZixflow('brand-b')`; see docs/accounts.md.
 *
 * The options are checked while the module is instantiated, so a missing `apiKey` stops start-up
 * with a message naming `apiKey` / `ZIXFLOW_API_KEY`.
 */
@Module({
  providers: [
    {
      provide: ZIXFLOW_RESOLVED_OPTIONS,
      useFactory: (options: ZixflowModuleOptions) => resolveZixflowOptions(options),
      inject: [ZIXFLOW_MODULE_OPTIONS],
    },
    {
      provide: ZIXFLOW_HTTP_SERVICE,
      useFactory: (options: ResolvedZixflowOptions) => createZixflowHttpService(options),
      inject: [ZIXFLOW_RESOLVED_OPTIONS],
    },
    ZixflowHttpTransport,
    ZixflowPacer,
    ZixflowDelivery,
    ZixflowTemplateVariablesReader,
    ZixflowDataReader,
  ],
  // The service and its export are per registration (zixflow.module-definition.ts): the class, or the name's token.
})
export class ZixflowModule extends ZixflowConfigurableModuleClass {}
