import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import { ZIXFLOW_DEFAULT_BASE_URL, ZIXFLOW_DEFAULT_TIMEOUT_MS } from '../../core/api/zixflow-api.constants';
import { ZixflowModuleOptions, ZixflowRetryEvent, ZixflowTemplateOptions } from './zixflow-options.interface';

/** Retry settings with defaults applied. */
export interface ResolvedRetryOptions {
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  retryOnTimeout: boolean;
  onRetry: ((event: ZixflowRetryEvent) => void) | undefined;
}

/** Pacing settings with defaults applied; `maxConcurrent` is Infinity when unlimited. */
export interface ResolvedRateLimitOptions {
  perSecond: number;
  burst: number;
  maxConcurrent: number;
  maxQueued: number;
}

/** Module options after checking, with defaults applied. Internal: the public shape is the input. */
export interface ResolvedZixflowOptions {
  apiKey: string;
  baseUrl: string;
  defaultPhoneId: string | undefined;
  timeoutMs: number;
  retry: ResolvedRetryOptions | false;
  rateLimit: ResolvedRateLimitOptions | undefined;
  templates: Required<ZixflowTemplateOptions>;
}

/** Where the campaign API serves template variables (from third-party catalogues; configurable). */
export const ZIXFLOW_DEFAULT_TEMPLATE_VARIABLES_PATH = '/api/v1/campaign/whatsapp/variable-keys';

type RetryNumberField = 'retries' | 'minDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs';

const DEFAULT_RETRY: Readonly<ResolvedRetryOptions> = {
  retries: 3,
  minDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
  retryOnTimeout: false,
  onRetry: undefined,
};

const RETRY_NUMBER_FIELDS: readonly RetryNumberField[] = ['retries', 'minDelayMs', 'maxDelayMs', 'maxRetryAfterMs'];
const RETRY_FIELDS: readonly string[] = [...RETRY_NUMBER_FIELDS, 'retryOnTimeout', 'onRetry'];
const RATE_LIMIT_FIELDS: readonly string[] = ['perSecond', 'burst', 'maxConcurrent', 'maxQueued'];

/** Default bound of each phone number's send queue: enough for bursts, small enough to fail fast. */
const DEFAULT_MAX_QUEUED = 1000;

/** The longest delay Node's timers support. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Checks the options once, when the module is instantiated, so a missing key or a typo in the
 * base URL stops the app at start-up instead of failing the first customer message. Messages name
 * the option and its environment variable, never the value of a secret.
 */
export function resolveZixflowOptions(options: ZixflowModuleOptions | undefined): ResolvedZixflowOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ZixflowConfigurationError(
      'ZixflowModule: options are missing; pass { apiKey } to ZixflowModule.forRoot().',
    );
  }
  return {
    apiKey: checkApiKey(options.apiKey),
    baseUrl: checkBaseUrl(options.baseUrl),
    defaultPhoneId: checkDefaultPhoneId(options.defaultPhoneId),
    timeoutMs: checkTimeout(options.timeoutMs),
    retry: checkRetry(options.retry),
    rateLimit: checkRateLimit(options.rateLimit),
    templates: checkTemplates(options.templates),
  };
}

function checkTemplates(templates: unknown): Required<ZixflowTemplateOptions> {
  const given = (typeof templates === 'object' && templates !== null ? templates : {}) as ZixflowTemplateOptions;
  const resolved = {
    variablesPath: given.variablesPath ?? ZIXFLOW_DEFAULT_TEMPLATE_VARIABLES_PATH,
    cacheTtlMs: given.cacheTtlMs ?? 600_000,
    checkVariables: given.checkVariables ?? false,
  };
  if (typeof resolved.variablesPath !== 'string' || !resolved.variablesPath.startsWith('/')) {
    throw new ZixflowConfigurationError('ZixflowModule: templates.variablesPath must be a path starting with "/".');
  }
  if (!Number.isInteger(resolved.cacheTtlMs) || resolved.cacheTtlMs < 0 || resolved.cacheTtlMs > MAX_TIMER_MS) {
    throw new ZixflowConfigurationError(
      'ZixflowModule: templates.cacheTtlMs must be a whole number of milliseconds, 0 or more.',
    );
  }
  if (typeof resolved.checkVariables !== 'boolean') {
    throw new ZixflowConfigurationError('ZixflowModule: templates.checkVariables must be true or false.');
  }
  return resolved;
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

function checkRetry(retry: unknown): ResolvedRetryOptions | false {
  if (retry === false) {
    return false;
  }
  if (retry === undefined) {
    return { ...DEFAULT_RETRY };
  }
  if (typeof retry !== 'object' || retry === null) {
    throw new ZixflowConfigurationError(
      'ZixflowModule: retry must be false or an object { retries, minDelayMs, maxDelayMs }.',
    );
  }
  const given = definedFields(retry, RETRY_FIELDS, 'retry');
  const resolved: ResolvedRetryOptions = { ...DEFAULT_RETRY };
  for (const field of RETRY_NUMBER_FIELDS) {
    resolved[field] = checkWholeNumber(given[field] ?? DEFAULT_RETRY[field], `retry.${field}`, 0);
  }
  resolved.retryOnTimeout = checkBoolean(given.retryOnTimeout ?? DEFAULT_RETRY.retryOnTimeout, 'retry.retryOnTimeout');
  resolved.onRetry = checkHook(given.onRetry, 'retry.onRetry');
  return resolved;
}

function checkRateLimit(rateLimit: unknown): ResolvedRateLimitOptions | undefined {
  if (rateLimit === undefined) {
    return undefined;
  }
  if (typeof rateLimit !== 'object' || rateLimit === null) {
    throw new ZixflowConfigurationError(
      'ZixflowModule: rateLimit must be an object { perSecond, burst?, maxConcurrent?, maxQueued? }.',
    );
  }
  const given = definedFields(rateLimit, RATE_LIMIT_FIELDS, 'rateLimit');
  const { perSecond } = given;
  // Above 1000 per second the spacing is below Node's 1 ms timer resolution, so pacing could not honour it.
  if (typeof perSecond !== 'number' || !Number.isFinite(perSecond) || perSecond <= 0 || perSecond > 1000) {
    throw new ZixflowConfigurationError(
      'ZixflowModule: rateLimit.perSecond must be a number above 0 and at most 1000.',
    );
  }
  return {
    perSecond,
    burst: checkWholeNumber(given.burst ?? 1, 'rateLimit.burst', 1),
    maxConcurrent:
      given.maxConcurrent === undefined
        ? Infinity
        : checkWholeNumber(given.maxConcurrent, 'rateLimit.maxConcurrent', 1),
    maxQueued: checkWholeNumber(given.maxQueued ?? DEFAULT_MAX_QUEUED, 'rateLimit.maxQueued', 0),
  };
}

/**
 * The fields of an options object that are not undefined (an optional field given as undefined
 * means "use the default"). A misspelt field fails start-up rather than being silently ignored.
 */
function definedFields(value: object, known: readonly string[], name: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!known.includes(key)) {
      throw new ZixflowConfigurationError(
        `ZixflowModule: ${name}.${key} is not an option; the options are ${known.join(', ')}.`,
      );
    }
    if (field !== undefined) {
      fields[key] = field;
    }
  }
  return fields;
}

function checkWholeNumber(value: unknown, name: string, min: number): number {
  // Delays beyond 2^31-1 ms would be truncated by Node's timers to 1 ms.
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_TIMER_MS) {
    throw new ZixflowConfigurationError(
      `ZixflowModule: ${name} must be a whole number from ${min} to ${MAX_TIMER_MS}.`,
    );
  }
  return value;
}

function checkBoolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ZixflowConfigurationError(`ZixflowModule: ${name} must be true or false.`);
  }
  return value;
}

function checkHook(value: unknown, name: string): ((event: ZixflowRetryEvent) => void) | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new ZixflowConfigurationError(`ZixflowModule: ${name} must be a function.`);
  }
  return value as ((event: ZixflowRetryEvent) => void) | undefined;
}
