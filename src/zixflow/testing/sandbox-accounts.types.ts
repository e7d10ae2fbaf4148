import type { SandboxWhatsappAccount } from './zixflow-sandbox.types';

/**
 * One more Zixflow account a single sandbox serves, beside the default account that the
 * top-level `apiKey`, `workspaceId`, `phoneId`, `wabaId` and `accounts` options describe. A
 * request belongs to the account whose credentials it carries; each account has its own business
 * number, its own conversations in the inbox and its own connected app (see
 * `ZixflowSandbox.connectApp({ account })`).
 */
export interface ZixflowSandboxAccountOptions {
  /**
   * The account's name, as your app names it: the `name` of its `ZixflowModule.forRoot`
   * registration or its tenant id (the `:account` of its webhook routes). 1 to 64 letters, digits
   * and `- . _ ~`, starting with a letter or digit, unique, and not `default` (the inbox's label of
   * the top-level account).
   */
  name: string;
  /**
   * Its key: `Authorization: Bearer <apiKey>` on the campaign API, `x-api-key` on the AI API.
   * Required, and different from every other account's, since it is what tells accounts apart.
   */
  apiKey: string;
  /** The workspace id the AI API expects in `x-workspace-id` with this key. Default `sandbox-workspace-<name>`. */
  workspaceId?: string;
  /**
   * Business phone-number id this account's customers write to. Default `1000000000<nnn>01`, where
   * `<nnn>` is the account's position in `zixflowAccounts` counting from 001.
   */
  phoneId?: string;
  /** WhatsApp Business Account id in this account's simulated incoming messages. Default `1000000000<nnn>02`. */
  wabaId?: string;
  /**
   * The WhatsApp accounts the AI API's accounts endpoint lists for this key. Default: one for
   * `phoneId` / `wabaId`, verified name `Sandbox Business (<name>)`.
   */
  whatsappAccounts?: SandboxWhatsappAccount[];
}

/**
 * One Zixflow account of a sandbox as `ZixflowSandbox.zixflowAccounts` describes it: everything
 * a test needs to point a registration at it, except the key, which the test gave itself.
 */
export interface SandboxAccountInfo {
  /** The account's name; undefined for the default account (the top-level options). */
  name: string | undefined;
  /** What the inbox labels its chats with: the name, or `default`. */
  label: string;
  /** The workspace id its AI API calls must carry. */
  workspaceId: string;
  /** Its business phone-number id. */
  phoneId: string;
  /** Its WhatsApp Business Account id. */
  wabaId: string;
  /** Whether an app was connected for it with `connectApp`. */
  appConnected: boolean;
}
