import { registerAs } from '@nestjs/config';
import { readEnvOptions } from '../core/options';
import { ZixflowWebhooksModuleOptions } from './zixflow-webhooks-options.interface';
import { ZIXFLOW_WEBHOOKS_OPTION_FIELDS, ZIXFLOW_WEBHOOKS_OPTIONS_OWNER } from './zixflow-webhooks-options.schema';

/**
 * `@nestjs/config` namespace `zixflowWebhooks`, read from `ZIXFLOW_WEBHOOK_SECRET`. Use it as
 * `ZixflowWebhooksModule.forRootAsync(zixflowWebhooksConfig.asProvider())`. An unset secret is
 * passed on empty so the module's start-up check refuses it by name.
 */
export const zixflowWebhooksConfig = registerAs('zixflowWebhooks', (): ZixflowWebhooksModuleOptions => {
  // Read like every variable of the library: trimmed, because a pasted value often carries a newline
  // that Zixflow's header would not, and blank meaning unset.
  const env = readEnvOptions(ZIXFLOW_WEBHOOKS_OPTIONS_OWNER, ZIXFLOW_WEBHOOKS_OPTION_FIELDS);
  return { ...env, secret: env.secret ?? '' };
});
