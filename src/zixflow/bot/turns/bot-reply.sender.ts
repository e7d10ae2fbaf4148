import { Logger } from '@nestjs/common';
import { ZixflowSessionWindowClosedError } from '../../core/errors/zixflow-session-window-closed.error';
import { maskPhoneNumber } from '../../core/phone/mask-phone-number';
import { SESSION_WINDOW_MS } from '../../sending/messages/session-window';
import type { ZixflowWhatsappService } from '../../sending/zixflow-whatsapp.service';
import type { ZixflowReplyMessage, ZixflowReplyTarget } from '../../sending/messages/zixflow-reply-message.type';
import type { ZixflowBotReply, ZixflowBotTemplateReply } from '../context/zixflow-bot-context';
import type { ZixflowReplyLog } from './zixflow-reply-log.interface';

/** How long an accepted reply is remembered: longer than any redelivery of its event. */
const REPLY_LOG_TTL_MS = 4 * 24 * 60 * 60 * 1000;

/** What a send is for: the event whose replies these are, and whether they were sent before. */
export interface ReplyBatch {
  eventId: string;
  /** A turn delivered again: replies the log says were accepted are skipped. */
  replay: boolean;
  lastCustomerMessageAt: number | undefined;
  now: number;
}

/** Where a turn's replies go: the customer, the business number, and the account (none: the default). */
export type BotReplyTarget = ZixflowReplyTarget & { account?: string };

/** The service of an account (the default without one). */
export type BotAccountServices = (account: string | undefined) => Promise<ZixflowWhatsappService>;

/**
 * Sends one turn's replies in order, each after the one before it was accepted, so a conversation's
 * messages reach Zixflow in the order the bot wrote them. Stops at the first failure (later replies
 * would not make sense without it) and reports it.
 */
export class BotReplySender {
  private readonly logger = new Logger('ZixflowBot');

  /**
   * @param whatsappOf - the service of each account, which sends that account's replies.
   * @param windowClosedTemplate - what replaces a session message outside the window, if anything.
   * @param replyLog - where accepted replies are recorded, if anywhere.
   */
  constructor(
    private readonly whatsappOf: BotAccountServices,
    private readonly windowClosedTemplate: ZixflowBotTemplateReply | undefined,
    private readonly replyLog: ZixflowReplyLog | undefined,
  ) {}

  /**
   * Sends `replies` to the customer of `incoming`. `lastCustomerMessageAt` and `now` decide whether
   * the window is open: a turn answering a message always is; a timer's reply may not be.
   */
  async send(incoming: BotReplyTarget, replies: readonly ZixflowBotReply[], window: ReplyBatch): Promise<void> {
    const open =
      window.lastCustomerMessageAt !== undefined && window.now - window.lastCustomerMessageAt < SESSION_WINDOW_MS;
    for (const [index, reply] of replies.entries()) {
      const key = `${window.eventId}:${index}`;
      try {
        if (window.replay && (await this.replyLog?.wasSent(key)) === true) continue;
        await this.sendOne(incoming, reply, open, window.lastCustomerMessageAt);
        await this.replyLog?.markSent(key, REPLY_LOG_TTL_MS);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        this.logger.error(`A reply to ${maskPhoneNumber(incoming.sender.number)} failed: ${why}`);
        return;
      }
    }
  }

  private async sendOne(
    incoming: BotReplyTarget,
    reply: ZixflowBotReply,
    open: boolean,
    last: number | undefined,
  ): Promise<void> {
    const message: ZixflowBotReply = typeof reply === 'string' ? { type: 'text', text: { body: reply } } : reply;
    // The account's own service: its key, its numbers, its pacing.
    const whatsapp = await this.whatsappOf(incoming.account);
    if (message.type === 'template') {
      await this.sendTemplate(whatsapp, incoming, message);
      return;
    }
    if (!open) {
      if (this.windowClosedTemplate === undefined) {
        throw new ZixflowSessionWindowClosedError(
          maskPhoneNumber(incoming.sender.number),
          last === undefined ? undefined : new Date(last),
        );
      }
      await this.sendTemplate(whatsapp, incoming, this.windowClosedTemplate);
      return;
    }
    await whatsapp.reply(incoming, message as ZixflowReplyMessage);
  }

  private async sendTemplate(
    whatsapp: ZixflowWhatsappService,
    incoming: BotReplyTarget,
    template: ZixflowBotTemplateReply,
  ): Promise<void> {
    const { type: _type, ...fields } = template;
    await whatsapp.sendTemplate({
      ...fields,
      to: incoming.sender.number,
      ...(incoming.phoneId ? { phoneId: incoming.phoneId } : {}),
    });
  }
}
