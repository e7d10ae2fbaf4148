import type { SendAddressRequestMessageDto } from '../dto/send-address-request-message.dto';
import type { SendAudioMessageDto } from '../dto/send-audio-message.dto';
import type { SendContactsMessageDto } from '../dto/send-contacts-message.dto';
import type { SendCtaUrlMessageDto } from '../dto/send-cta-url-message.dto';
import type { SendDocumentMessageDto } from '../dto/send-document-message.dto';
import type { SendImageMessageDto } from '../dto/send-image-message.dto';
import type { SendListMessageDto } from '../dto/send-list-message.dto';
import type { SendLocationMessageDto } from '../dto/send-location-message.dto';
import type { SendLocationRequestMessageDto } from '../dto/send-location-request-message.dto';
import type { SendReactionMessageDto } from '../dto/send-reaction-message.dto';
import type { SendReplyButtonsMessageDto } from '../dto/send-reply-buttons-message.dto';
import type { SendStickerMessageDto } from '../dto/send-sticker-message.dto';
import type { SendTextMessageDto } from '../dto/send-text-message.dto';
import type { SendVideoMessageDto } from '../dto/send-video-message.dto';

/**
 * Whom a reply goes to: anything with the customer's number and, optionally, the business number
 * they wrote to. A `ZixflowIncomingMessage` from `nestjs-zixflow/webhooks` is one.
 */
export interface ZixflowReplyTarget {
  /** The customer; the reply is sent to `sender.number`. */
  sender: { number: string };
  /** Phone-number id the customer wrote to; the reply is sent from it, else from `defaultPhoneId`. */
  phoneId?: string;
}

/** A message's own fields, without the addressing that a reply takes from the incoming message. */
type ReplyFields<T> = Omit<T, 'to' | 'phoneId' | 'type'>;

/**
 * A session message answering an incoming one: the same fields as the send methods take, minus
 * `to` and `phoneId`, with `type` saying which kind it is (`interactive` is reply buttons; the
 * kinds only the AI API has are refused on the campaign API, as their send methods are).
 * Templates are not offered: a customer who just wrote has an open 24-hour session.
 */
export type ZixflowReplyMessage =
  | ({ type: 'text' } & ReplyFields<SendTextMessageDto>)
  | ({ type: 'image' } & ReplyFields<SendImageMessageDto>)
  | ({ type: 'video' } & ReplyFields<SendVideoMessageDto>)
  | ({ type: 'audio' } & ReplyFields<SendAudioMessageDto>)
  | ({ type: 'document' } & ReplyFields<SendDocumentMessageDto>)
  | ({ type: 'location' } & ReplyFields<SendLocationMessageDto>)
  | ({ type: 'interactive' } & ReplyFields<SendReplyButtonsMessageDto>)
  | ({ type: 'sticker' } & ReplyFields<SendStickerMessageDto>)
  | ({ type: 'contacts' } & ReplyFields<SendContactsMessageDto>)
  | ({ type: 'reaction' } & ReplyFields<SendReactionMessageDto>)
  | ({ type: 'list' } & ReplyFields<SendListMessageDto>)
  | ({ type: 'cta_url' } & ReplyFields<SendCtaUrlMessageDto>)
  | ({ type: 'location_request' } & ReplyFields<SendLocationRequestMessageDto>)
  | ({ type: 'address_request' } & ReplyFields<SendAddressRequestMessageDto>);

/** The `type` values a reply may have. */
export type ZixflowReplyType = ZixflowReplyMessage['type'];
