import type { ZixflowBotContext, ZixflowBotReply } from '../context/zixflow-bot-context';
import type { BotHandler } from '../discovery/zixflow-bot.explorer';
import type { DialogRunner } from '../dialogs/dialog-runner';
import type { BotRouter } from '../routing/bot-router';
import type { ZixflowDialogFrame } from '../sessions/zixflow-conversation.interface';

/**
 * Decides what answers one message, in one documented order (docs/bots.md):
 * 1. a conversation handed to a human runs only `@Resume` routes;
 * 2. `@Interrupt` routes, before any dialog;
 * 3. the active dialog's waiting prompt;
 * 4. routes: exact reply id, parameterised reply id, exact words, RegExp, message type, fallback.
 */
export class BotTurnPipeline {
  /**
   * @param router - every route.
   * @param dialogs - the dialog runner.
   * @param outdatedMessage - said when saved dialogs no longer match the code.
   */
  constructor(
    private readonly router: BotRouter<BotHandler>,
    private readonly dialogs: DialogRunner,
    private readonly outdatedMessage: ZixflowBotReply,
  ) {}

  /** Runs the turn on `ctx`; replies and state changes stay on it. */
  async run(ctx: ZixflowBotContext, now: number): Promise<void> {
    if (!this.dialogs.isCurrent(ctx.state.dialogs)) {
      ctx.state.dialogs.length = 0;
      ctx.reply(this.outdatedMessage);
    } else if (this.dialogs.hasExpired(ctx.state.dialogs, ctx.state.lastActivityAt, now)) {
      const expired = this.dialogs.dialogOf(ctx.state.dialogs.at(-1) as ZixflowDialogFrame)?.options.expiredMessage;
      ctx.state.dialogs.length = 0;
      if (expired !== undefined) ctx.reply(expired);
    }
    if (ctx.state.handoff !== undefined) {
      await this.runStage(ctx, 'resume');
      return;
    }
    if (await this.runStage(ctx, 'interrupt')) return;
    const waiting = ctx.state.dialogs.at(-1);
    if (waiting?.waiting === true) {
      await this.dialogs.answer(ctx);
      await this.dialogs.applyCommands(ctx);
      return;
    }
    await this.runStage(ctx, 'route');
  }

  private async runStage(ctx: ZixflowBotContext, stage: 'interrupt' | 'route' | 'resume'): Promise<boolean> {
    const found = this.router.find(stage, ctx.message, { fallback: stage === 'route' });
    if (found === undefined) return false;
    ctx.params = found.match.params;
    ctx.match = found.match.match;
    const returned = await found.route.handler(ctx);
    if (isReply(returned)) ctx.reply(returned);
    await this.dialogs.applyCommands(ctx);
    return true;
  }
}

/** A handler may return its reply, as in nestjs-telegraf: a string or a message object. */
export function isReply(value: unknown): value is ZixflowBotReply {
  return typeof value === 'string' ? value.length > 0 : typeof value === 'object' && value !== null && 'type' in value;
}
