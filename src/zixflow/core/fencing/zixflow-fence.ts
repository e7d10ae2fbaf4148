/**
 * Proof that the code holding it is the only one working on a conversation: the lease it holds and
 * the token it was given. A store that is given a fence refuses a save once the lease has passed to
 * someone else (a newer token), so an instance that paused past its lease cannot overwrite the
 * work of the one that took over.
 */
export interface ZixflowFence {
  /** The key of the lease in the shared store. */
  leaseKey: string;
  /** The token the lease was granted with; tokens only grow. */
  token: number;
}

/**
 * Where a durable inbound pipeline puts the fence on the event it delivers, as a symbol property
 * that serialisation ignores, so handlers down the line (the bot's saves) can pass it to the store.
 */
export const ZIXFLOW_FENCE: unique symbol = Symbol('ZixflowFence');

/** An object that may carry a fence. */
export interface ZixflowFenced {
  [ZIXFLOW_FENCE]?: ZixflowFence;
}

/** The fence an event carries, if a pipeline attached one. */
export function fenceOf(event: object): ZixflowFence | undefined {
  return (event as ZixflowFenced)[ZIXFLOW_FENCE];
}
