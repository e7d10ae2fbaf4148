import { Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ORDER_SHIPPED, OrderShippedEvent } from './order-shipped.event';

/** An order of the example shop. */
export interface Order {
  id: string;
  customerPhone: string;
  status: 'paid' | 'shipped';
  trackingVideoUrl?: string;
}

/** Orders every fresh start of the example has, so the curl commands in the banner just work. */
const SEED_ORDERS: readonly Order[] = [
  { id: '1001', customerPhone: '+1 302 389 5111', status: 'paid' },
  { id: '1002', customerPhone: '+44 20 7946 0958', status: 'paid' },
  { id: '1003', customerPhone: '+91 98765 43210', status: 'paid' },
];

/**
 * The example's domain: an in-memory order book. Shipping an order knows nothing about WhatsApp;
 * it only emits `order.shipped`, and a listener decides to tell the customer.
 */
@Injectable()
export class OrdersService {
  private readonly orders = new Map(SEED_ORDERS.map((order) => [order.id, { ...order }]));

  constructor(private readonly events: EventEmitter2) {}

  /** The order with this id, or a 404. */
  find(id: string): Order {
    const order = this.orders.get(id);
    if (!order) {
      throw new NotFoundException(`Order ${id} does not exist`);
    }
    return order;
  }

  /** Marks the order shipped and announces it. */
  ship(id: string): Order {
    const order = this.find(id);
    order.status = 'shipped';
    order.trackingVideoUrl = `https://cdn.example.com/tracking/${encodeURIComponent(id)}.mp4`;
    const event: OrderShippedEvent = {
      orderId: id,
      customerPhone: order.customerPhone,
      trackingVideoUrl: order.trackingVideoUrl,
    };
    this.events.emit(ORDER_SHIPPED, event);
    return order;
  }
}
