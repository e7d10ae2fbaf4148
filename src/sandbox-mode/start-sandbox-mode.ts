import { randomBytes } from 'node:crypto';
import { ZixflowSandbox } from '../zixflow/testing';

/** Sender id the example uses in sandbox mode, so requests need no `phoneId`. */
export const SANDBOX_PHONE_ID = '100000000000001';

/**
 * Starts the embedded sandbox on a free port and points the `ZIXFLOW_*` variables at it, so the
 * app module reads its configuration exactly as it would for the real API.
 */
export async function startSandboxMode(): Promise<ZixflowSandbox> {
  const sandbox = await ZixflowSandbox.start({ phoneId: SANDBOX_PHONE_ID });
  process.env.ZIXFLOW_API_KEY = sandbox.apiKey;
  process.env.ZIXFLOW_BASE_URL = sandbox.url;
  process.env.ZIXFLOW_PHONE_ID = SANDBOX_PHONE_ID;
  return sandbox;
}

/**
 * Generates a webhook secret when `ZIXFLOW_WEBHOOK_SECRET` is unset, so sandbox mode receives
 * webhooks with zero setup. It is never printed: `POST /sandbox/incoming` hands it to the sandbox
 * internally. Set the variable yourself to know it (e.g. to put it in a `reportURL`).
 */
export function ensureSandboxWebhookSecret(): void {
  if (!process.env.ZIXFLOW_WEBHOOK_SECRET) {
    process.env.ZIXFLOW_WEBHOOK_SECRET = randomBytes(32).toString('hex');
  }
}
