import * as defaults from './zixflow-webhooks.constants';

// Defaults that were public before 0.2 and leave the API at 1.0; the values are in docs/receiving.md.

/** @deprecated Leaves the API at 1.0. Default `path`, `zixflow/webhooks`. */
export const ZIXFLOW_WEBHOOKS_DEFAULT_PATH = defaults.ZIXFLOW_WEBHOOKS_DEFAULT_PATH;
/** @deprecated Leaves the API at 1.0. Default `secretHeader`, `x-zixflow-secret`. */
export const ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER = defaults.ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER;
/** @deprecated Leaves the API at 1.0. The report URL's secret parameter, `token`. */
export const ZIXFLOW_WEBHOOK_REPORT_TOKEN_PARAM = defaults.ZIXFLOW_WEBHOOK_REPORT_TOKEN_PARAM;
/** @deprecated Leaves the API at 1.0. Default `maxBodyBytes`, 262 144. */
export const ZIXFLOW_WEBHOOK_DEFAULT_MAX_BODY_BYTES = defaults.ZIXFLOW_WEBHOOK_DEFAULT_MAX_BODY_BYTES;
/** @deprecated Leaves the API at 1.0. Default `dedupe.ttlMs`. */
export const ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_TTL_MS = defaults.ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_TTL_MS;
/** @deprecated Leaves the API at 1.0. Default `dedupe.maxEntries`, 100 000. */
export const ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_MAX_ENTRIES = defaults.ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_MAX_ENTRIES;
/** @deprecated Leaves the API at 1.0. The `event` value of incoming-message payloads. */
export const ZIXFLOW_INCOMING_WHATSAPP_EVENT = defaults.ZIXFLOW_INCOMING_WHATSAPP_EVENT;
