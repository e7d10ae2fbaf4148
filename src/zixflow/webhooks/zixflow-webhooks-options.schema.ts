import { isZixflowAccountName } from '../sending/accounts/zixflow-account-name';
import { WebhookSecretMatcher, webhookSecretMatcher } from './http/webhook-secret-matcher';
import {
  childSite,
  custom,
  durationMs,
  fn,
  group,
  OptionOwner,
  OptionShapeOf,
  optionError,
  OptionSite,
  ResolvedOptions,
  resolveOptions,
  resolveShape,
  secret,
  text,
  wholeNumber,
} from '../core/options';
import { ZixflowDedupeStore } from './dedupe/zixflow-dedupe-store.interface';
import { ZixflowInMemoryDedupeStore } from './dedupe/zixflow-in-memory-dedupe.store';
import type { ZixflowInboundQueue } from './inbound/zixflow-inbound-queue.interface';
import {
  ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_MAX_ENTRIES,
  ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_TTL_MS,
  ZIXFLOW_WEBHOOK_DEFAULT_MAX_BODY_BYTES,
  ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER,
} from './zixflow-webhooks.constants';
import {
  ZixflowWebhookAccountOptions,
  ZixflowWebhookAccountResolver,
  ZixflowWebhookAccountResolverOptions,
  ZixflowWebhooksDedupeOptions,
  ZixflowWebhooksModuleOptions,
} from './zixflow-webhooks-options.interface';

/**
 * Webhook options after checking, with defaults applied. Internal. Secrets are kept only as
 * matchers, which hold their bytes in a closure: the object is harmless if it is ever logged.
 */
export interface ResolvedZixflowWebhooksOptions {
  secret: WebhookSecretMatcher;
  /** The secret of each account of `accounts`. */
  accounts: ReadonlyMap<string, WebhookSecretMatcher>;
  /** `resolveAccount` with its cache settings, for accounts `accounts` does not list. */
  resolveAccount: ResolvedAccountResolver | undefined;
  /** Lower case, as Node exposes header names. */
  secretHeader: string;
  maxBodyBytes: number;
  dedupeTtlMs: number;
  dedupeStore: ZixflowDedupeStore;
  inbound: ZixflowInboundQueue | undefined;
}

/** How `ZixflowWebhooksModule` is named in its messages, and who reads its variables. */
export const ZIXFLOW_WEBHOOKS_OPTIONS_OWNER: OptionOwner = {
  name: 'ZixflowWebhooksModule',
  config: 'zixflowWebhooksConfig',
  extras: ['path'],
};

const MIN_SECRET_LENGTH = 16;
const MAX_SECRET_LENGTH = 512;
/** Visible ASCII: survives an HTTP header unchanged and a URL query once percent-encoded. */
const SECRET_CHARACTERS = /^[\x21-\x7e]+$/;
/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const GENERATE_SECRET = 'generate one with `openssl rand -hex 32`';

/** A webhook secret's rule, for the module's secret and each account's. */
function webhookSecret() {
  return secret({
    test: (value) =>
      value.length >= MIN_SECRET_LENGTH && value.length <= MAX_SECRET_LENGTH && SECRET_CHARACTERS.test(value),
    rule: `must be ${MIN_SECRET_LENGTH} to ${MAX_SECRET_LENGTH} visible ASCII characters without spaces; ${GENERATE_SECRET}`,
  });
}

const ACCOUNT_FIELDS = {
  secret: webhookSecret().required(GENERATE_SECRET),
} as const satisfies OptionShapeOf<ZixflowWebhookAccountOptions>;

const MAX_ACCOUNTS = 10_000;

/** Each account's secret, checked like the module's, by its name: `accounts.brand-b.secret`. */
const ACCOUNTS = custom<Map<string, WebhookSecretMatcher>, Record<string, ZixflowWebhookAccountOptions>>(
  (value, site) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw optionError(site, "must be an object of account names, e.g. { 'brand-b': { secret } }");
    }
    const names = Object.keys(value);
    if (names.length > MAX_ACCOUNTS) throw optionError(site, `must hold at most ${MAX_ACCOUNTS} accounts`);
    const matchers = new Map<string, WebhookSecretMatcher>();
    for (const name of names) {
      if (!isZixflowAccountName(name)) {
        throw optionError(site, 'names must be 1 to 64 letters, digits and - . _ ~ (they become path segments)');
      }
      const account: unknown = (value as Record<string, unknown>)[name];
      const accountSite = childSite(site, name, undefined);
      if (typeof account !== 'object' || account === null)
        throw optionError(accountSite, 'must be an object { secret }');
      const { secret: accountSecret } = resolveShape(ACCOUNT_FIELDS, account as Record<string, unknown>, accountSite);
      matchers.set(name, webhookSecretMatcher(accountSecret));
    }
    return matchers;
  },
).optional();

const RESOLVER_FIELDS = {
  resolve: fn<ZixflowWebhookAccountResolver>(),
  ttlMs: durationMs(0).default(60_000),
  maxAccounts: wholeNumber({ min: 1 }).default(10_000),
} as const satisfies OptionShapeOf<ZixflowWebhookAccountResolverOptions>;

/** `resolveAccount` after checking: the look-up and its cache settings. */
export type ResolvedAccountResolver = ResolvedOptions<typeof RESOLVER_FIELDS>;

/** A function alone, or `{ resolve, ttlMs?, maxAccounts? }`. */
const RESOLVE_ACCOUNT = custom<
  ResolvedAccountResolver,
  ZixflowWebhookAccountResolver | ZixflowWebhookAccountResolverOptions
>((value, site) => {
  const given: unknown = typeof value === 'function' ? { resolve: value } : value;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw optionError(
      site,
      'must be a function (account) => ({ secret }) | undefined, or { resolve, ttlMs, maxAccounts }',
    );
  }
  return resolveShape(RESOLVER_FIELDS, given as Record<string, unknown>, site);
}).optional();

/**
 * Checks what `resolveAccount` found for `account` with the rule of `accounts`, and returns the
 * secret's matcher; a `ZixflowConfigurationError` naming the account (never the secret) otherwise.
 */
export function resolvedAccountMatcher(found: unknown, account: string): WebhookSecretMatcher {
  const site: OptionSite = { owner: ZIXFLOW_WEBHOOKS_OPTIONS_OWNER, path: `resolveAccount('${account}')` };
  if (typeof found !== 'object' || found === null) throw optionError(site, 'must resolve with { secret } or undefined');
  const { secret: accountSecret } = resolveShape(ACCOUNT_FIELDS, found as Record<string, unknown>, site);
  return webhookSecretMatcher(accountSecret);
}

const DEDUPE_FIELDS = {
  ttlMs: wholeNumber({ min: 1 }).default(ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_TTL_MS),
  maxEntries: wholeNumber({ min: 1 }).default(ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_MAX_ENTRIES),
  store: custom<ZixflowDedupeStore>((store, site) => {
    if (typeof (store as Partial<ZixflowDedupeStore> | null)?.setIfAbsent !== 'function') {
      throw optionError(site, 'must implement setIfAbsent(key, ttlMs)');
    }
    return store as ZixflowDedupeStore;
  }).optional(),
} as const satisfies OptionShapeOf<ZixflowWebhooksDedupeOptions>;

/**
 * Every option of `ZixflowWebhooksModule`, declared once: its check, default and environment
 * variable. `zixflowWebhooksConfig` reads the variables declared here, and the messages name them.
 */
export const ZIXFLOW_WEBHOOKS_OPTION_FIELDS = {
  // The webhook endpoints never run without a secret, so it has no default.
  secret: webhookSecret().fromEnv('ZIXFLOW_WEBHOOK_SECRET').required(GENERATE_SECRET),
  accounts: ACCOUNTS,
  resolveAccount: RESOLVE_ACCOUNT,
  secretHeader: text({
    test: (name) => HEADER_NAME.test(name),
    rule: 'must be a valid HTTP header name, e.g. x-zixflow-secret',
  })
    .emptyIsUnset()
    .default(ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER),
  maxBodyBytes: wholeNumber({ min: 1 }).default(ZIXFLOW_WEBHOOK_DEFAULT_MAX_BODY_BYTES),
  dedupe: group(DEDUPE_FIELDS),
  inbound: custom<ZixflowInboundQueue>((queue, site) => {
    if (typeof (queue as Partial<ZixflowInboundQueue> | null)?.enqueue !== 'function') {
      throw optionError(site, 'must implement enqueue(event)');
    }
    return queue as ZixflowInboundQueue;
  }).optional(),
} as const satisfies OptionShapeOf<ZixflowWebhooksModuleOptions>;

/**
 * Checks the options once, when the module is instantiated, so the webhook endpoints never run
 * open: a missing or weak secret stops the app at start-up. Messages name the option and its
 * environment variable, never the secret's value; a misspelt key is refused.
 */
export function resolveZixflowWebhooksOptions(
  options: ZixflowWebhooksModuleOptions | undefined,
): ResolvedZixflowWebhooksOptions {
  const resolved = resolveOptions(ZIXFLOW_WEBHOOKS_OPTIONS_OWNER, ZIXFLOW_WEBHOOKS_OPTION_FIELDS, options);
  const { ttlMs, maxEntries, store } = resolved.dedupe;
  return {
    secret: webhookSecretMatcher(resolved.secret),
    accounts: resolved.accounts ?? new Map(),
    resolveAccount: resolved.resolveAccount,
    secretHeader: resolved.secretHeader.toLowerCase(),
    maxBodyBytes: resolved.maxBodyBytes,
    dedupeTtlMs: ttlMs,
    // maxEntries bounds the default in-memory store only; a shared store bounds itself.
    dedupeStore: store ?? new ZixflowInMemoryDedupeStore({ maxEntries }),
    inbound: resolved.inbound,
  };
}
