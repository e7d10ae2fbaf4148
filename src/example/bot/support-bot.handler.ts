import { Injectable, NotFoundException } from '@nestjs/common';
import { normalizeWhatsappNumber, ZixflowWhatsappService } from '../../zixflow';
import { OnWhatsappMessage, type ZixflowIncomingMessage } from '../../zixflow/webhooks';
import { Order, OrdersService } from '../orders/orders.service';
import { ConversationStateStore } from './conversation-state.store';
import { BotIntent, recognizeIntent } from './recognize-intent';
import {
  ASK_FOR_ORDER_NUMBER,
  HELP,
  menuMessage,
  NOT_AN_ORDER_NUMBER,
  orderNotFound,
  orderNotShippedYet,
  TALK_TO_US,
  trackingVideoMessage,
} from './support-bot.messages';

/**
 * "A bot conversation handler that replies": "hi" or "menu" shows two buttons; "Track order" asks
 * for the order number and answers with the order's tracking video; "Talk to us" promises a human.
 *
 * Failed replies are not caught here on purpose: the webhook module logs them with the event id
 * and the masked number, and the webhook has already been answered, so Zixflow is unaffected.
 */
@Injectable()
export class SupportBotHandler {
  constructor(
    private readonly whatsapp: ZixflowWhatsappService,
    private readonly orders: OrdersService,
    private readonly conversations: ConversationStateStore,
  ) {}

  /** Answers every incoming message, whatever its type. */
  @OnWhatsappMessage()
  async answer(incoming: ZixflowIncomingMessage): Promise<void> {
    await this.follow(recognizeIntent(incoming.message), incoming);
  }

  private async follow(intent: BotIntent, incoming: ZixflowIncomingMessage): Promise<void> {
    const customer = incoming.sender.number;
    switch (intent.kind) {
      case 'menu':
        this.conversations.clear(customer);
        await this.whatsapp.reply(incoming, menuMessage(incoming.sender.name));
        return;
      case 'track-order':
        this.conversations.set(customer, 'awaiting-order-number');
        await this.whatsapp.replyText(incoming, ASK_FOR_ORDER_NUMBER);
        return;
      case 'talk-to-us':
        this.conversations.clear(customer);
        await this.whatsapp.replyText(incoming, TALK_TO_US);
        return;
      case 'order-number':
        this.conversations.clear(customer);
        await this.sendTracking(incoming, intent.orderId);
        return;
      case 'other': {
        const awaitingOrder = this.conversations.get(customer) === 'awaiting-order-number';
        await this.whatsapp.replyText(incoming, awaitingOrder ? NOT_AN_ORDER_NUMBER : HELP);
        return;
      }
    }
  }

  private async sendTracking(incoming: ZixflowIncomingMessage, orderId: string): Promise<void> {
    const order = this.findOrderOf(incoming.sender.number, orderId);
    if (order === undefined) {
      await this.whatsapp.replyText(incoming, orderNotFound(orderId));
    } else if (order.status !== 'shipped' || order.trackingVideoUrl === undefined) {
      await this.whatsapp.replyText(incoming, orderNotShippedYet(orderId));
    } else {
      await this.whatsapp.reply(incoming, trackingVideoMessage(orderId, order.trackingVideoUrl));
    }
  }

  /** Only the customer who placed an order may track it over WhatsApp. */
  private findOrderOf(customer: string, orderId: string): Order | undefined {
    try {
      const order = this.orders.find(orderId);
      return normalizeWhatsappNumber(order.customerPhone) === customer ? order : undefined;
    } catch (error) {
      if (error instanceof NotFoundException) {
        return undefined;
      }
      throw error;
    }
  }
}
