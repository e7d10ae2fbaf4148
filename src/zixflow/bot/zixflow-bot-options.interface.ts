import type { ZixflowBotReply } from './context/zixflow-bot-context';
import type { ZixflowConversationStore } from './sessions/zixflow-conversation-store.interface';
import type { ZixflowBotClock } from './timers/zixflow-bot-clock';
import type { ZixflowBotTimers } from './timers/zixflow-bot-timers.interface';
import type { ZixflowReplyLog } from './turns/zixflow-reply-log.interface';

/** Options of `ZixflowBotModule.forRoot()` / `forRootAsync()`; every one has a default. */
export interface ZixflowBotModuleOptions {
  /** Where conversations are kept. Default: a bounded in-memory store (this process only). */
  store?: ZixflowConversationStore;
  /** How long a silent conversation is kept. Default 24 hours, WhatsApp's session window. */
  sessionTtlMs?: number;
  /** The session of a new conversation. Default `{}`. */
  initialSession?: () => object;
  /** Conversations whose turns run at the same time (one turn at a time within each). Default 32. */
  maxParallelConversations?: number;
  /** Sent when a handler throws and no exception filter answered; `false` sends nothing. */
  apologyMessage?: ZixflowBotReply | false;
  /** Sent when a saved dialog's version no longer matches the code (after a deploy). */
  outdatedDialogMessage?: ZixflowBotReply;
  /**
   * Replies that leave when the 24-hour window is closed (nudges and other timer replies): refused
   * with `ZixflowSessionWindowClosedError` (default, logged), or replaced by this template.
   */
  windowClosedTemplate?: Extract<ZixflowBotReply, { type: 'template' }>;
  /** Times and timers; tests pass a fake one (the testbed does). Default: the real clock. */
  clock?: ZixflowBotClock;
  /** Compare-and-set conflicts after which a turn is given up and reported. Default 3. */
  maxTurnAttempts?: number;
  /** Where idle time-outs and nudges wait. Default: timers in this process. */
  timers?: ZixflowBotTimers;
  /** Which replies were accepted, so a turn delivered again resends only the rest. Default: none. */
  replyLog?: ZixflowReplyLog;
}

/** The options with defaults applied. */
export type ResolvedZixflowBotOptions = Required<
  Omit<ZixflowBotModuleOptions, 'store' | 'windowClosedTemplate' | 'timers' | 'replyLog'>
> &
  Pick<ZixflowBotModuleOptions, 'store' | 'windowClosedTemplate' | 'timers' | 'replyLog'>;
