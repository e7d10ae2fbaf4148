import { Injectable } from '@nestjs/common';
import {
  Ctx,
  Fallback,
  Hears,
  Interrupt,
  Param,
  ZixflowBot,
  ZixflowBotContext,
  ZixflowBotReply,
} from '../../zixflow/bot';
import { HELP, MENU_BUTTON, menuMessage, TALK_TO_US } from './support-bot.messages';
import { ORDER_NUMBER, TrackOrderDialog } from './track-order.dialog';

/**
 * The example's support bot: "hi" or "menu" shows two buttons; "Track order" asks for the order
 * number (the `track-order` dialog) and answers with the order's tracking video; "Talk to us"
 * promises a human; "support" opens a ticket (the `support-ticket` dialog).
 *
 * The menu's words are `@Interrupt` routes, so they work everywhere, also in the middle of a
 * dialog, which they end; the buttons' labels typed work like the buttons.
 */
@ZixflowBot()
@Injectable()
export class SupportBot {
  constructor(private readonly trackOrder: TrackOrderDialog) {}

  @Interrupt(['hi', 'hello', 'hey', 'hola', 'menu', 'start', 'help'])
  menu(ctx: ZixflowBotContext): ZixflowBotReply {
    ctx.cancelDialogs();
    return menuMessage(ctx.customer.name);
  }

  @Interrupt({ reply: MENU_BUTTON.trackOrder })
  @Interrupt(['track', 'track order'])
  askForOrderNumber(ctx: ZixflowBotContext): void {
    ctx.cancelDialogs();
    ctx.beginDialog('track-order');
  }

  @Interrupt({ reply: MENU_BUTTON.talkToUs })
  @Interrupt('talk to us')
  talkToUs(ctx: ZixflowBotContext): string {
    ctx.cancelDialogs();
    return TALK_TO_US;
  }

  @Interrupt(['support', 'ticket'])
  openTicket(ctx: ZixflowBotContext): void {
    ctx.cancelDialogs();
    ctx.beginDialog('support-ticket');
  }

  /** An order number without "Track order" first is tracked too. */
  @Hears(ORDER_NUMBER)
  track(@Ctx() ctx: ZixflowBotContext, @Param('orderId') orderId: string): ZixflowBotReply {
    return this.trackOrder.trackingOf(ctx.customer.number, orderId);
  }

  /** Anything else: any other text, button, image, sticker, … */
  @Fallback()
  help(): string {
    return HELP;
  }
}
