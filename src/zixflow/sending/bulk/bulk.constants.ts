/** Default number of messages `sendMany` keeps in flight. */
export const ZIXFLOW_DEFAULT_SEND_MANY_CONCURRENCY = 10;
