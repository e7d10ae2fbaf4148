import { registerAs } from '@nestjs/config';
import { readEnvOptions } from '../core/options';
import { ZixflowModuleOptions } from './options/zixflow-options.interface';
import { ZIXFLOW_OPTION_FIELDS, ZIXFLOW_OPTIONS_OWNER } from './options/zixflow-options.schema';

/**
 * `@nestjs/config` namespace `zixflow`, read from `ZIXFLOW_API_KEY`, `ZIXFLOW_BASE_URL`,
 * `ZIXFLOW_PHONE_ID` and `ZIXFLOW_TIMEOUT_MS`. Use it as
 * `ZixflowModule.forRootAsync(zixflowConfig.asProvider())`, or inject it with
 * `@Inject(zixflowConfig.KEY)`. An unset key is passed on empty so the module's start-up check
 * reports it by name.
 */
export const zixflowConfig = registerAs('zixflow', (): ZixflowModuleOptions => {
  // The variables are the ones the options declare with `.fromEnv()`, so the two cannot drift apart.
  const env = readEnvOptions(ZIXFLOW_OPTIONS_OWNER, ZIXFLOW_OPTION_FIELDS);
  return { ...env, apiKey: env.apiKey ?? '' };
});
