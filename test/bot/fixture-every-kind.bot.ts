import { Injectable } from '@nestjs/common';
import { Ctx, Hears, OnMessageType, OnReply, ZixflowBot, ZixflowBotContext } from '../../src/zixflow/bot';

/** A bot that answers with every kind the context has a helper for. */
@ZixflowBot()
@Injectable()
export class EveryKindBot {
  @Hears('menu')
  menu(@Ctx() ctx: ZixflowBotContext): void {
    ctx.replyList(
      'How can we help?',
      'Options',
      [
        { title: 'Orders', rows: [{ id: 'track', title: 'Track my order', description: 'Where is it?' }] },
        { title: 'Other', rows: [{ id: 'human', title: 'Talk to us' }] },
      ],
      { header: 'Support', footer: 'Pick one' },
    );
  }

  @OnReply('track')
  track(@Ctx() ctx: ZixflowBotContext): void {
    ctx.replyReaction('👍');
    ctx.replyCtaUrl('Your parcel is on its way', 'Track it', 'https://shop.example.com/o/42');
  }

  @Hears('deliver')
  deliver(@Ctx() ctx: ZixflowBotContext): void {
    ctx.replyLocationRequest('Where should we deliver?');
    ctx.replyAddressRequest('Or type the address', { country: 'IN', values: { city: 'Pune' } });
  }

  @Hears('thanks')
  thanks(@Ctx() ctx: ZixflowBotContext): void {
    ctx.replySticker('https://cdn.example.com/thanks.webp');
    ctx.replyContacts([{ name: { formatted_name: 'Support desk' }, phones: [{ phone: '+91 20 1234 5678' }] }]);
  }

  @OnMessageType('location')
  located(@Ctx() ctx: ZixflowBotContext): string {
    return `got ${ctx.message.message.type}`;
  }
}
