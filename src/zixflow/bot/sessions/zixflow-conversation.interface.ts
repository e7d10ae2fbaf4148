/** One step of an active dialog, as saved: plain JSON, so it survives a restart and a deploy. */
export interface ZixflowDialogFrame {
  /** The dialog's id. */
  id: string;
  /** The dialog's version when this frame was started; another version ends it cleanly. */
  version: number;
  /** Index of the current step. */
  step: number;
  /** Values collected by the steps so far, by prompt name. */
  values: Record<string, unknown>;
  /** Failed answers to the current prompt. */
  retries: number;
  /** Whether the current prompt has been asked and waits for the customer's answer. */
  waiting: boolean;
}

/** Everything the bot keeps about one conversation between turns. */
export interface ZixflowConversationState<S extends object = Record<string, unknown>> {
  /** The app's own session data, typed by the bot. */
  session: S;
  /** Active dialogs, outermost first; the last one receives the customer's answers. */
  dialogs: ZixflowDialogFrame[];
  /** Set while a human handles the conversation: bot routes are skipped, except resume routes. */
  handoff?: { since: string; reason?: string };
  /** When the customer last wrote (ISO time): the start of the 24-hour session window. */
  lastCustomerMessageAt?: string;
  /** When the bot last did something in this conversation (ISO time): idle time-outs count from it. */
  lastActivityAt?: string;
  /**
   * The last turn saved: its event and its replies. When the same event is delivered again (an
   * instance died between the save and the acknowledgement), the turn is not run twice: its
   * replies are sent again instead, through the outbox's idempotency keys where there is one.
   */
  lastTurn?: { eventId: string; replies: unknown[] };
}

/** A saved conversation and the version the store gave it, for compare-and-set. */
export interface ZixflowStoredConversation<S extends object = Record<string, unknown>> {
  /** Increases by one on every save; a save that names an older version is refused. */
  version: number;
  /** The state itself. */
  state: ZixflowConversationState<S>;
}
