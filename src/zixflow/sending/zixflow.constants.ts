/** Injection token of the library's own `HttpService`, so it never shares the app's `HttpModule`. */
export const ZIXFLOW_HTTP_SERVICE = Symbol('ZIXFLOW_HTTP_SERVICE');

/** Injection token of the checked options with defaults applied. */
export const ZIXFLOW_RESOLVED_OPTIONS = Symbol('ZIXFLOW_RESOLVED_OPTIONS');

/**
 * Injection token of each `ZixflowModule` registration's {@link ZixflowRegistration}: its name (none
 * for the default) and its service. Every registration provides one, so the webhooks, the bot and
 * the queue find an account's service by name with `moduleRef.get(…, { each: true })`.
 */
export const ZIXFLOW_REGISTRATION = Symbol('ZIXFLOW_REGISTRATION');
