import type { ZixflowFence } from '../../core/fencing/zixflow-fence';
import type { ZixflowConversationState, ZixflowStoredConversation } from './zixflow-conversation.interface';

/**
 * Where conversations are kept between turns. Pass one as `store` to `ZixflowBotModule.forRoot`
 * (or from `forRootAsync`'s factory); `nestjs-zixflow/redis` ships one shared by every instance,
 * and the default keeps them in memory. The interface doubles as an injection token (as
 * `@nestjs/throttler`'s storage does) under which the bot module exports the store it uses, so
 * app code can `@Inject(ZixflowConversationStore)` it, e.g. to read or reset a conversation.
 *
 * Saves are compare-and-set so that two turns of one conversation can never overwrite each other:
 * a turn that lost the race is run again on the new state before anything is sent.
 */
export interface ZixflowConversationStore {
  /** The conversation saved under `key`, or undefined when there is none (or it expired). */
  load(key: string): Promise<ZixflowStoredConversation | undefined>;
  /**
   * Saves `state` if the stored version is still `expectedVersion` (0: nothing stored yet) and
   * returns the new version, or `undefined` when another save came first. `ttlMs` is how long the
   * conversation is kept without a new save. With a `fence` (given by a durable inbound pipeline),
   * a shared store also refuses the save once the fence's lease has passed to another holder.
   */
  compareAndSet(
    key: string,
    expectedVersion: number,
    state: ZixflowConversationState,
    ttlMs: number,
    fence?: ZixflowFence,
  ): Promise<number | undefined>;
  /** Forgets the conversation. */
  delete(key: string): Promise<void>;
}

/** Injection token of the {@link ZixflowConversationStore} the bot uses. */
export const ZixflowConversationStore = Symbol('ZixflowConversationStore');
