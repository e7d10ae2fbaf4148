/** The time and the timers the bot uses, so tests can move time forward instead of waiting. */
export interface ZixflowBotClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

/** The real clock; timers do not keep the process alive. */
export const systemBotClock: ZixflowBotClock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timer = setTimeout(callback, Math.min(ms, 2_147_483_647));
    timer.unref();
    return () => clearTimeout(timer);
  },
};
