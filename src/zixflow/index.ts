/**
 * nestjs-zixflow: WhatsApp through Zixflow for NestJS. Everything public is exported here;
 * the sandbox for tests is at `nestjs-zixflow/testing`.
 * @packageDocumentation
 */
export { ZixflowModule } from './sending/zixflow.module';
export { ZIXFLOW_MODULE_OPTIONS } from './sending/zixflow.module-definition';
export type { ZixflowModuleExtras } from './sending/zixflow.module-definition';
export type {
  ZixflowModuleOptions,
  ZixflowOptionsFactory,
  ZixflowPostBackOptions,
  ZixflowRetryOptions,
  ZixflowStartupCheck,
} from './sending/options/zixflow-options.interface';
export type { ZixflowApiName } from './core/messages/whatsapp-message-kinds';
export { zixflowConfig } from './sending/zixflow.config';
export { ZixflowWhatsappService } from './sending/zixflow-whatsapp.service';
export { getZixflowServiceToken, InjectZixflow } from './sending/accounts/zixflow-service-token';
export { ZixflowTenantsModule } from './sending/accounts/zixflow-tenants.module';
export { ZixflowTenants } from './sending/accounts/zixflow-tenants';
export type {
  ZixflowTenantResolver,
  ZixflowTenantsModuleOptions,
  ZixflowTenantsOptionsFactory,
} from './sending/accounts/zixflow-tenants-options';
export type { ZixflowSendResult } from './core/messages/zixflow-send-result.interface';
export type { WhatsappMessageType } from './sending/messages/whatsapp-message-kinds';
export { WhatsappMessageBaseDto } from './sending/dto/whatsapp-message-base.dto';
export { MediaLinkDto } from './sending/dto/media-link.dto';
export { SendVideoMessageDto, VideoContentDto } from './sending/dto/send-video-message.dto';
export { SendImageMessageDto, ImageContentDto } from './sending/dto/send-image-message.dto';
export { SendAudioMessageDto } from './sending/dto/send-audio-message.dto';
export { SendDocumentMessageDto, DocumentContentDto } from './sending/dto/send-document-message.dto';
export { SendTextMessageDto, TextContentDto } from './sending/dto/send-text-message.dto';
export { SendLocationMessageDto, LocationContentDto } from './sending/dto/send-location-message.dto';
export {
  SendReplyButtonsMessageDto,
  InteractiveReplyButtonsDto,
  InteractiveHeaderDto,
  InteractiveBodyDto,
  InteractiveFooterDto,
  ReplyButtonsActionDto,
  ReplyButtonDto,
  ReplyButtonReplyDto,
} from './sending/dto/send-reply-buttons-message.dto';
export { SendTemplateMessageDto } from './sending/dto/send-template-message.dto';
export { SendStickerMessageDto, StickerContentDto } from './sending/dto/send-sticker-message.dto';
export { SendReactionMessageDto, ReactionContentDto } from './sending/dto/send-reaction-message.dto';
export { SendContactsMessageDto } from './sending/dto/send-contacts-message.dto';
export {
  ContactCardDto,
  ContactNameDto,
  ContactPhoneDto,
  ContactEmailDto,
  ContactAddressDto,
  ContactUrlDto,
  ContactOrgDto,
} from './sending/dto/contact-card.dto';
export {
  SendListMessageDto,
  InteractiveListDto,
  ListHeaderDto,
  ListBodyDto,
  ListActionDto,
  ListSectionDto,
  ListRowDto,
} from './sending/dto/send-list-message.dto';
export {
  SendCtaUrlMessageDto,
  InteractiveCtaUrlDto,
  CtaUrlActionDto,
  CtaUrlParametersDto,
} from './sending/dto/send-cta-url-message.dto';
export {
  SendLocationRequestMessageDto,
  InteractiveLocationRequestDto,
  LocationRequestActionDto,
} from './sending/dto/send-location-request-message.dto';
export {
  SendAddressRequestMessageDto,
  InteractiveAddressRequestDto,
  AddressRequestActionDto,
  AddressRequestParametersDto,
  SavedAddressDto,
} from './sending/dto/send-address-request-message.dto';
export type {
  ZixflowAccount,
  ZixflowQualityRating,
  ZixflowTemplate,
  ZixflowTemplateCategory,
  ZixflowTemplateStatus,
  ZixflowListTemplatesOptions,
  ZixflowDeliveryStatus,
} from './sending/data/zixflow-data.types';
export { normalizeWhatsappNumber } from './core/phone/normalize-whatsapp-number';
export { maskPhoneNumber } from './core/phone/mask-phone-number';
export { formatValidationErrors } from './sending/validation/format-validation-errors';
export { zixflowValidationExceptionFactory } from './sending/validation/zixflow-validation-exception.factory';
export { ZixflowExceptionFilter } from './sending/filters/zixflow-exception.filter';
export type { ZixflowErrorResponseBody } from './sending/filters/zixflow-exception.filter';
export * from './core/errors';
export type {
  ZixflowReplyMessage,
  ZixflowReplyTarget,
  ZixflowReplyType,
} from './sending/messages/zixflow-reply-message.type';
export type { ZixflowRateLimitOptions, ZixflowRetryEvent } from './sending/options/zixflow-options.interface';
export { ZixflowPacingQueueFullError, ZixflowQueueFullError } from './core/errors/zixflow-pacing-queue-full.error';
export type {
  ZixflowPacingQueueFullErrorDetails,
  ZixflowQueueFullErrorDetails,
} from './core/errors/zixflow-pacing-queue-full.error';
export type {
  ZixflowMessage,
  ZixflowBulkMessage,
  ZixflowSendManyOptions,
  ZixflowSendOptions,
  ZixflowSendOutcome,
} from './sending/messages/zixflow-message.types';
export type {
  ZixflowTemplateQuery,
  ZixflowTemplateVariable,
  ZixflowTemplateVariableType,
} from './sending/templates/zixflow-template-variable.interface';
export type { ZixflowTemplateOptions } from './sending/options/zixflow-options.interface';
export * from './deprecated.exports';
