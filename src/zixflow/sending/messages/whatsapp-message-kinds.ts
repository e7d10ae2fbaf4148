import {
  WHATSAPP_MESSAGE_WIRE,
  WhatsappMessageType,
  WhatsappMessageWire,
} from '../../core/messages/whatsapp-message-kinds';
import { SendAudioMessageDto } from '../dto/send-audio-message.dto';
import { SendDocumentMessageDto } from '../dto/send-document-message.dto';
import { SendImageMessageDto } from '../dto/send-image-message.dto';
import { SendLocationMessageDto } from '../dto/send-location-message.dto';
import { SendReplyButtonsMessageDto } from '../dto/send-reply-buttons-message.dto';
import { SendTemplateMessageDto } from '../dto/send-template-message.dto';
import { SendTextMessageDto } from '../dto/send-text-message.dto';
import { SendVideoMessageDto } from '../dto/send-video-message.dto';
import { WhatsappMessageBaseDto } from '../dto/whatsapp-message-base.dto';

export type { WhatsappMessageType } from '../../core/messages/whatsapp-message-kinds';

/** How one kind of message is validated and where it is sent. */
export interface WhatsappMessageKind extends WhatsappMessageWire {
  /** The DTO class that validates it. */
  dto: new () => WhatsappMessageBaseDto;
}

/** The DTO of every kind; `satisfies` makes a kind added to the wire table without a DTO a compile error. */
const MESSAGE_DTOS = {
  video: SendVideoMessageDto,
  image: SendImageMessageDto,
  audio: SendAudioMessageDto,
  document: SendDocumentMessageDto,
  text: SendTextMessageDto,
  location: SendLocationMessageDto,
  interactive: SendReplyButtonsMessageDto,
  template: SendTemplateMessageDto,
} as const satisfies Record<WhatsappMessageType, new () => WhatsappMessageBaseDto>;

type MessageKinds = {
  [Type in WhatsappMessageType]: (typeof WHATSAPP_MESSAGE_WIRE)[Type] & { dto: (typeof MESSAGE_DTOS)[Type] };
};

/** Every message kind by its `type` value: the core wire table with each kind's DTO. */
export const WHATSAPP_MESSAGE_KINDS: MessageKinds = Object.fromEntries(
  Object.entries(WHATSAPP_MESSAGE_WIRE).map(([type, wire]) => [
    type,
    { ...wire, dto: MESSAGE_DTOS[type as WhatsappMessageType] },
  ]),
) as MessageKinds;
