import { Injectable, NotFoundException } from '@nestjs/common';
import { normalizeWhatsappNumber } from '../../zixflow';
import { prompt, ZixflowBotReply, ZixflowDialog, ZixflowDialogDefinition, ZixflowDialogStep } from '../../zixflow/bot';
import { Order, OrdersService } from '../orders/orders.service';
import {
  ASK_FOR_ORDER_NUMBER,
  NOT_AN_ORDER_NUMBER,
  orderNotFound,
  orderNotShippedYet,
  trackingVideoMessage,
} from './support-bot.messages';

/** A customer who goes quiet this long starts over: "1001" an hour later should not be read as an answer. */
export const CONVERSATION_TIMEOUT_MS = 15 * 60 * 1000;

/** "1001", "#1001", "order 1003.", "Order: #1003!"; not a number inside a sentence. */
export const ORDER_NUMBER = /^[^\p{L}\p{N}#]*(?:order[^\p{L}\p{N}#]*)?#?\s*(?<orderId>\d{1,12})[^\p{L}\p{N}]*$/iu;

type TrackOrderValues = { orderId: string };

/**
 * "Track order": asks for the order number (as often as it takes) and answers with the order's
 * tracking video. Only the customer who placed an order may track it over WhatsApp.
 */
@ZixflowDialog({ id: 'track-order', idleTimeoutMs: CONVERSATION_TIMEOUT_MS })
@Injectable()
export class TrackOrderDialog implements ZixflowDialogDefinition<TrackOrderValues> {
  readonly steps: ZixflowDialogStep<TrackOrderValues>[] = [
    prompt<TrackOrderValues>({
      name: 'orderId',
      ask: ASK_FOR_ORDER_NUMBER,
      parse: (ctx) => ORDER_NUMBER.exec(ctx.text?.trim() ?? '')?.groups?.orderId,
      retry: NOT_AN_ORDER_NUMBER,
      maxRetries: Number.POSITIVE_INFINITY,
    }),
    (ctx, { orderId }) => this.trackingOf(ctx.customer.number, orderId),
  ];

  constructor(private readonly orders: OrdersService) {}

  /** The answer to "where is order `orderId`?" from `customer` (digits only). */
  trackingOf(customer: string, orderId: string): ZixflowBotReply {
    const order = this.findOrderOf(customer, orderId);
    if (order === undefined) return orderNotFound(orderId);
    if (order.status !== 'shipped' || order.trackingVideoUrl === undefined) return orderNotShippedYet(orderId);
    return trackingVideoMessage(orderId, order.trackingVideoUrl);
  }

  private findOrderOf(customer: string, orderId: string): Order | undefined {
    try {
      const order = this.orders.find(orderId);
      return normalizeWhatsappNumber(order.customerPhone) === customer ? order : undefined;
    } catch (error) {
      if (error instanceof NotFoundException) return undefined;
      throw error;
    }
  }
}
