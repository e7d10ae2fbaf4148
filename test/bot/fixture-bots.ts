import { ArgumentsHost, CanActivate, Catch, ExceptionFilter, Injectable, UseFilters, UseGuards } from '@nestjs/common';
import {
  Ctx,
  Fallback,
  Hears,
  Interrupt,
  OnMessageType,
  OnReply,
  Param,
  prompt,
  Resume,
  ZixflowBot,
  ZixflowBotContext,
  ZixflowDialog,
  ZixflowDialogDefinition,
  ZixflowDialogStep,
} from '../../src/zixflow/bot';

/** Thrown by the `/boom` route, answered by {@link ApologyFilter}. */
export class OutOfStockError extends Error {}

/** A filter that turns a domain error into a reply. */
@Catch(OutOfStockError)
export class ApologyFilter implements ExceptionFilter {
  catch(_error: OutOfStockError, host: ArgumentsHost): string {
    return `filter answered (${host.getType()})`;
  }
}

/** Lets only customers whose number ends in 1 use the admin route. */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(host: import('@nestjs/common').ExecutionContext): boolean {
    return host.getArgByIndex<ZixflowBotContext>(0).customer.number.endsWith('1');
  }
}

type FormValues = { topic?: string; email?: string };

/** A two-prompt dialog with validation, retries, a nudge and a time-out. */
@ZixflowDialog({
  id: 'contact',
  version: 2,
  idleTimeoutMs: 10 * 60_000,
  nudge: { afterMs: 5 * 60_000, message: 'Still there?' },
  expiredMessage: 'Closed for inactivity.',
})
@Injectable()
export class ContactDialog implements ZixflowDialogDefinition<FormValues> {
  readonly steps: ZixflowDialogStep<FormValues>[] = [
    prompt<FormValues>({
      name: 'topic',
      ask: 'Topic? billing or delivery',
      parse: (ctx) => (ctx.text === 'billing' || ctx.text === 'delivery' ? ctx.text : undefined),
      retry: 'Please answer billing or delivery.',
      maxRetries: 1,
      giveUp: 'Giving up on the form.',
    }),
    prompt<FormValues>({
      name: 'email',
      ask: (_ctx, values) => `Email for ${String(values.topic)}?`,
      parse: (ctx) => (/^\S+@\S+\.\S+$/.test(ctx.text ?? '') ? ctx.text : undefined),
      retry: 'That is not an email address.',
    }),
    (_ctx, values) => `Ticket: ${String(values.topic)} / ${String(values.email)}`,
  ];
}

/** Every routing feature, each answering with a line that names the route that ran. */
@ZixflowBot()
@Injectable()
export class FixtureBot {
  @Hears(['hi', 'menu'])
  greet(ctx: ZixflowBotContext<{ greeted?: number }>): void {
    ctx.session.greeted = (ctx.session.greeted ?? 0) + 1;
    ctx.replyButtons(`hello #${ctx.session.greeted}`, [{ id: 'order:1001:cancel', title: 'Cancel 1001' }]);
  }

  @Hears(/^order (?<id>\d+)$/i)
  order(@Param('id') id: string): string {
    return `order ${id}`;
  }

  @OnReply('order:{id}:cancel')
  cancelOrder(@Param('id') id: string): string {
    return `cancelled ${id}`;
  }

  @OnReply('order:special:cancel')
  special(): string {
    return 'exact id wins';
  }

  @Hears('contact')
  contact(@Ctx() ctx: ZixflowBotContext): void {
    ctx.beginDialog('contact');
  }

  @Hears('contact billing')
  contactAboutBilling(ctx: ZixflowBotContext): void {
    ctx.beginDialog('contact', { topic: 'billing' });
  }

  @Interrupt('cancel')
  cancel(ctx: ZixflowBotContext): string {
    ctx.cancelDialogs();
    return 'cancelled everything';
  }

  @Hears('agent')
  agent(ctx: ZixflowBotContext): string {
    ctx.handoff('asked for a human');
    return 'a human will answer';
  }

  @Resume('bot')
  resume(ctx: ZixflowBotContext): string {
    ctx.resume();
    return 'bot is back';
  }

  @Hears('slow')
  async slow(ctx: ZixflowBotContext): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return `slow done ${String(ctx.text)}`;
  }

  @Hears(/^fast (\d+)$/)
  fast(ctx: ZixflowBotContext): string {
    return `fast ${ctx.match?.[1]}`;
  }

  @Hears('admin')
  @UseGuards(AdminGuard)
  admin(): string {
    return 'admin ok';
  }

  @Hears('boom')
  @UseFilters(ApologyFilter)
  boom(): never {
    throw new OutOfStockError('none left');
  }

  @Hears('crash')
  crash(): never {
    throw new Error('handler bug for 13023895111');
  }

  @OnMessageType('image', 'location')
  media(ctx: ZixflowBotContext): string {
    return `got ${ctx.message.message.type}`;
  }

  @Fallback()
  fallback(ctx: ZixflowBotContext): string {
    return `fallback: ${ctx.text ?? ctx.message.message.type}`;
  }
}
