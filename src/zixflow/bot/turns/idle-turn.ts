import type { ZixflowReplyTarget } from '../../sending/messages/zixflow-reply-message.type';
import type { DialogRunner } from '../dialogs/dialog-runner';
import type { ZixflowConversationState } from '../sessions/zixflow-conversation.interface';
import type { ZixflowConversationStore } from '../sessions/zixflow-conversation-store.interface';
import type { IdleTimerJob } from '../timers/idle-timers';
import type { ZixflowBotTimers } from '../timers/zixflow-bot-timers.interface';
import type { BotReplySender } from './bot-reply.sender';

/** What a fired idle timer needs. */
export interface IdleTurnDeps {
  store: ZixflowConversationStore;
  dialogs: DialogRunner;
  sender: BotReplySender;
  now: number;
  ttlMs: number;
}

/**
 * The customer, business number and account of a conversation, from its key (`phoneId:number`, or
 * `account:phoneId:number`; account names hold no `:`).
 */
export function replyTargetOf(conversationKey: string): ZixflowReplyTarget & { account?: string } {
  const separator = conversationKey.lastIndexOf(':');
  const rest = conversationKey.slice(0, separator);
  const number = conversationKey.slice(separator + 1);
  const accountEnd = rest.indexOf(':');
  const account = accountEnd === -1 ? undefined : rest.slice(0, accountEnd);
  const phoneId = rest.slice(accountEnd + 1);
  const target = phoneId === 'default' ? { sender: { number } } : { sender: { number }, phoneId };
  return account === undefined ? target : { ...target, account };
}

/** Sets the nudge and time-out of the active dialog, counted from the turn that just ended. */
export async function scheduleIdleTimers(
  timers: ZixflowBotTimers,
  dialogs: DialogRunner,
  key: string,
  state: ZixflowConversationState,
): Promise<void> {
  const frame = state.dialogs.at(-1);
  const options = frame && dialogs.dialogOf(frame)?.options;
  if (options === undefined || state.lastActivityAt === undefined) return;
  const activityAt = state.lastActivityAt;
  if (options.nudge !== undefined) {
    await timers.set({ conversationKey: key, activityAt, kind: 'nudge' }, options.nudge.afterMs);
  }
  if (options.idleTimeoutMs !== undefined) {
    await timers.set({ conversationKey: key, activityAt, kind: 'expire' }, options.idleTimeoutMs);
  }
}

/**
 * Runs a due timer in the conversation's lane: nothing when the conversation has moved on since
 * the timer was set (any turn changes `lastActivityAt`), else the nudge, or the end of the dialogs
 * with the dialog's `expiredMessage`. The state is saved before anything is sent, as in a turn.
 */
export async function runIdleTimer(job: IdleTimerJob, deps: IdleTurnDeps): Promise<void> {
  const stored = await deps.store.load(job.conversationKey);
  if (stored === undefined || stored.state.lastActivityAt !== job.activityAt) return;
  const frame = stored.state.dialogs.at(-1);
  const options = frame && deps.dialogs.dialogOf(frame)?.options;
  if (options === undefined) return;
  const state = structuredClone(stored.state);
  const replies = [];
  if (job.kind === 'nudge') {
    if (options.nudge === undefined) return;
    replies.push(options.nudge.message);
  } else {
    state.dialogs = [];
    if (options.expiredMessage !== undefined) replies.push(options.expiredMessage);
  }
  const saved = await deps.store.compareAndSet(job.conversationKey, stored.version, state, deps.ttlMs);
  if (saved === undefined) return;
  const last = state.lastCustomerMessageAt === undefined ? undefined : Date.parse(state.lastCustomerMessageAt);
  await deps.sender.send(replyTargetOf(job.conversationKey), replies, {
    replay: false,
    eventId: `timer:${job.kind}:${job.activityAt}`,
    lastCustomerMessageAt: last,
    now: deps.now,
  });
}
