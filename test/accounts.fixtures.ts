import { ZixflowModuleOptions } from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';

/** One account of the multi-account tests: its own sandbox, key, workspace and number. */
export interface TestAccount {
  /** Registration name or tenant id; undefined for the default registration. */
  name: string | undefined;
  kind: 'default' | 'named' | 'tenant';
  api: 'campaign' | 'ai';
  apiKey: string;
  workspaceId: string;
  phoneId: string;
  webhookSecret: string;
  sandbox: ZixflowSandbox;
}

const SPECS: Omit<TestAccount, 'sandbox' | 'apiKey' | 'workspaceId' | 'phoneId' | 'webhookSecret'>[] = [
  { name: undefined, kind: 'default', api: 'campaign' },
  { name: 'brand-a', kind: 'named', api: 'campaign' },
  { name: 'brand-b', kind: 'named', api: 'ai' },
  { name: 'tenant-1', kind: 'tenant', api: 'campaign' },
  { name: 'tenant-2', kind: 'tenant', api: 'ai' },
  { name: 'tenant-3', kind: 'tenant', api: 'campaign' },
];

/** Starts one sandbox per account, each expecting only its own key and workspace. */
export async function startAccounts(): Promise<TestAccount[]> {
  return Promise.all(
    SPECS.map(async (spec, index) => {
      const label = spec.name ?? 'default';
      const apiKey = `zx-key-${label}-${index}a7f3c9e1b5d`;
      const workspaceId = `ws-${label}-${index}c4e8`;
      const phoneId = `10000000000010${index}`;
      const sandbox = await ZixflowSandbox.start({ apiKey, workspaceId, phoneId, deliveryReports: { delayMs: 5 } });
      return { ...spec, apiKey, workspaceId, phoneId, webhookSecret: `whsec-${label}-0123456789abcdef`, sandbox };
    }),
  );
}

/** The options a registration or tenant resolver gives for `account`. */
export function optionsOf(account: TestAccount, extra: Partial<ZixflowModuleOptions> = {}): ZixflowModuleOptions {
  return {
    apiKey: account.apiKey,
    baseUrl: account.sandbox.url,
    defaultPhoneId: account.phoneId,
    retry: false,
    ...(account.api === 'ai' ? { api: 'ai', workspaceId: account.workspaceId } : {}),
    ...extra,
  };
}

/** Every secret of every account other than `account`: none may ever appear in what `account` produced. */
export function othersSecrets(accounts: readonly TestAccount[], account: TestAccount): string[] {
  return accounts
    .filter((other) => other !== account)
    .flatMap((other) => [other.apiKey, other.workspaceId, other.webhookSecret]);
}

/** Every secret of every account. */
export function allSecrets(accounts: readonly TestAccount[]): string[] {
  return accounts.flatMap((account) => [account.apiKey, account.workspaceId, account.webhookSecret]);
}
