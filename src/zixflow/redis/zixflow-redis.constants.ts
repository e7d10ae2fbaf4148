/** Injection token of the module's ioredis connection. Internal. */
export const ZIXFLOW_REDIS_CONNECTION = Symbol('ZIXFLOW_REDIS_CONNECTION');

/** Injection token of the checked options. Internal. */
export const ZIXFLOW_REDIS_RESOLVED_OPTIONS = Symbol('ZIXFLOW_REDIS_RESOLVED_OPTIONS');
