/** Route prefix of the webhook controller: `POST /zixflow/webhooks/incoming`, `/reports` and `/postbacks`. */
export const ZIXFLOW_WEBHOOKS_DEFAULT_PATH = 'zixflow/webhooks';

/** Header that carries the secret on incoming-message webhooks (a custom header set in Zixflow). */
export const ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER = 'x-zixflow-secret';

/**
 * Query parameter that carries the secret on delivery-report callbacks and post-backs. `reportURL`
 * and `post_back_url` are URLs we hand to Zixflow with each send, so the secret travels inside them.
 */
export const ZIXFLOW_WEBHOOK_REPORT_TOKEN_PARAM = 'token';

/** Largest accepted webhook body: real payloads are a few KB, since media arrive as links. */
export const ZIXFLOW_WEBHOOK_DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * Deepest nesting accepted in a webhook body: objects and arrays on one path, the body itself being
 * level 1. Zixflow's payloads nest four or five levels; a body nested deeper is answered
 * `400 Webhook body nested deeper than 64 levels` on every HTTP platform and parser setting. The
 * limit keeps every later walk over the event (handlers that log or serialise `raw`, stores that
 * copy it) far from a stack overflow, which a body thousands of levels deep causes while still
 * well under the size cap.
 */
export const ZIXFLOW_WEBHOOK_MAX_BODY_DEPTH = 64;

/**
 * How long an `eventId` is remembered. Zixflow retries a failed delivery for up to two days; 72 hours
 * leaves a margin for clock skew and slow retries.
 */
export const ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_TTL_MS = 72 * 60 * 60 * 1000;

/** How many ids the in-memory dedupe store keeps before dropping the oldest (about 10 MB at most). */
export const ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_MAX_ENTRIES = 100_000;

/** The `event` value of the payloads this library handles. */
export const ZIXFLOW_INCOMING_WHATSAPP_EVENT = 'incoming.whatsapp.message';

/** Injection token of the checked webhook options. Internal. */
export const ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS = Symbol('ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS');

/** Injection token of the application's `EventEmitter2`, checked to exist. Internal. */
export const ZIXFLOW_WEBHOOKS_EMITTER = Symbol('ZIXFLOW_WEBHOOKS_EMITTER');
