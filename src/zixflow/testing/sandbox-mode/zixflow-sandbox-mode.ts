import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ZixflowSandbox } from '../zixflow-sandbox';

/** Options of {@link ZixflowSandboxMode.start}; all have defaults. */
export interface ZixflowSandboxModeOptions {
  /** The port your app will listen on, for the sandbox to call its webhook. Default `PORT`, else 3000. */
  port?: number;
  /** Where your `ZixflowWebhooksModule` is mounted. Default `zixflow/webhooks`. */
  webhooksPath?: string;
  /** The business number's phone id the sandbox plays. Default: the sandbox's own. */
  phoneId?: string;
  /** Where the `ZIXFLOW_*` variables are read and set. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** A `.env` file read first (without overriding what is set), so a key there means live mode. Default `.env`; `false` reads none. */
  envFile?: string | false;
  /** Where the banner goes. Default: Nest's logger; `false` prints nothing. */
  log?: ((banner: string) => void) | false;
}

const PRODUCTION_REFUSAL =
  'ZixflowSandboxMode refuses to start with NODE_ENV=production: set ZIXFLOW_API_KEY (and ZIXFLOW_PHONE_ID) to use Zixflow.';

function banner(sandbox: ZixflowSandbox, incomingUrl: string): string {
  return [
    'Zixflow sandbox mode: ZIXFLOW_API_KEY is not set, so messages go to a local fake Zixflow; nothing leaves this machine.',
    `Fake Zixflow: ${sandbox.url} (its customers write to ${incomingUrl})`,
    ...(sandbox.inboxUrl === undefined ? [] : [`Inbox: ${sandbox.inboxUrl}`]),
  ].join('\n');
}

/**
 * Sandbox mode for any app, in one line at the top of `main.ts`, before the app is created:
 *
 * ```ts
 * await ZixflowSandboxMode.start();
 * ```
 *
 * Without `ZIXFLOW_API_KEY` (in the environment or `.env`), it starts an embedded
 * {@link ZixflowSandbox} with its browser inbox, points the `ZIXFLOW_*` variables that
 * `zixflowConfig` and `zixflowWebhooksConfig` read at it (a webhook secret is generated when none
 * is set), connects the sandbox to the app's webhook on `PORT`, and prints a banner with the inbox
 * link. With a key it does nothing and resolves `undefined`. It refuses to run when
 * `NODE_ENV=production`, so a production deploy without a key fails loudly instead of faking.
 */
export const ZixflowSandboxMode = {
  /** Starts sandbox mode (see {@link ZixflowSandboxMode}); resolves the sandbox, or undefined in live mode. */
  async start(options: ZixflowSandboxModeOptions = {}): Promise<ZixflowSandbox | undefined> {
    const env = options.env ?? process.env;
    const envFile = options.envFile ?? '.env';
    if (envFile !== false && env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
    if (env.ZIXFLOW_API_KEY?.trim()) return undefined;
    if (env.NODE_ENV === 'production') throw new Error(PRODUCTION_REFUSAL);
    const sandbox = await ZixflowSandbox.start(options.phoneId === undefined ? {} : { phoneId: options.phoneId });
    env.ZIXFLOW_API_KEY = sandbox.apiKey;
    env.ZIXFLOW_BASE_URL = sandbox.url;
    env.ZIXFLOW_PHONE_ID = sandbox.phoneId;
    if (!env.ZIXFLOW_WEBHOOK_SECRET) env.ZIXFLOW_WEBHOOK_SECRET = randomBytes(32).toString('hex');
    const port = options.port ?? Number(env.PORT ?? 3000);
    const incomingUrl = `http://127.0.0.1:${port}/${(options.webhooksPath ?? 'zixflow/webhooks').replace(/^\/+|\/+$/g, '')}/incoming`;
    sandbox.connectApp({ incomingUrl, secret: env.ZIXFLOW_WEBHOOK_SECRET });
    const log = options.log ?? ((text: string) => new Logger('ZixflowSandbox').log(text));
    if (log !== false) log(banner(sandbox, incomingUrl));
    return sandbox;
  },
};
