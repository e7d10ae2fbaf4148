import {
  custom,
  durationMs,
  fn,
  optionError,
  OptionOwner,
  OptionShapeOf,
  resolveOptions,
  wholeNumber,
} from '../core/options';
import type { ZixflowBotReply } from './context/zixflow-bot-context';
import type { ZixflowConversationStore } from './sessions/zixflow-conversation-store.interface';
import type { ZixflowBotClock } from './timers/zixflow-bot-clock';
import type { ZixflowBotTimers } from './timers/zixflow-bot-timers.interface';
import type { ZixflowReplyLog } from './turns/zixflow-reply-log.interface';
import { systemBotClock } from './timers/zixflow-bot-clock';
import { DEFAULT_APOLOGY, DEFAULT_OUTDATED_DIALOG } from './zixflow-bot.constants';
import type { ResolvedZixflowBotOptions, ZixflowBotModuleOptions } from './zixflow-bot-options.interface';

/** How `ZixflowBotModule` is named in its messages. */
const ZIXFLOW_BOT_OPTIONS_OWNER: OptionOwner = { name: 'ZixflowBotModule', config: undefined, extras: [] };

function implementing<T>(methods: readonly string[], rule: string) {
  return custom<T>((value, site) => {
    const candidate = value as Record<string, unknown> | null;
    if (
      typeof candidate !== 'object' ||
      candidate === null ||
      methods.some((name) => typeof candidate[name] !== 'function')
    ) {
      throw optionError(site, rule);
    }
    return value as T;
  });
}

function isReply(value: unknown): value is ZixflowBotReply {
  return typeof value === 'string' || (typeof value === 'object' && value !== null && 'type' in value);
}

function reply(rule: string) {
  return custom<ZixflowBotReply>((value, site) => {
    if (!isReply(value)) throw optionError(site, rule);
    return value;
  });
}

/** Every option of `ZixflowBotModule`, declared once with its check and default. */
const ZIXFLOW_BOT_OPTION_FIELDS = {
  store: implementing<ZixflowConversationStore>(
    ['load', 'compareAndSet', 'delete'],
    'must implement ZixflowConversationStore (load, compareAndSet, delete)',
  ).optional(),
  sessionTtlMs: durationMs(1000).default(24 * 60 * 60 * 1000),
  initialSession: fn<() => object>().default(() => ({})),
  maxParallelConversations: wholeNumber({ min: 1 }).default(32),
  apologyMessage: custom<ZixflowBotReply | false>((value, site) => {
    if (value !== false && !isReply(value)) throw optionError(site, 'must be a reply (a string or a message) or false');
    return value;
  }).default(DEFAULT_APOLOGY),
  outdatedDialogMessage: reply('must be a reply (a string or a message)').default(DEFAULT_OUTDATED_DIALOG),
  windowClosedTemplate: custom<Extract<ZixflowBotReply, { type: 'template' }>>((value, site) => {
    if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'template') {
      throw optionError(site, "must be a template reply ({ type: 'template', templateName, language, … })");
    }
    return value as Extract<ZixflowBotReply, { type: 'template' }>;
  }).optional(),
  clock: implementing<ZixflowBotClock>(['now', 'setTimer'], 'must have now() and setTimer(callback, ms)').default(
    systemBotClock,
  ),
  maxTurnAttempts: wholeNumber({ min: 1 }).default(3),
  timers: implementing<ZixflowBotTimers>(
    ['set', 'clear', 'start', 'stop'],
    'must implement ZixflowBotTimers (set, clear, start, stop)',
  ).optional(),
  replyLog: implementing<ZixflowReplyLog>(
    ['wasSent', 'markSent'],
    'must implement ZixflowReplyLog (wasSent, markSent)',
  ).optional(),
} as const satisfies OptionShapeOf<ZixflowBotModuleOptions>;

/** Checks the bot options at start-up with the toolkit every module uses; a misspelt key is refused with its name. */
export function resolveZixflowBotOptions(options: ZixflowBotModuleOptions | undefined): ResolvedZixflowBotOptions {
  return resolveOptions(
    ZIXFLOW_BOT_OPTIONS_OWNER,
    ZIXFLOW_BOT_OPTION_FIELDS,
    options ?? {},
  ) as ResolvedZixflowBotOptions;
}
