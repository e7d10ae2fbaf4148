import { Injectable } from '@nestjs/common';
import { Fallback, Hears, OnReply, Param, Session, ZixflowBot } from '../../src/zixflow/bot';
import type { ZixflowBotContext } from '../../src/zixflow/bot';
import type { ZixflowSendResult } from '../../src/zixflow';
import { parseZixflowIncomingMessage, type ZixflowIncomingMessage } from '../../src/zixflow/webhooks';

/** The session of the benchmark's bot: a counter, as most bots keep one or two small fields. */
export interface BenchSession {
  turns?: number;
  lastOrder?: string;
}

/** A small shop bot: a few word, RegExp and button routes, a fallback, and a session counter. */
@ZixflowBot()
@Injectable()
export class BenchBot {
  @Hears(['hi', 'hello', 'menu'])
  menu(@Session() session: BenchSession): string {
    session.turns = (session.turns ?? 0) + 1;
    return 'Hi! Type "order" and your order number to track it, or tap Help.';
  }

  @Hears(/^order\s+(?<id>\d{3,10})$/i)
  order(@Param('id') id: string, @Session() session: BenchSession): string {
    session.turns = (session.turns ?? 0) + 1;
    session.lastOrder = id;
    return `Order ${id} is on its way.`;
  }

  @OnReply('track:{id}')
  track(@Param('id') id: string, @Session() session: BenchSession): string {
    session.turns = (session.turns ?? 0) + 1;
    return `Tracking ${id}: out for delivery.`;
  }

  @OnReply('help')
  help(@Session() session: BenchSession): string {
    session.turns = (session.turns ?? 0) + 1;
    return 'An agent will answer shortly.';
  }

  @Fallback()
  fallback(ctx: ZixflowBotContext<BenchSession>): string {
    ctx.session.turns = (ctx.session.turns ?? 0) + 1;
    return `Sorry, I did not get "${ctx.text ?? ctx.message.message.type}". Type menu.`;
  }
}

/**
 * What the bot sends through instead of Zixflow: it counts replies and answers at once, so a turn
 * costs routing, session load and save, and the library's reply path up to the service.
 */
export class ReplySink {
  replies = 0;

  reply(): Promise<ZixflowSendResult> {
    this.replies += 1;
    return Promise.resolve({ status: true, message: 'Message sent successfully' });
  }

  sendTemplate(): Promise<ZixflowSendResult> {
    return this.reply();
  }
}

const CONTENTS: Array<Record<string, unknown>> = [
  { type: 'text', text: { body: 'Hi' } },
  { type: 'text', text: { body: 'order 48213' } },
  { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'track:48213', title: 'Track' } } },
  { type: 'text', text: { body: 'where is my parcel?' } },
  { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'help', title: 'Help' } } },
];

/**
 * `count` parsed incoming messages (parsed up front: parsing is the webhook's cost, not the turn's)
 * over `conversations` customers, round robin, each customer going through the five contents.
 */
export function incomingMessages(
  count: number,
  conversations: number,
  firstCustomer: number,
  tag: string,
): ZixflowIncomingMessage[] {
  return Array.from({ length: count }, (_, index) => {
    const customer = firstCustomer + (index % conversations);
    return parseZixflowIncomingMessage({
      event: 'incoming.whatsapp.message',
      eventId: `bench-bot-${tag}-${index}`,
      timestamp: Date.now(),
      phoneId: '104898309288724',
      messageId: `wamid.bot${tag}${index}`,
      sender: { name: 'Bench Customer', number: `1302${String(customer).padStart(7, '0')}` },
      message: CONTENTS[Math.floor(index / conversations) % CONTENTS.length],
    });
  });
}
