/** Zixflow's campaign API host. */
export const ZIXFLOW_DEFAULT_BASE_URL = 'https://api.zixflow.com';

/** The Zixflow AI API's host, the default `baseUrl` when `api` is `'ai'`. */
export const ZIXFLOW_AI_DEFAULT_BASE_URL = 'https://api-ai.zixflow.com';

/**
 * Path prefix of the AI API's send endpoints (`/api/ingest/whatsapp/v1/...`). Older copies of
 * Zixflow's docs show `/api/ingestion`, so the prefix is an option (`ingestPrefix`).
 */
export const ZIXFLOW_AI_DEFAULT_INGEST_PREFIX = '/api/ingest';

/** Default time-out of one request, in milliseconds. */
export const ZIXFLOW_DEFAULT_TIMEOUT_MS = 10_000;

/** Path of the session (free-form) message send, shared by every non-template message type. */
export const ZIXFLOW_SESSION_MESSAGE_PATH = '/api/v1/campaign/whatsapp/message/send';

/** Path of the approved-template send. */
export const ZIXFLOW_TEMPLATE_MESSAGE_PATH = '/api/v1/campaign/whatsapp/send';

/** The AI API's WhatsApp accounts (GET, no parameters). */
export const ZIXFLOW_AI_ACCOUNTS_PATH = '/api/data/whatsapp/v1/accounts';

/** The AI API's delivery report of any channel, by `request_id` (GET). */
export const ZIXFLOW_AI_DELIVERY_REPORT_PATH = '/api/data/messages/v1/delivery-report';

/** The AI API's per-number data: `…/{phone_id}/templates` and `…/{phone_id}/variable-keys` (GET). */
export function zixflowAiPhoneDataPath(phoneId: string, resource: 'templates' | 'variable-keys'): string {
  return `/api/data/whatsapp/v1/${encodeURIComponent(phoneId)}/${resource}`;
}
