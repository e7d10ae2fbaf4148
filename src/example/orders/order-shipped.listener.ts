import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { maskPhoneNumber, ZixflowWhatsappService } from '../../zixflow';
import { ORDER_SHIPPED, OrderShippedEvent } from './order-shipped.event';

/**
 * "Called from a domain event listener": sends the customer a tracking video when an order ships.
 * A failed send is logged (order id, error class, masked phone) and swallowed here on purpose: the
 * order is shipped either way, and an exception thrown from an async listener would otherwise
 * surface as an unhandled rejection.
 */
@Injectable()
export class OrderShippedListener {
  private readonly logger = new Logger(OrderShippedListener.name);

  constructor(private readonly whatsapp: ZixflowWhatsappService) {}

  /** Sends the tracking video for one shipped order. */
  @OnEvent(ORDER_SHIPPED, { async: true })
  async notifyCustomer(event: OrderShippedEvent): Promise<void> {
    try {
      await this.whatsapp.sendVideo({
        to: event.customerPhone,
        video: {
          link: event.trackingVideoUrl,
          caption: `Good news: order ${event.orderId} is on its way! Here is your tracking video.`,
        },
      });
    } catch (error) {
      const errorClass = error instanceof Error ? error.name : typeof error;
      this.logger.error(
        `Could not send the shipping video for order ${event.orderId} to ${maskPhoneNumber(event.customerPhone)}: ${errorClass}`,
      );
    }
  }
}
