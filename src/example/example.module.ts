import { Module } from '@nestjs/common';
import { BroadcastsModule } from './broadcasts/broadcasts.module';
import { ConversationStateStore } from './bot/conversation-state.store';
import { DeliveryReportListener } from './bot/delivery-report.listener';
import { SupportBotHandler } from './bot/support-bot.handler';
import { MessagesController } from './messages/messages.controller';
import { OrderShippedListener } from './orders/order-shipped.listener';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';

/**
 * The example backend: REST routes that send messages, an order domain whose events trigger
 * messages, and a support bot that answers customers' WhatsApp messages.
 * `ZixflowWhatsappService` comes from the globally registered `ZixflowModule`; the bot and the
 * report listener are called by `ZixflowWebhooksModule` when the app registers it; broadcasts go
 * through the durable queue when `REDIS_URL` is set.
 */
@Module({
  imports: [BroadcastsModule.register()],
  controllers: [MessagesController, OrdersController],
  providers: [OrdersService, OrderShippedListener, SupportBotHandler, ConversationStateStore, DeliveryReportListener],
  exports: [OrdersService],
})
export class ExampleModule {}
