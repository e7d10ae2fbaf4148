/** Injection token of the running sandbox. */
export const SANDBOX = Symbol('SANDBOX');
