import { registerAs } from '@nestjs/config';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { ZixflowModuleOptions } from './options/zixflow-options.interface';

/** Empty environment variables mean "not set", as shells and `.env` files often leave them empty. */
function readEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readTimeoutMs(): number | undefined {
  const raw = readEnv('ZIXFLOW_TIMEOUT_MS');
  if (raw === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(raw) || Number(raw) <= 0) {
    throw new ZixflowConfigurationError(
      `ZIXFLOW_TIMEOUT_MS must be a positive whole number of milliseconds (got "${raw}").`,
    );
  }
  return Number(raw);
}

/**
 * `@nestjs/config` namespace `zixflow`, read from `ZIXFLOW_API_KEY`, `ZIXFLOW_BASE_URL`,
 * `ZIXFLOW_PHONE_ID` and `ZIXFLOW_TIMEOUT_MS`. Use it as
 * `ZixflowModule.forRootAsync(zixflowConfig.asProvider())`, or inject it with
 * `@Inject(zixflowConfig.KEY)`. An unset key is passed on empty so the module's start-up check
 * reports it by name.
 */
export const zixflowConfig = registerAs('zixflow', (): ZixflowModuleOptions => ({
  apiKey: readEnv('ZIXFLOW_API_KEY') ?? '',
  baseUrl: readEnv('ZIXFLOW_BASE_URL'),
  defaultPhoneId: readEnv('ZIXFLOW_PHONE_ID'),
  timeoutMs: readTimeoutMs(),
}));
