import { registerAs } from '@nestjs/config';
import { readEnv, readEnvOptions } from '../core/options';
import { ZixflowModuleOptions, ZixflowPostBackOptions } from './options/zixflow-options.interface';
import {
  ZIXFLOW_OPTION_FIELDS,
  ZIXFLOW_OPTIONS_OWNER,
  ZIXFLOW_POST_BACK_FIELDS,
} from './options/zixflow-options.schema';

/**
 * `@nestjs/config` namespace `zixflow`, read from `ZIXFLOW_API_KEY`, `ZIXFLOW_API`,
 * `ZIXFLOW_WORKSPACE_ID`, `ZIXFLOW_BASE_URL`, `ZIXFLOW_PHONE_ID`, `ZIXFLOW_TIMEOUT_MS`,
 * `ZIXFLOW_INGEST_PREFIX`, and `ZIXFLOW_WEBHOOKS_URL` with `ZIXFLOW_WEBHOOK_SECRET` for `postBacks`.
 * Use it as `ZixflowModule.forRootAsync(zixflowConfig.asProvider())`, or inject it with
 * `@Inject(zixflowConfig.KEY)`. An unset key is passed on empty so the module's start-up check
 * reports it by name.
 */
export const zixflowConfig = registerAs('zixflow', (): ZixflowModuleOptions => {
  // The variables are the ones the options declare with `.fromEnv()`, so the two cannot drift apart.
  const env = readEnvOptions(ZIXFLOW_OPTIONS_OWNER, ZIXFLOW_OPTION_FIELDS);
  return { ...env, apiKey: env.apiKey ?? '', postBacks: postBacksFromEnv() };
});

/**
 * `postBacks` when `ZIXFLOW_WEBHOOKS_URL` is set: the secret alone does not switch post-backs on,
 * because the webhooks module reads the same `ZIXFLOW_WEBHOOK_SECRET` in apps that want none.
 */
function postBacksFromEnv(): ZixflowPostBackOptions | undefined {
  const webhooksUrl = readEnv(ZIXFLOW_POST_BACK_FIELDS.webhooksUrl.envName ?? '');
  if (webhooksUrl === undefined) {
    return undefined;
  }
  return { webhooksUrl, secret: readEnv(ZIXFLOW_POST_BACK_FIELDS.secret.envName ?? '') ?? '' };
}
