import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { maskPhoneNumber, ZixflowWhatsappService } from '../../zixflow';
import { ORDER_SHIPPED, OrderShippedEvent } from './order-shipped.event';

/**
 * "Called from a domain event listener": sends the customer a tracking video when an order ships.
 * A failed send is logged with why it failed (the error's class and message, the phone number
 * masked) and swallowed here on purpose: the order is shipped either way, and an exception thrown
 * from an async listener would otherwise surface as an unhandled rejection.
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
      const phone = maskPhoneNumber(event.customerPhone);
      this.logger.error(
        `Could not send the shipping video for order ${event.orderId} to ${phone}: ${whyItFailed(error, event.customerPhone)}`,
      );
    }
  }
}

/**
 * The error's class and message: the library's messages say what went wrong (the field, Zixflow's
 * answer, the time-out) and never hold the API key. Zixflow's own text may quote the number, so
 * the number as given and every run of seven or more digits are masked.
 */
function whyItFailed(error: unknown, phone: string): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text
    .split(phone)
    .join(maskPhoneNumber(phone))
    .replace(/\d{7,}/g, (digits) => maskPhoneNumber(digits));
}
