import { randomBytes } from 'node:crypto';

/** Sender id the example uses in sandbox mode, so requests need no `phoneId`. */
export const SANDBOX_PHONE_ID = '100000000000001';

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
