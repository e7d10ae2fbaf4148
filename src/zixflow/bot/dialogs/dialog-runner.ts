import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import type { ZixflowBotContext, ZixflowBotReply } from '../context/zixflow-bot-context';
import type { ZixflowDialogFrame } from '../sessions/zixflow-conversation.interface';
import { DialogRegistry, RegisteredDialog } from './dialog-registry';
import type { ZixflowDialogMessage, ZixflowDialogStep, ZixflowPromptStep } from './zixflow-dialog.types';

type Values = Record<string, unknown>;

/** Steps run in one turn at most, so a dialog whose actions begin each other cannot loop forever. */
const MAX_STEPS_PER_TURN = 100;

/** Said when a dialog gives up after too many wrong answers and it set no `giveUp` of its own. */
const DEFAULT_GIVE_UP = "Let's leave it there for now. Write again whenever you like.";

function messageOf<V>(message: ZixflowDialogMessage<V>, ctx: ZixflowBotContext, values: V): ZixflowBotReply {
  return typeof message === 'function' ? message(ctx, values) : message;
}

function isPrompt(step: ZixflowDialogStep<Values>): step is ZixflowPromptStep<Values> {
  return typeof step === 'object' && step.kind === 'prompt';
}

/**
 * Moves a conversation through its dialogs: explicit steps saved as an index and values (no replay
 * of past messages), so a position survives restarts, and a changed dialog is detected by its
 * version instead of being resumed at a step that now means something else.
 */
export class DialogRunner {
  /** @param registry - every dialog, by id. */
  constructor(private readonly registry: DialogRegistry) {}

  /**
   * Whether the active dialog's idle time-out has passed since `lastActivityAt`: checked when a
   * turn starts too, so a dialog whose timer was lost (in-memory timers and a restart) still ends.
   */
  hasExpired(frames: readonly ZixflowDialogFrame[], lastActivityAt: string | undefined, now: number): boolean {
    const frame = frames.at(-1);
    const timeout = frame && this.registry.get(frame.id)?.options.idleTimeoutMs;
    return timeout !== undefined && lastActivityAt !== undefined && now - Date.parse(lastActivityAt) >= timeout;
  }

  /** Whether every saved frame still matches a dialog of the same version. */
  isCurrent(frames: readonly ZixflowDialogFrame[]): boolean {
    return frames.every((frame) => this.registry.get(frame.id)?.options.version === frame.version);
  }

  /** The dialog of a saved frame. */
  dialogOf(frame: ZixflowDialogFrame): RegisteredDialog | undefined {
    return this.registry.get(frame.id);
  }

  /** Hands the customer's message to the waiting prompt of the active dialog. */
  async answer(ctx: ZixflowBotContext): Promise<void> {
    const frame = ctx.state.dialogs.at(-1) as ZixflowDialogFrame;
    const step = this.stepOf(frame) as ZixflowPromptStep<Values>;
    const value = await step.parse(ctx, frame.values);
    if (value !== undefined) {
      frame.values[step.name] = value;
      frame.retries = 0;
      frame.waiting = false;
      frame.step += 1;
      await this.advance(ctx);
      return;
    }
    frame.retries += 1;
    if (frame.retries > (step.maxRetries ?? 2)) {
      ctx.reply(messageOf(step.giveUp ?? DEFAULT_GIVE_UP, ctx, frame.values));
      ctx.state.dialogs.length = 0;
      return;
    }
    ctx.reply(messageOf(step.retry ?? step.ask, ctx, frame.values));
  }

  /** Applies the dialog commands a handler queued, in order, then runs the steps they lead to. */
  async applyCommands(ctx: ZixflowBotContext): Promise<void> {
    const commands = ctx.dialogCommands.splice(0);
    for (const command of commands) {
      if (command.kind === 'cancel') {
        ctx.state.dialogs.length = 0;
      } else if (command.kind === 'end') {
        this.finishTop(ctx, command.result);
      } else {
        const dialog = this.registry.get(command.id);
        if (dialog === undefined) {
          throw new ZixflowConfigurationError(`ctx.beginDialog("${command.id}"): no @ZixflowDialog has this id`);
        }
        ctx.state.dialogs.push({
          id: command.id,
          version: dialog.options.version,
          step: 0,
          values: { ...command.values },
          retries: 0,
          waiting: false,
        });
      }
    }
    if (commands.length > 0) {
      await this.advance(ctx);
    }
  }

  /** Runs steps until a prompt waits for an answer or no dialog is left. */
  private async advance(ctx: ZixflowBotContext): Promise<void> {
    for (let ran = 0; ran < MAX_STEPS_PER_TURN; ran += 1) {
      const frame = ctx.state.dialogs.at(-1);
      if (frame === undefined || frame.waiting) return;
      const step = this.stepOf(frame);
      if (step === undefined) {
        this.finishTop(ctx, frame.values);
        continue;
      }
      if (isPrompt(step) && frame.values[step.name] !== undefined) {
        // Already known (given to beginDialog): nothing to ask.
        frame.step += 1;
        continue;
      }
      if (isPrompt(step)) {
        ctx.reply(messageOf(step.ask, ctx, frame.values));
        frame.waiting = true;
        return;
      }
      const returned = await step(ctx, frame.values);
      if (typeof returned === 'string' || (typeof returned === 'object' && returned !== null)) {
        ctx.reply(returned as ZixflowBotReply);
      }
      const hadCommands = ctx.dialogCommands.length > 0;
      if (ctx.state.dialogs.at(-1) === frame) frame.step += 1;
      if (hadCommands) {
        await this.applyCommands(ctx);
        return;
      }
    }
    throw new ZixflowConfigurationError(
      `dialogs ran ${MAX_STEPS_PER_TURN} steps in one turn: do their actions begin each other?`,
    );
  }

  /** Ends the top dialog and passes its values (or `result`) to the dialog below, under the child's id. */
  private finishTop(ctx: ZixflowBotContext, result: unknown): void {
    const finished = ctx.state.dialogs.pop();
    const parent = ctx.state.dialogs.at(-1);
    if (finished !== undefined && parent !== undefined) {
      parent.values[finished.id] = result ?? finished.values;
    }
  }

  private stepOf(frame: ZixflowDialogFrame): ZixflowDialogStep<Values> | undefined {
    return this.registry.get(frame.id)?.definition.steps[frame.step];
  }
}
