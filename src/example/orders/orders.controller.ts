import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { Order, OrdersService } from './orders.service';

/** Ships orders; the WhatsApp message is sent by a listener, not here. */
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  /** Ships the order and answers at once; the customer's video goes out in the background. */
  @Post(':id/ship')
  @HttpCode(HttpStatus.ACCEPTED)
  ship(@Param('id') id: string): Order {
    return this.orders.ship(id);
  }
}
