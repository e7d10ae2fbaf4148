import * as api from './core/api/zixflow-api.constants';
import * as bulk from './sending/bulk/bulk.constants';

// Constants that were public before 0.2 and leave the API at 1.0: wire paths and defaults are
// details of the client, and each export is a semver promise. The values are in docs/configuration.md.

/** @deprecated Leaves the API at 1.0. Zixflow's campaign API host, the default `baseUrl`. */
export const ZIXFLOW_DEFAULT_BASE_URL = api.ZIXFLOW_DEFAULT_BASE_URL;
/** @deprecated Leaves the API at 1.0. The default `timeoutMs`, 10 000. */
export const ZIXFLOW_DEFAULT_TIMEOUT_MS = api.ZIXFLOW_DEFAULT_TIMEOUT_MS;
/** @deprecated Leaves the API at 1.0. The campaign API's session-message path. */
export const ZIXFLOW_SESSION_MESSAGE_PATH = api.ZIXFLOW_SESSION_MESSAGE_PATH;
/** @deprecated Leaves the API at 1.0. The campaign API's template-message path. */
export const ZIXFLOW_TEMPLATE_MESSAGE_PATH = api.ZIXFLOW_TEMPLATE_MESSAGE_PATH;
/** @deprecated Leaves the API at 1.0. The default `sendMany` concurrency, 10. */
export const ZIXFLOW_DEFAULT_SEND_MANY_CONCURRENCY = bulk.ZIXFLOW_DEFAULT_SEND_MANY_CONCURRENCY;
