import { Module } from '@nestjs/common';
import { MessagesController } from './messages/messages.controller';
import { OrderShippedListener } from './orders/order-shipped.listener';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';

/**
 * The example backend: REST routes that send messages, and an order domain whose events trigger
 * messages. `ZixflowWhatsappService` comes from the globally registered `ZixflowModule`.
 */
@Module({
  controllers: [MessagesController, OrdersController],
  providers: [OrdersService, OrderShippedListener],
  exports: [OrdersService],
})
export class ExampleModule {}
