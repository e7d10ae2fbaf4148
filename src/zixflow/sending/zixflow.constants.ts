/**
 * Injection token of each `ZixflowModule` registration's {@link ZixflowRegistration}: its name (none
 * for the default) and its service. Every registration provides one, so the webhooks, the bot and
 * the queue find an account's service by name with `moduleRef.get(…, { each: true })`.
 */
export const ZIXFLOW_REGISTRATION = Symbol('ZIXFLOW_REGISTRATION');
