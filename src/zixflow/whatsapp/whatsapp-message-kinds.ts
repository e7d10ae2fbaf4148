import { ZIXFLOW_SESSION_MESSAGE_PATH, ZIXFLOW_TEMPLATE_MESSAGE_PATH } from '../zixflow.constants';
import { SendAudioMessageDto } from './dto/send-audio-message.dto';
import { SendDocumentMessageDto } from './dto/send-document-message.dto';
import { SendImageMessageDto } from './dto/send-image-message.dto';
import { SendLocationMessageDto } from './dto/send-location-message.dto';
import { SendReplyButtonsMessageDto } from './dto/send-reply-buttons-message.dto';
import { SendTemplateMessageDto } from './dto/send-template-message.dto';
import { SendTextMessageDto } from './dto/send-text-message.dto';
import { SendVideoMessageDto } from './dto/send-video-message.dto';
import { WhatsappMessageBaseDto } from './dto/whatsapp-message-base.dto';

/** How one kind of message is validated and where it is sent. */
export interface WhatsappMessageKind {
  /** The DTO class that validates it. */
  dto: new () => WhatsappMessageBaseDto;
  /** API path it is posted to. */
  path: string;
  /** The `type` written into the body, or undefined for templates, whose endpoint has no `type`. */
  bodyType: string | undefined;
}

/**
 * Every message kind by its `type` value, in one table so the service, and anything that accepts
 * mixed messages, agree on DTOs and paths.
 */
export const WHATSAPP_MESSAGE_KINDS = {
  video: { dto: SendVideoMessageDto, path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'video' },
  image: { dto: SendImageMessageDto, path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'image' },
  audio: { dto: SendAudioMessageDto, path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'audio' },
  document: { dto: SendDocumentMessageDto, path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'document' },
  text: { dto: SendTextMessageDto, path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'text' },
  location: { dto: SendLocationMessageDto, path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'location' },
  interactive: { dto: SendReplyButtonsMessageDto, path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'interactive' },
  template: { dto: SendTemplateMessageDto, path: ZIXFLOW_TEMPLATE_MESSAGE_PATH, bodyType: undefined },
} as const satisfies Record<string, WhatsappMessageKind>;

/** The `type` values that name a message kind (`interactive` is reply buttons). */
export type WhatsappMessageType = keyof typeof WHATSAPP_MESSAGE_KINDS;
