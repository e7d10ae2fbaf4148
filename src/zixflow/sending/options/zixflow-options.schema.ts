import {
  ZIXFLOW_AI_DEFAULT_BASE_URL,
  ZIXFLOW_AI_DEFAULT_INGEST_PREFIX,
  ZIXFLOW_DEFAULT_BASE_URL,
  ZIXFLOW_DEFAULT_TIMEOUT_MS,
} from '../../core/api/zixflow-api.constants';
import {
  boolean,
  decimal,
  durationMs,
  fn,
  group,
  httpUrl,
  missingOptionError,
  oneOf,
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
  ZixflowPostBackOptions,
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
  extras: ['isGlobal', 'name'],
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

/** The webhooks module's secret rule, repeated here (this layer cannot import it) so the token always fits. */
const WEBHOOK_SECRET = /^[\x21-\x7e]{16,512}$/;

/** The `postBacks` options, declared once; `zixflowConfig` reads their variables when the URL is set. */
export const ZIXFLOW_POST_BACK_FIELDS = {
  webhooksUrl: httpUrl({ example: 'https://bot.example.com/zixflow/webhooks' }).fromEnv('ZIXFLOW_WEBHOOKS_URL'),
  secret: secret({
    test: (value) => WEBHOOK_SECRET.test(value),
    rule: "must be the webhooks module's secret: 16 to 512 visible ASCII characters",
  }).fromEnv('ZIXFLOW_WEBHOOK_SECRET'),
} as const satisfies OptionShapeOf<ZixflowPostBackOptions>;

/** `/api/ingest`, `/api/ingestion`: a path of plain segments, without a trailing slash. */
const PATH_PREFIX = /^(\/[A-Za-z0-9._~-]+)+$/;

/**
 * Every option of `ZixflowModule`, declared once: its check, default and environment variable.
 * `zixflowConfig` reads the variables declared here, and the messages name them.
 */
export const ZIXFLOW_OPTION_FIELDS = {
  // Required, and checked first: a missing key is the most common start-up mistake.
  apiKey: secret()
    .fromEnv('ZIXFLOW_API_KEY')
    .required(
      'to run with no Zixflow account, start the sandbox first: await ZixflowSandboxMode.start() (nestjs-zixflow/testing) at the top of main.ts, with the options read by forRootAsync(zixflowConfig.asProvider())',
    ),
  api: oneOf(['campaign', 'ai'] as const)
    .fromEnv('ZIXFLOW_API')
    .default('campaign'),
  // Required for the AI API only, which resolveZixflowOptions checks once `api` is known.
  workspaceId: secret().fromEnv('ZIXFLOW_WORKSPACE_ID').emptyIsUnset().optional(),
  // Its default depends on `api`, so it is filled in by resolveZixflowOptions.
  baseUrl: httpUrl({ example: 'https://api.zixflow.com', allowQueryAndFragment: true })
    .fromEnv('ZIXFLOW_BASE_URL')
    .emptyIsUnset()
    .optional(),
  defaultPhoneId: text().fromEnv('ZIXFLOW_PHONE_ID').emptyIsUnset().optional(),
  timeoutMs: durationMs(1).fromEnv('ZIXFLOW_TIMEOUT_MS').default(ZIXFLOW_DEFAULT_TIMEOUT_MS),
  ingestPrefix: text({
    test: (prefix) => PATH_PREFIX.test(prefix),
    rule: 'must be a path such as /api/ingest (starting with "/", no trailing "/")',
  })
    .fromEnv('ZIXFLOW_INGEST_PREFIX')
    .emptyIsUnset()
    .default(ZIXFLOW_AI_DEFAULT_INGEST_PREFIX),
  postBacks: group(ZIXFLOW_POST_BACK_FIELDS).optional(),
  retry: group(ZIXFLOW_RETRY_FIELDS, { allowFalse: true }),
  rateLimit: group(ZIXFLOW_RATE_LIMIT_FIELDS).optional(),
  templates: group(ZIXFLOW_TEMPLATE_FIELDS),
  startupCheck: oneOf(['off', 'warn', 'fail'] as const)
    .fromEnv('ZIXFLOW_STARTUP_CHECK')
    .emptyIsUnset()
    .default('off'),
} as const satisfies OptionShapeOf<ZixflowModuleOptions>;

/** Retry settings with defaults applied. */
export type ResolvedRetryOptions = ResolvedOptions<typeof ZIXFLOW_RETRY_FIELDS>;

/** Pacing settings with defaults applied; `maxConcurrent` is Infinity when unlimited. */
export type ResolvedRateLimitOptions = ResolvedOptions<typeof ZIXFLOW_RATE_LIMIT_FIELDS>;

/** Module options after checking, with defaults applied. Internal: the public shape is the input. */
export type ResolvedZixflowOptions = Omit<ResolvedOptions<typeof ZIXFLOW_OPTION_FIELDS>, 'baseUrl'> & {
  /** The configured host, or the default of the configured API. */
  baseUrl: string;
  /** Every credential that must never appear in an error or a log line: key, workspace id, post-back secret. */
  secrets: readonly string[];
  /** AI API: the `post_back_url` of messages that give none, built from `postBacks`. */
  defaultPostBackUrl: string | undefined;
};

/**
 * Checks the options once, when the module is instantiated, so a missing key or a typo in the
 * base URL stops the app at start-up instead of failing the first customer message. Messages name
 * the option and its environment variable, never the value of a secret; a misspelt key is refused.
 * `workspaceId` is required when `api` is `'ai'`; `workspaceId`, `ingestPrefix` and `postBacks` are
 * not used by the campaign API (and tolerated there, so one `.env` can switch APIs with
 * `ZIXFLOW_API` alone).
 */
export function resolveZixflowOptions(options: ZixflowModuleOptions | undefined): ResolvedZixflowOptions {
  const resolved = resolveOptions(ZIXFLOW_OPTIONS_OWNER, ZIXFLOW_OPTION_FIELDS, options);
  const { api, workspaceId, postBacks, apiKey } = resolved;
  if (api === 'ai' && workspaceId === undefined) {
    throw missingOptionError(
      { owner: ZIXFLOW_OPTIONS_OWNER, path: 'workspaceId', env: 'ZIXFLOW_WORKSPACE_ID' },
      true,
      "the AI API (api: 'ai') needs it in the x-workspace-id header of every call",
    );
  }
  const secrets = [apiKey, ...(workspaceId === undefined ? [] : [workspaceId])];
  if (postBacks !== undefined) {
    // The secret travels inside the URL, percent-encoded: both spellings are kept out of logs.
    secrets.push(postBacks.secret, encodeURIComponent(postBacks.secret));
  }
  return {
    ...resolved,
    baseUrl: resolved.baseUrl ?? (api === 'ai' ? ZIXFLOW_AI_DEFAULT_BASE_URL : ZIXFLOW_DEFAULT_BASE_URL),
    secrets: [...new Set(secrets)],
    defaultPostBackUrl:
      api === 'ai' && postBacks !== undefined
        ? `${postBacks.webhooksUrl}/postbacks?token=${encodeURIComponent(postBacks.secret)}`
        : undefined,
  };
}
