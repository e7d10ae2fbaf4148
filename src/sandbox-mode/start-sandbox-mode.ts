import { ZixflowSandbox } from '../zixflow/testing';

/** Sender id the example uses in sandbox mode, so requests need no `phoneId`. */
export const SANDBOX_PHONE_ID = '100000000000001';

/**
 * Starts the embedded sandbox on a free port and points the `ZIXFLOW_*` variables at it, so the
 * app module reads its configuration exactly as it would for the real API.
 */
export async function startSandboxMode(): Promise<ZixflowSandbox> {
  const sandbox = await ZixflowSandbox.start();
  process.env.ZIXFLOW_API_KEY = sandbox.apiKey;
  process.env.ZIXFLOW_BASE_URL = sandbox.url;
  process.env.ZIXFLOW_PHONE_ID = SANDBOX_PHONE_ID;
  return sandbox;
}
