import type { ZixflowSandboxAccountOptions } from './sandbox-accounts.types';
import type { SandboxWhatsappAccount } from './zixflow-sandbox.types';

/** One Zixflow account the sandbox serves, checked and with its defaults filled in. */
export interface SandboxAccountSettings {
  /** Undefined for the default account (the top-level options). */
  name: string | undefined;
  apiKey: string;
  workspaceId: string;
  phoneId: string;
  wabaId: string;
  /** What the AI API's accounts endpoint lists for this account's key. */
  whatsappAccounts: SandboxWhatsappAccount[];
}

/** The library's own rule for an account name (it becomes a webhook path segment), repeated: this layer imports nothing else. */
const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,63}$/;
/** What the inbox calls the top-level account; another account by that name would be two chats with one label. */
export const DEFAULT_ACCOUNT_LABEL = 'default';
/** Enough for any agency test, few enough that the generated numbers stay three digits. */
const MAX_ACCOUNTS = 999;
const KNOWN_KEYS = new Set(['name', 'apiKey', 'workspaceId', 'phoneId', 'wabaId', 'whatsappAccounts']);

/** The account the AI API lists for a business number when a test gives none. */
export function whatsappAccountOf(phoneId: string, wabaId: string, verifiedName: string): SandboxWhatsappAccount {
  return {
    phone_id: phoneId,
    waba_id: wabaId,
    display_phone_number: '+1 555 010 0001',
    verified_name: verifiedName,
    quality_rating: 'GREEN',
    daily_limit: 1000,
  };
}

/**
 * The default account followed by the `zixflowAccounts`, each checked before anything binds a
 * port. Messages name the account and the field, never a key: a test log must not show one.
 */
export function resolveAccounts(
  main: SandboxAccountSettings,
  extra: readonly ZixflowSandboxAccountOptions[] | undefined,
): SandboxAccountSettings[] {
  if (extra !== undefined && !Array.isArray(extra))
    throw new TypeError('ZixflowSandbox: zixflowAccounts must be an array');
  if ((extra?.length ?? 0) > MAX_ACCOUNTS)
    throw new RangeError(`ZixflowSandbox: zixflowAccounts holds at most ${MAX_ACCOUNTS} accounts`);
  const accounts = [main];
  (extra ?? []).forEach((options, index) => accounts.push(resolveAccount(options, index, accounts)));
  return accounts;
}

function resolveAccount(
  options: ZixflowSandboxAccountOptions,
  index: number,
  before: readonly SandboxAccountSettings[],
): SandboxAccountSettings {
  const where = `ZixflowSandbox: zixflowAccounts[${index}]`;
  if (typeof options !== 'object' || options === null) throw new TypeError(`${where} must be an object`);
  const unknown = Object.keys(options).find((key) => !KNOWN_KEYS.has(key));
  if (unknown !== undefined) throw new RangeError(`${where}: unknown option ${JSON.stringify(unknown)}`);
  const { name } = options;
  if (typeof name !== 'string' || !ACCOUNT_NAME.test(name)) {
    throw new RangeError(
      `${where}.name must be 1-64 letters, digits and - . _ ~, starting with a letter or digit (got ${JSON.stringify(name)})`,
    );
  }
  const named = `${where} (${name})`;
  if (name === DEFAULT_ACCOUNT_LABEL) throw new RangeError(`${named}: "default" names the top-level account`);
  if (before.some((account) => account.name === name)) throw new RangeError(`${named}: another account has this name`);
  nonEmpty(options.apiKey, `${named}: apiKey`);
  const sameKey = before.find((account) => account.apiKey === options.apiKey);
  if (sameKey !== undefined) {
    throw new RangeError(
      `${named}: apiKey is also the key of account ${sameKey.name ?? DEFAULT_ACCOUNT_LABEL}; each account needs its own`,
    );
  }
  const number = String(index + 1).padStart(3, '0');
  const workspaceId = optional(options.workspaceId, `${named}: workspaceId`) ?? `sandbox-workspace-${name}`;
  const phoneId = optional(options.phoneId, `${named}: phoneId`) ?? `1000000000${number}01`;
  const wabaId = optional(options.wabaId, `${named}: wabaId`) ?? `1000000000${number}02`;
  const listed = options.whatsappAccounts ?? [whatsappAccountOf(phoneId, wabaId, `Sandbox Business (${name})`)];
  if (!Array.isArray(listed)) throw new TypeError(`${named}: whatsappAccounts must be an array`);
  return {
    name,
    apiKey: options.apiKey,
    workspaceId,
    phoneId,
    wabaId,
    whatsappAccounts: listed.map((account) => ({ ...account })),
  };
}

/** Names the field only: the value may be a key. */
function nonEmpty(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new RangeError(`${field} must be a non-empty string`);
}

function optional(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  nonEmpty(value, field);
  return value;
}
