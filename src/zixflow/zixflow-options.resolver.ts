import { ZixflowConfigurationError } from './errors/zixflow-configuration.error';
import { ZIXFLOW_DEFAULT_BASE_URL, ZIXFLOW_DEFAULT_TIMEOUT_MS } from './zixflow.constants';
import { ZixflowModuleOptions, ZixflowRetryOptions } from './zixflow-options.interface';

/** Module options after checking, with defaults applied. Internal: the public shape is the input. */
export interface ResolvedZixflowOptions {
  apiKey: string;
  baseUrl: string;
  defaultPhoneId: string | undefined;
  timeoutMs: number;
  retry: Required<ZixflowRetryOptions> | false;
}

const DEFAULT_RETRY: Readonly<Required<ZixflowRetryOptions>> = { retries: 3, minDelayMs: 250, maxDelayMs: 10_000 };

/** The longest delay Node's timers support. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Checks the options once, when the module is instantiated, so a missing key or a typo in the
 * base URL stops the app at start-up instead of failing the first customer message. Messages name
 * the option and its environment variable, never the value of a secret.
 */
export function resolveZixflowOptions(options: ZixflowModuleOptions | undefined): ResolvedZixflowOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ZixflowConfigurationError('ZixflowModule: options are missing; pass { apiKey } to ZixflowModule.forRoot().');
  }
  return {
    apiKey: checkApiKey(options.apiKey),
    baseUrl: checkBaseUrl(options.baseUrl),
    defaultPhoneId: checkDefaultPhoneId(options.defaultPhoneId),
    timeoutMs: checkTimeout(options.timeoutMs),
    retry: checkRetry(options.retry),
  };
}

function checkApiKey(apiKey: unknown): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new ZixflowConfigurationError(
      'ZixflowModule: apiKey is missing or empty. Set the ZIXFLOW_API_KEY environment variable ' +
        '(read by zixflowConfig) or pass apiKey to ZixflowModule.forRoot().',
    );
  }
  // A pasted key with a trailing newline would make Node refuse the Authorization header on every send.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\s\u0000-\u001f\u007f]/.test(apiKey)) {
    throw new ZixflowConfigurationError(
      'ZixflowModule: apiKey contains whitespace or control characters; check ZIXFLOW_API_KEY for a stray space or newline.',
    );
  }
  return apiKey;
}

function checkBaseUrl(baseUrl: unknown): string {
  if (baseUrl === undefined || baseUrl === '') {
    return ZIXFLOW_DEFAULT_BASE_URL;
  }
  const url = typeof baseUrl === 'string' && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new ZixflowConfigurationError(
      'ZixflowModule: baseUrl (ZIXFLOW_BASE_URL) must be an http or https URL without credentials, e.g. https://api.zixflow.com.',
    );
  }
  return url.toString().replace(/\/+$/, '');
}

function checkDefaultPhoneId(phoneId: unknown): string | undefined {
  if (phoneId === undefined || phoneId === '') {
    return undefined;
  }
  if (typeof phoneId !== 'string' || phoneId.trim() === '') {
    throw new ZixflowConfigurationError('ZixflowModule: defaultPhoneId (ZIXFLOW_PHONE_ID) must be a non-empty string.');
  }
  return phoneId;
}

function checkTimeout(timeoutMs: unknown): number {
  if (timeoutMs === undefined) {
    return ZIXFLOW_DEFAULT_TIMEOUT_MS;
  }
  // Node turns timers above 2^31-1 ms into 1 ms, which would time out every request at once.
  if (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMER_MS) {
    throw new ZixflowConfigurationError(
      `ZixflowModule: timeoutMs (ZIXFLOW_TIMEOUT_MS) must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}.`,
    );
  }
  return timeoutMs;
}

function checkRetry(retry: unknown): Required<ZixflowRetryOptions> | false {
  if (retry === false) {
    return false;
  }
  if (retry === undefined) {
    return { ...DEFAULT_RETRY };
  }
  if (typeof retry !== 'object' || retry === null) {
    throw new ZixflowConfigurationError('ZixflowModule: retry must be false or an object { retries, minDelayMs, maxDelayMs }.');
  }
  const given = Object.entries(retry).filter(([, value]) => value !== undefined);
  const merged: Required<ZixflowRetryOptions> = { ...DEFAULT_RETRY, ...(Object.fromEntries(given) as ZixflowRetryOptions) };
  for (const [name, value] of Object.entries(merged)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new ZixflowConfigurationError(`ZixflowModule: retry.${name} must be a whole number of 0 or more.`);
    }
  }
  return merged;
}
