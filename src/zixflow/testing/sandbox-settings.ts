import { resolveAccounts, whatsappAccountOf, type SandboxAccountSettings } from './sandbox-account.settings';
import type { ZixflowSandboxOptions } from './zixflow-sandbox.types';

/** The only address the sandbox binds to and calls: a fake API must never be reachable from the network. */
export const SANDBOX_HOST = '127.0.0.1';

const DEFAULT_API_KEY = 'sandbox-api-key';
const DEFAULT_WORKSPACE_ID = 'sandbox-workspace';
const DEFAULT_PHONE_ID = '100000000000001';
const DEFAULT_WABA_ID = '100000000000002';
const DEFAULT_REPORT_DELAY_MS = 50;

/** {@link ZixflowSandboxOptions} checked and with every default filled in. */
export interface SandboxSettings {
  port: number;
  /** The default account (the top-level options) first, then `zixflowAccounts` in order. */
  accounts: SandboxAccountSettings[];
  /** Pause between status steps. */
  statusDelayMs: number;
  reportsEnabled: boolean;
  inbox: boolean;
}

/** Checks the options before anything binds a port, so a bad option fails in the test that gave it. */
export function resolveSandboxSettings(options: ZixflowSandboxOptions): SandboxSettings {
  const port = options.port ?? 0;
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const workspaceId = options.workspaceId ?? DEFAULT_WORKSPACE_ID;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`ZixflowSandbox: invalid port ${port}`);
  if (apiKey === '') throw new RangeError('ZixflowSandbox: apiKey must not be empty');
  if (workspaceId === '') throw new RangeError('ZixflowSandbox: workspaceId must not be empty');
  const phoneId = options.phoneId ?? DEFAULT_PHONE_ID;
  const wabaId = options.wabaId ?? DEFAULT_WABA_ID;
  const listed = options.accounts ?? [whatsappAccountOf(phoneId, wabaId, 'Sandbox Business')];
  const main: SandboxAccountSettings = {
    name: undefined,
    apiKey,
    workspaceId,
    phoneId,
    wabaId,
    whatsappAccounts: listed.map((account) => ({ ...account })),
  };
  return {
    port,
    accounts: resolveAccounts(main, options.zixflowAccounts),
    statusDelayMs: statusDelay(options.deliveryReports),
    reportsEnabled: options.deliveryReports !== false,
    inbox: options.inbox !== false,
  };
}

/** The pause before each status step; with reports switched off the inbox still shows the steps at the default pace. */
function statusDelay(setting: ZixflowSandboxOptions['deliveryReports']): number {
  if (setting === false) return DEFAULT_REPORT_DELAY_MS;
  const delayMs = setting?.delayMs ?? DEFAULT_REPORT_DELAY_MS;
  if (!Number.isFinite(delayMs) || delayMs < 0)
    throw new RangeError(`ZixflowSandbox: deliveryReports.delayMs must be a non-negative number (got ${delayMs})`);
  return delayMs;
}
