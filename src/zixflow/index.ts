/**
 * nestjs-zixflow: WhatsApp through Zixflow for NestJS. Everything public is exported here;
 * the sandbox for tests is at `nestjs-zixflow/testing`.
 * @packageDocumentation
 */
export { ZixflowModule } from './zixflow.module';
export { ZIXFLOW_MODULE_OPTIONS } from './zixflow.module-definition';
export type { ZixflowModuleExtras } from './zixflow.module-definition';
export type { ZixflowModuleOptions, ZixflowOptionsFactory, ZixflowRetryOptions } from './zixflow-options.interface';
export { zixflowConfig } from './zixflow.config';
export {
  ZIXFLOW_DEFAULT_BASE_URL,
  ZIXFLOW_DEFAULT_TIMEOUT_MS,
  ZIXFLOW_SESSION_MESSAGE_PATH,
  ZIXFLOW_TEMPLATE_MESSAGE_PATH,
} from './zixflow.constants';
export { ZixflowWhatsappService } from './whatsapp/zixflow-whatsapp.service';
export type { ZixflowSendResult } from './whatsapp/zixflow-send-result.interface';
export type { WhatsappMessageType } from './whatsapp/whatsapp-message-kinds';
export { WhatsappMessageBaseDto } from './whatsapp/dto/whatsapp-message-base.dto';
export { MediaLinkDto } from './whatsapp/dto/media-link.dto';
export { SendVideoMessageDto, VideoContentDto } from './whatsapp/dto/send-video-message.dto';
export { SendImageMessageDto, ImageContentDto } from './whatsapp/dto/send-image-message.dto';
export { SendAudioMessageDto } from './whatsapp/dto/send-audio-message.dto';
export { SendDocumentMessageDto, DocumentContentDto } from './whatsapp/dto/send-document-message.dto';
export { SendTextMessageDto, TextContentDto } from './whatsapp/dto/send-text-message.dto';
export { SendLocationMessageDto, LocationContentDto } from './whatsapp/dto/send-location-message.dto';
export {
  SendReplyButtonsMessageDto,
  InteractiveReplyButtonsDto,
  InteractiveHeaderDto,
  InteractiveBodyDto,
  InteractiveFooterDto,
  ReplyButtonsActionDto,
  ReplyButtonDto,
  ReplyButtonReplyDto,
} from './whatsapp/dto/send-reply-buttons-message.dto';
export { SendTemplateMessageDto } from './whatsapp/dto/send-template-message.dto';
export { normalizeWhatsappNumber } from './phone/normalize-whatsapp-number';
export { maskPhoneNumber } from './phone/mask-phone-number';
export { formatValidationErrors } from './whatsapp/validation/format-validation-errors';
export { zixflowValidationExceptionFactory } from './whatsapp/validation/zixflow-validation-exception.factory';
export { ZixflowExceptionFilter } from './filters/zixflow-exception.filter';
export type { ZixflowErrorResponseBody } from './filters/zixflow-exception.filter';
export * from './errors';
export type { ZixflowReplyMessage, ZixflowReplyTarget, ZixflowReplyType } from './whatsapp/zixflow-reply-message.type';
export type { ZixflowRateLimitOptions, ZixflowRetryEvent } from './zixflow-options.interface';
export { ZixflowQueueFullError } from './errors/zixflow-queue-full.error';
export type { ZixflowQueueFullErrorDetails } from './errors/zixflow-queue-full.error';
export type {
  ZixflowBulkMessage,
  ZixflowSendManyOptions,
  ZixflowSendOptions,
  ZixflowSendOutcome,
} from './bulk/send-many.types';
export { ZIXFLOW_DEFAULT_SEND_MANY_CONCURRENCY } from './bulk/bulk.constants';
export type {
  ZixflowTemplateQuery,
  ZixflowTemplateVariable,
  ZixflowTemplateVariableType,
} from './templates/zixflow-template-variable.interface';
export type { ZixflowTemplateOptions } from './zixflow-options.interface';
