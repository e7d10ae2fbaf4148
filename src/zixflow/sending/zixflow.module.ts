import { Module } from '@nestjs/common';
import { ZixflowConfigurableModuleClass } from './zixflow.module-definition';

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
// The service and its export are per registration (zixflow.module-definition.ts): the class, or the name's token.
@Module({})
export class ZixflowModule extends ZixflowConfigurableModuleClass {}
