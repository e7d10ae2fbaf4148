/** Injection token of the library's own `HttpService`, so it never shares the app's `HttpModule`. */
export const ZIXFLOW_HTTP_SERVICE = Symbol('ZIXFLOW_HTTP_SERVICE');

/** Injection token of the checked options with defaults applied. */
export const ZIXFLOW_RESOLVED_OPTIONS = Symbol('ZIXFLOW_RESOLVED_OPTIONS');
