/** Why a send lane refused a caller: its queue was full, or the caller's wait budget ran out. */
export type PacingRefusal = 'queue-full' | 'wait-expired';

/**
 * Builds the error a refused caller is rejected with. The lane knows only that it refused; the
 * caller knows the endpoint and attempt, so it makes the public error.
 */
export type PacingRefusalError = (refusal: PacingRefusal) => Error;

/** Frees the slot taken by {@link SendLane.acquire}; calling it more than once has no effect. */
export type ReleaseSlot = () => void;
