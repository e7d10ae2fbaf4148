/**
 * `nestjs-zixflow/webhooks`: receive Zixflow's webhooks (incoming WhatsApp messages and delivery
 * reports) as typed Nest events. A separate entry point because it needs `@nestjs/event-emitter`,
 * which apps that only send messages do not have to install.
 * @packageDocumentation
 */
export { ZixflowWebhooksModule } from './zixflow-webhooks.module';
export { ZIXFLOW_WEBHOOKS_MODULE_OPTIONS } from './zixflow-webhooks.module-definition';
export type { ZixflowWebhooksModuleExtras } from './zixflow-webhooks.module-definition';
export type {
  ZixflowWebhookAccountOptions,
  ZixflowWebhookAccountResolver,
  ZixflowWebhookAccountResolverOptions,
  ZixflowWebhooksModuleOptions,
  ZixflowWebhooksDedupeOptions,
  ZixflowWebhooksOptionsFactory,
} from './zixflow-webhooks-options.interface';
export { zixflowWebhooksConfig } from './zixflow-webhooks.config';
export * from './zixflow-webhooks.deprecated';
export { ZixflowEvents } from './zixflow.events';
export type { ZixflowEventName } from './zixflow.events';
export { OnWhatsappMessage } from './handlers/on-whatsapp-message.decorator';
export type { OnWhatsappMessageOptions } from './handlers/on-whatsapp-message.decorator';
export { OnWhatsappDeliveryReport } from './handlers/on-whatsapp-delivery-report.decorator';
export type { OnWhatsappDeliveryReportOptions } from './handlers/on-whatsapp-delivery-report.decorator';
export type {
  ZixflowIncomingMessage,
  ZixflowIncomingSender,
  ZixflowIncomingContent,
  ZixflowIncomingMessageType,
  ZixflowIncomingText,
  ZixflowIncomingImage,
  ZixflowIncomingVideo,
  ZixflowIncomingAudio,
  ZixflowIncomingDocument,
  ZixflowIncomingLocation,
  ZixflowIncomingReply,
  ZixflowIncomingUnknown,
  ZixflowIncomingMedia,
  ZixflowReplySource,
} from './incoming/zixflow-incoming-message.interface';
export type { ZixflowDeliveryReport } from './reports/zixflow-delivery-report.interface';
export { parseZixflowIncomingMessage } from './incoming/parse-incoming-message';
export { parseZixflowDeliveryReport } from './reports/parse-delivery-report';
export { ZixflowWebhookPayloadError } from './errors/zixflow-webhook-payload.error';
export type { ZixflowDedupeStore } from './dedupe/zixflow-dedupe-store.interface';
export { ZixflowInMemoryDedupeStore } from './dedupe/zixflow-in-memory-dedupe.store';
export type { ZixflowInMemoryDedupeStoreOptions } from './dedupe/zixflow-in-memory-dedupe.store';
export type { ZixflowWebhookAck } from './http/zixflow-webhook-ack.interface';
export { conversationKeyOf } from './inbound/conversation-key';
export type { ZixflowInboundQueue, ZixflowInboundEvent } from './inbound/zixflow-inbound-queue.interface';
export { ZixflowWebhookDeliveries } from './zixflow-webhook-deliveries';
export type { ZixflowWebhookRoute } from './zixflow-webhook-deliveries';
