import { ZIXFLOW_DEFAULT_BASE_URL, ZIXFLOW_DEFAULT_TIMEOUT_MS } from '../../core/api/zixflow-api.constants';
import {
  boolean,
  decimal,
  durationMs,
  fn,
  group,
  httpUrl,
  OptionOwner,
  OptionShapeOf,
  resolveOptions,
  ResolvedOptions,
  secret,
  text,
  wholeNumber,
} from '../../core/options';
import {
  ZixflowModuleOptions,
  ZixflowRateLimitOptions,
  ZixflowRetryEvent,
  ZixflowRetryOptions,
  ZixflowTemplateOptions,
} from './zixflow-options.interface';

/** Where the campaign API serves template variables (from third-party catalogues; configurable). */
export const ZIXFLOW_DEFAULT_TEMPLATE_VARIABLES_PATH = '/api/v1/campaign/whatsapp/variable-keys';

/** Default bound of each phone number's send queue: enough for bursts, small enough to fail fast. */
const DEFAULT_MAX_QUEUED = 1000;

/** How `ZixflowModule` is named in its messages, and who reads its variables. */
export const ZIXFLOW_OPTIONS_OWNER: OptionOwner = {
  name: 'ZixflowModule',
  config: 'zixflowConfig',
  extras: ['isGlobal'],
};

/** The `retry` options, declared once: check, default. */
export const ZIXFLOW_RETRY_FIELDS = {
  retries: wholeNumber({ min: 0 }).default(3),
  minDelayMs: durationMs(0).default(250),
  maxDelayMs: durationMs(0).default(10_000),
  maxRetryAfterMs: durationMs(0).default(30_000),
  retryOnTimeout: boolean().default(false),
  onRetry: fn<(event: ZixflowRetryEvent) => void>().optional(),
} as const satisfies OptionShapeOf<ZixflowRetryOptions>;

/** The `rateLimit` options, declared once. */
export const ZIXFLOW_RATE_LIMIT_FIELDS = {
  // Above 1000 per second the spacing is below Node's 1 ms timer resolution, so pacing could not honour it.
  perSecond: decimal({ above: 0, max: 1000 }),
  burst: wholeNumber({ min: 1 }).default(1),
  maxConcurrent: wholeNumber({ min: 1 }).default(Infinity),
  maxQueued: wholeNumber({ min: 0 }).default(DEFAULT_MAX_QUEUED),
} as const satisfies OptionShapeOf<ZixflowRateLimitOptions>;

/** The `templates` options, declared once. */
export const ZIXFLOW_TEMPLATE_FIELDS = {
  variablesPath: text({ test: (path) => path.startsWith('/'), rule: 'must be a path starting with "/"' }).default(
    ZIXFLOW_DEFAULT_TEMPLATE_VARIABLES_PATH,
  ),
  cacheTtlMs: durationMs(0).default(600_000),
  checkVariables: boolean().default(false),
} as const satisfies OptionShapeOf<ZixflowTemplateOptions>;

/**
 * Every option of `ZixflowModule`, declared once: its check, default and environment variable.
 * `zixflowConfig` reads the variables declared here, and the messages name them.
 */
export const ZIXFLOW_OPTION_FIELDS = {
  // Required, and checked first: a missing key is the most common start-up mistake.
  apiKey: secret().fromEnv('ZIXFLOW_API_KEY'),
  baseUrl: httpUrl({ example: 'https://api.zixflow.com', allowQueryAndFragment: true })
    .fromEnv('ZIXFLOW_BASE_URL')
    .emptyIsUnset()
    .default(ZIXFLOW_DEFAULT_BASE_URL),
  defaultPhoneId: text().fromEnv('ZIXFLOW_PHONE_ID').emptyIsUnset().optional(),
  timeoutMs: durationMs(1).fromEnv('ZIXFLOW_TIMEOUT_MS').default(ZIXFLOW_DEFAULT_TIMEOUT_MS),
  retry: group(ZIXFLOW_RETRY_FIELDS, { allowFalse: true }),
  rateLimit: group(ZIXFLOW_RATE_LIMIT_FIELDS).optional(),
  templates: group(ZIXFLOW_TEMPLATE_FIELDS),
} as const satisfies OptionShapeOf<ZixflowModuleOptions>;

/** Retry settings with defaults applied. */
export type ResolvedRetryOptions = ResolvedOptions<typeof ZIXFLOW_RETRY_FIELDS>;

/** Pacing settings with defaults applied; `maxConcurrent` is Infinity when unlimited. */
export type ResolvedRateLimitOptions = ResolvedOptions<typeof ZIXFLOW_RATE_LIMIT_FIELDS>;

/** Module options after checking, with defaults applied. Internal: the public shape is the input. */
export type ResolvedZixflowOptions = ResolvedOptions<typeof ZIXFLOW_OPTION_FIELDS>;

/**
 * Checks the options once, when the module is instantiated, so a missing key or a typo in the
 * base URL stops the app at start-up instead of failing the first customer message. Messages name
 * the option and its environment variable, never the value of a secret; a misspelt key is refused.
 */
export function resolveZixflowOptions(options: ZixflowModuleOptions | undefined): ResolvedZixflowOptions {
  return resolveOptions(ZIXFLOW_OPTIONS_OWNER, ZIXFLOW_OPTION_FIELDS, options);
}
