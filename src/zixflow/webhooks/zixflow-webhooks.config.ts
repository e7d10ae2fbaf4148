import { registerAs } from '@nestjs/config';
import { ZixflowWebhooksModuleOptions } from './zixflow-webhooks-options.interface';

/**
 * `@nestjs/config` namespace `zixflowWebhooks`, read from `ZIXFLOW_WEBHOOK_SECRET`. Use it as
 * `ZixflowWebhooksModule.forRootAsync(zixflowWebhooksConfig.asProvider())`. An unset secret is
 * passed on empty so the module's start-up check refuses it by name.
 */
export const zixflowWebhooksConfig = registerAs('zixflowWebhooks', (): ZixflowWebhooksModuleOptions => ({
  // Trimmed because a pasted value often carries a newline that Zixflow's header would not.
  secret: process.env.ZIXFLOW_WEBHOOK_SECRET?.trim() ?? '',
}));
