import type { SandboxAccountSettings } from './sandbox-account.settings';
import { DEFAULT_ACCOUNT_LABEL } from './sandbox-account.settings';
import { isAiPath } from './sandbox-ai-api.rules';
import type { SandboxRecordedRequest } from './zixflow-sandbox.types';

type Headers = SandboxRecordedRequest['headers'];

/**
 * The Zixflow accounts one sandbox serves, the default first, and which of them a request's
 * credentials belong to. Every part that answers, records or reports asks here, so an account is
 * told apart the same way everywhere: by its key (campaign API), or its key together with its own
 * workspace id (AI API). Credentials of no account, or one account's key with another's workspace,
 * belong to none.
 */
export class SandboxAccountDirectory {
  private readonly byName = new Map<string | undefined, SandboxAccountSettings>();

  constructor(private readonly accounts: readonly SandboxAccountSettings[]) {
    accounts.forEach((account) => this.byName.set(account.name, account));
  }

  /** The account of the top-level options. */
  get main(): SandboxAccountSettings {
    return this.accounts[0];
  }

  /** Every account, the default first. */
  get all(): readonly SandboxAccountSettings[] {
    return this.accounts;
  }

  /** The account with this name (undefined: the default one), or undefined when there is none. */
  find(name: string | undefined): SandboxAccountSettings | undefined {
    return this.byName.get(name);
  }

  /** Like {@link find}, but a name the sandbox does not know is the caller's mistake, said in `where`'s words. */
  get(name: string | undefined, where: string): SandboxAccountSettings {
    const account = this.byName.get(name);
    if (account !== undefined) return account;
    const known = this.accounts.map((known) => known.name ?? `${DEFAULT_ACCOUNT_LABEL} (no name)`).join(', ');
    throw new RangeError(`ZixflowSandbox: ${where}: no account named ${JSON.stringify(name)} (known: ${known})`);
  }

  /** The account whose key is in a campaign API `Authorization: Bearer <key>` header. */
  byBearer(headers: Headers): SandboxAccountSettings | undefined {
    const authorization = headers.authorization;
    if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return undefined;
    const key = authorization.slice('Bearer '.length);
    return this.accounts.find((account) => account.apiKey === key);
  }

  /** The account of an AI API call: its key in `x-api-key` and, with it, that same account's `x-workspace-id`. */
  byAiHeaders(headers: Headers): SandboxAccountSettings | undefined {
    const key = headers['x-api-key'];
    const workspaceId = headers['x-workspace-id'];
    return this.accounts.find((account) => account.apiKey === key && account.workspaceId === workspaceId);
  }

  /** The account a request came from, by the credentials its API takes; undefined when they are no account's. */
  ofRequest(request: Pick<SandboxRecordedRequest, 'path' | 'headers'>): SandboxAccountSettings | undefined {
    return isAiPath(request.path) ? this.byAiHeaders(request.headers) : this.byBearer(request.headers);
  }
}
