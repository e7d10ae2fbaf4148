/** A value now, or later: what a webhook step returns when only some of its paths wait. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Runs `next` on `value` at once when it is already there, or once it resolves. Webhook steps are
 * synchronous on the common path (body parsed by the app, in-memory dedupe); chaining them this way
 * instead of with `await` spares each delivery a promise and a microtask per step. A throw in
 * `next` is thrown, or rejected, to the caller as it would be with `await`.
 */
export function thenMaybe<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
