import { ZIXFLOW_PROBE_TEMPLATE } from '../sending/data/probe-zixflow';

/** Default key of each check in the `/health` answer. */
export const ZIXFLOW_HEALTH_KEYS = { zixflow: 'zixflow', redis: 'redis', webhooks: 'zixflow-webhooks' } as const;

/** The campaign API is asked about this template: no workspace has it, so only the key's acceptance counts. */
export const ZIXFLOW_HEALTH_PROBE_TEMPLATE = ZIXFLOW_PROBE_TEMPLATE;

/** Defaults of the checks, in ms. */
export const ZIXFLOW_HEALTH_DEFAULT_CACHE_MS = 30_000;
export const ZIXFLOW_HEALTH_DEFAULT_REDIS_TIMEOUT_MS = 1000;
