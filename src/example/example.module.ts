import { DynamicModule, Module } from '@nestjs/common';
import { BroadcastsModule } from './broadcasts/broadcasts.module';
import { DeliveryReportListener } from './bot/delivery-report.listener';
import { SupportTicketDialog } from './bot/support-ticket.dialog';
import { SupportBot } from './bot/support.bot';
import { TrackOrderDialog } from './bot/track-order.dialog';
import { MessagesController } from './messages/messages.controller';
import { OrderShippedListener } from './orders/order-shipped.listener';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';

/**
 * The example backend: REST routes that send messages, an order domain whose events trigger
 * messages, and a support bot that answers customers' WhatsApp messages.
 * `ZixflowWhatsappService` comes from the globally registered `ZixflowModule`; the bot and its
 * dialogs are run by `ZixflowBotModule` on the messages `ZixflowWebhooksModule` receives, and the
 * report listener is called by `ZixflowWebhooksModule`, when the app registers it; broadcasts go
 * through the durable queue when `REDIS_URL` is set.
 */
@Module({
  controllers: [MessagesController, OrdersController],
  providers: [
    OrdersService,
    OrderShippedListener,
    SupportBot,
    TrackOrderDialog,
    SupportTicketDialog,
    DeliveryReportListener,
  ],
  exports: [OrdersService],
})
export class ExampleModule {
  /**
   * Builds the module; broadcasts get the queue when `env.REDIS_URL` is set. Call it after
   * `ConfigModule.forRoot()`, so a `REDIS_URL` from `.env` counts.
   */
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return { module: ExampleModule, imports: [BroadcastsModule.register(env)] };
  }
}
