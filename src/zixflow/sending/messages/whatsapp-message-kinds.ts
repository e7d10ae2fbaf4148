import {
  WHATSAPP_MESSAGE_WIRE,
  WhatsappMessageType,
  WhatsappMessageWire,
} from '../../core/messages/whatsapp-message-kinds';
import { SendAddressRequestMessageDto } from '../dto/send-address-request-message.dto';
import { SendAudioMessageDto } from '../dto/send-audio-message.dto';
import { SendContactsMessageDto } from '../dto/send-contacts-message.dto';
import { SendCtaUrlMessageDto } from '../dto/send-cta-url-message.dto';
import { SendDocumentMessageDto } from '../dto/send-document-message.dto';
import { SendImageMessageDto } from '../dto/send-image-message.dto';
import { SendListMessageDto } from '../dto/send-list-message.dto';
import { SendLocationMessageDto } from '../dto/send-location-message.dto';
import { SendLocationRequestMessageDto } from '../dto/send-location-request-message.dto';
import { SendReactionMessageDto } from '../dto/send-reaction-message.dto';
import { SendReplyButtonsMessageDto } from '../dto/send-reply-buttons-message.dto';
import { SendStickerMessageDto } from '../dto/send-sticker-message.dto';
import { SendTemplateMessageDto } from '../dto/send-template-message.dto';
import { SendTextMessageDto } from '../dto/send-text-message.dto';
import { SendVideoMessageDto } from '../dto/send-video-message.dto';
import { WhatsappMessageBaseDto } from '../dto/whatsapp-message-base.dto';

export type { WhatsappMessageType } from '../../core/messages/whatsapp-message-kinds';

/** How one kind of message is validated, which method sends it, and where it goes on each API. */
export interface WhatsappMessageKind extends WhatsappMessageWire {
  /** The DTO class that validates it. */
  dto: new () => WhatsappMessageBaseDto;
  /** The service method that sends it, named in refusals. */
  method: string;
}

/** The DTO and method of every kind; `satisfies` makes a kind added to the wire table without them a compile error. */
const MESSAGE_CLASSES = {
  video: [SendVideoMessageDto, 'sendVideo'],
  image: [SendImageMessageDto, 'sendImage'],
  audio: [SendAudioMessageDto, 'sendAudio'],
  document: [SendDocumentMessageDto, 'sendDocument'],
  text: [SendTextMessageDto, 'sendText'],
  location: [SendLocationMessageDto, 'sendLocation'],
  interactive: [SendReplyButtonsMessageDto, 'sendReplyButtons'],
  template: [SendTemplateMessageDto, 'sendTemplate'],
  sticker: [SendStickerMessageDto, 'sendSticker'],
  contacts: [SendContactsMessageDto, 'sendContacts'],
  reaction: [SendReactionMessageDto, 'sendReaction'],
  list: [SendListMessageDto, 'sendList'],
  cta_url: [SendCtaUrlMessageDto, 'sendCtaUrl'],
  location_request: [SendLocationRequestMessageDto, 'sendLocationRequest'],
  address_request: [SendAddressRequestMessageDto, 'sendAddressRequest'],
} as const satisfies Record<WhatsappMessageType, readonly [new () => WhatsappMessageBaseDto, string]>;

type MessageKinds = {
  [Type in WhatsappMessageType]: (typeof WHATSAPP_MESSAGE_WIRE)[Type] & {
    dto: (typeof MESSAGE_CLASSES)[Type][0];
    method: (typeof MESSAGE_CLASSES)[Type][1];
  };
};

/** Every message kind by its `type` value: the core wire table with each kind's DTO and method. */
export const WHATSAPP_MESSAGE_KINDS: MessageKinds = Object.fromEntries(
  Object.entries(WHATSAPP_MESSAGE_WIRE).map(([type, wire]) => {
    const [dto, method] = MESSAGE_CLASSES[type as WhatsappMessageType];
    return [type, { ...wire, dto, method }];
  }),
) as MessageKinds;
