/**
 * `nestjs-zixflow/bot`: WhatsApp bots on Nest — routing decorators, a typed turn context, dialogs
 * with prompts and time-outs, sessions in a pluggable store, one turn at a time per customer, and
 * Nest guards, pipes, interceptors and filters on bot handlers. See docs/bots.md.
 * @packageDocumentation
 */
export { ZixflowBotModule } from './zixflow-bot.module';
export { ZIXFLOW_BOT_MODULE_OPTIONS } from './zixflow-bot.module-definition';
export type { ZixflowBotModuleOptions } from './zixflow-bot-options.interface';
export {
  ZixflowBot,
  Hears,
  OnReply,
  OnMessageType,
  Fallback,
  Interrupt,
  Resume,
} from './decorators/routing.decorators';
export type { ZixflowTextPattern } from './decorators/routing.decorators';
export type { ZixflowBotOptions } from './decorators/bot-metadata';
export { Ctx, Param, Session, IncomingMessage } from './decorators/param.decorators';
export { ZixflowDialog } from './decorators/zixflow-dialog.decorator';
export { prompt } from './dialogs/zixflow-dialog.types';
export type {
  ZixflowDialogOptions,
  ZixflowDialogDefinition,
  ZixflowDialogStep,
  ZixflowPromptStep,
  ZixflowActionStep,
  ZixflowDialogMessage,
} from './dialogs/zixflow-dialog.types';
export { ZixflowBotContext, buttonsMessage } from './context/zixflow-bot-context';
export type { ZixflowBotReply, ZixflowBotTemplateReply, ZixflowBotButton } from './context/zixflow-bot-context';
export {
  listMessage,
  ctaUrlMessage,
  locationRequestMessage,
  addressRequestMessage,
  stickerMessage,
  contactsMessage,
  reactionMessage,
} from './context/bot-reply-messages';
export type { ZixflowBotListRow, ZixflowBotListSection, ZixflowBotInteractiveText } from './context/bot-reply-messages';
export { ZixflowConversationStore } from './sessions/zixflow-conversation-store.interface';
export { ZixflowInMemoryConversationStore } from './sessions/zixflow-in-memory-conversation.store';
export type { ZixflowInMemoryConversationStoreOptions } from './sessions/zixflow-in-memory-conversation.store';
export type {
  ZixflowConversationState,
  ZixflowStoredConversation,
  ZixflowDialogFrame,
} from './sessions/zixflow-conversation.interface';
export { ZixflowBotRunner } from './turns/zixflow-bot.runner';
export { ZIXFLOW_BOT_CONTEXT_TYPE } from './discovery/zixflow-bot.explorer';
export type { ZixflowBotClock } from './timers/zixflow-bot-clock';
export { ZixflowBotEvents } from './zixflow-bot.events';
export type { ZixflowBotHandoffEvent, ZixflowBotTurnFailedEvent } from './zixflow-bot.events';
export type { ZixflowBotTimers } from './timers/zixflow-bot-timers.interface';
export type { IdleTimerJob as ZixflowBotTimerJob } from './timers/idle-timers';
export type { ZixflowReplyLog } from './turns/zixflow-reply-log.interface';
