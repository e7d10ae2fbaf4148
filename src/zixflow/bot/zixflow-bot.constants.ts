/** Injection token of the bot options with defaults applied. Internal. */
export const ZIXFLOW_BOT_RESOLVED_OPTIONS = Symbol('ZIXFLOW_BOT_RESOLVED_OPTIONS');

/** Said when a handler throws and no exception filter answered. */
export const DEFAULT_APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';

/** Said when a saved dialog no longer matches the code (a deploy changed it). */
export const DEFAULT_OUTDATED_DIALOG =
  'Sorry, we have updated this conversation since your last message. Let us start again.';

/** Injection token of the application's `EventEmitter2`, checked to exist. Internal. */
export const ZIXFLOW_BOT_EMITTER = Symbol('ZIXFLOW_BOT_EMITTER');
