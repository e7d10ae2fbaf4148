import { Injectable, Logger } from '@nestjs/common';
import { maskPhoneNumber } from '../../zixflow';
import { prompt, ZixflowDialog, ZixflowDialogDefinition, ZixflowDialogStep } from '../../zixflow/bot';
import {
  askForEmail,
  NOT_AN_EMAIL,
  SUPPORT_TOPICS,
  SupportTopic,
  TICKET_GIVE_UP,
  ticketOpened,
  topicQuestion,
} from './support-bot.messages';
import { CONVERSATION_TIMEOUT_MS } from './track-order.dialog';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

type TicketValues = { topic: SupportTopic; email: string };

/**
 * "support" or "ticket": a topic (reply buttons, or typed), an email address (checked), then the
 * confirmation. Two wrong answers to a question are asked again; a third ends the dialog.
 */
@ZixflowDialog({ id: 'support-ticket', idleTimeoutMs: CONVERSATION_TIMEOUT_MS })
@Injectable()
export class SupportTicketDialog implements ZixflowDialogDefinition<TicketValues> {
  private readonly logger = new Logger('SupportTickets');

  readonly steps: ZixflowDialogStep<TicketValues>[] = [
    prompt<TicketValues>({
      name: 'topic',
      ask: topicQuestion(),
      // A tapped button ("topic:billing") or its label typed ("Billing!").
      parse: (ctx) => {
        const typed = ctx.text?.toLowerCase().replace(/[^a-z]/g, '');
        return SUPPORT_TOPICS.find((topic) => ctx.replyId === `topic:${topic}` || typed === topic);
      },
      retry: topicQuestion(true),
      giveUp: TICKET_GIVE_UP,
    }),
    prompt<TicketValues>({
      name: 'email',
      ask: (_ctx, { topic }) => askForEmail(topic),
      parse: (ctx) => (EMAIL.test(ctx.text?.trim() ?? '') ? ctx.text?.trim() : undefined),
      retry: NOT_AN_EMAIL,
      maxRetries: 2,
      giveUp: TICKET_GIVE_UP,
    }),
    (ctx, { topic, email }) => {
      // A real app would open the ticket in its helpdesk here.
      this.logger.log(`New ${topic} ticket from ${maskPhoneNumber(ctx.customer.number)}`);
      return ticketOpened(topic, email);
    },
  ];
}
