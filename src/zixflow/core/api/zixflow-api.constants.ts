/** Zixflow's campaign API host. */
export const ZIXFLOW_DEFAULT_BASE_URL = 'https://api.zixflow.com';

/** Default time-out of one request, in milliseconds. */
export const ZIXFLOW_DEFAULT_TIMEOUT_MS = 10_000;

/** Path of the session (free-form) message send, shared by every non-template message type. */
export const ZIXFLOW_SESSION_MESSAGE_PATH = '/api/v1/campaign/whatsapp/message/send';

/** Path of the approved-template send. */
export const ZIXFLOW_TEMPLATE_MESSAGE_PATH = '/api/v1/campaign/whatsapp/send';
