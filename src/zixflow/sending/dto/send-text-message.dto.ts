import { MessageType, OptionalBoolean, RequiredObject, RequiredText } from '../validation/field.decorators';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The `text` object of a text message. */
export class TextContentDto {
  /** The message text, up to 4096 characters; may contain URLs and WhatsApp formatting. */
  @RequiredText(4096)
  body!: string;

  /** Ask WhatsApp to render a preview of the first http(s) URL in the body. */
  @OptionalBoolean()
  preview_url?: boolean;
}

/** A text message, sent with `type: "text"` on the session-message endpoint. */
export class SendTextMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendText`; may be left out. */
  @MessageType('text', 'sendText')
  type?: 'text';

  /** The text to send. */
  @RequiredObject(() => TextContentDto)
  text!: TextContentDto;
}
