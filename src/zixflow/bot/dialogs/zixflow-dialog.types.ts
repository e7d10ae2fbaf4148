import type { ZixflowBotContext, ZixflowBotReply } from '../context/zixflow-bot-context';

/** A message a step sends: fixed, or made from the conversation. */
export type ZixflowDialogMessage<V> = ZixflowBotReply | ((ctx: ZixflowBotContext, values: V) => ZixflowBotReply);

/** A question whose answer is checked before the dialog moves on. Made with {@link prompt}. */
export interface ZixflowPromptStep<V> {
  kind: 'prompt';
  /** Where the answer is kept in the dialog's values. */
  name: keyof V & string;
  /** The question, sent when the step is reached. */
  ask: ZixflowDialogMessage<V>;
  /**
   * Reads the customer's answer: the value to keep, or `undefined` when it is not an answer (then
   * `retry` is sent). May be async, e.g. to look an order up.
   */
  parse: (ctx: ZixflowBotContext, values: V) => unknown;
  /** Sent after an answer that did not parse. Default: the question again. */
  retry?: ZixflowDialogMessage<V>;
  /**
   * Wrong answers allowed before the dialog gives up (and ends the dialogs, with `giveUp`). Default 2;
   * `Number.POSITIVE_INFINITY` never gives up. A value already given to `beginDialog` skips the prompt.
   */
  maxRetries?: number;
  /** Sent when the dialog gives up after too many wrong answers: the way out. */
  giveUp?: ZixflowDialogMessage<V>;
}

/** Code that runs when the step is reached; it may reply, end the dialog or begin another one. */
export type ZixflowActionStep<V> = (ctx: ZixflowBotContext, values: V) => unknown;

/** One step of a dialog. */
export type ZixflowDialogStep<V> = ZixflowPromptStep<V> | ZixflowActionStep<V>;

/** Options of `@ZixflowDialog()`. */
export interface ZixflowDialogOptions {
  /** Unique id, used by `ctx.beginDialog(id)` and saved with the conversation. */
  id: string;
  /**
   * Raise it when the steps change incompatibly: a conversation saved mid-dialog by another
   * version is ended cleanly, with the bot's `outdatedDialogMessage`, instead of resuming at a step
   * that now means something else. Default 1.
   */
  version?: number;
  /** Silence after which the dialog ends, with `expiredMessage`. Default: no time-out. */
  idleTimeoutMs?: number;
  /** Sent when the dialog ends by time-out. */
  expiredMessage?: ZixflowBotReply;
  /** One reminder before the time-out. */
  nudge?: { afterMs: number; message: ZixflowBotReply };
}

/** What a dialog provider has: its steps, in order. */
export interface ZixflowDialogDefinition<V extends object = Record<string, unknown>> {
  /** The steps; a dialog whose last step has run ends, and its values go to the dialog that began it. */
  readonly steps: ReadonlyArray<ZixflowDialogStep<V>>;
}

/** A prompt step: see {@link ZixflowPromptStep}. */
export function prompt<V>(options: Omit<ZixflowPromptStep<V>, 'kind'>): ZixflowPromptStep<V> {
  return { kind: 'prompt', ...options };
}
