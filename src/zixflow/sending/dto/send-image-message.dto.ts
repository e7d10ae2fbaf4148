import { IsHttpUrl } from '../validation/is-http-url.decorator';
import { MessageType, OptionalText, RequiredObject, RequiredText } from '../validation/field.decorators';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The `image` object of an image message. */
export class ImageContentDto {
  /** Public http(s) URL of the image (JPEG or PNG; WhatsApp's limit is 5 MB). */
  @RequiredText()
  @IsHttpUrl('https://example.com/photo.jpg')
  link!: string;

  /** Text shown under the image. */
  @OptionalText(1024)
  caption?: string;
}

/** An image message, sent with `type: "image"` on the session-message endpoint. */
export class SendImageMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendImage`; may be left out. */
  @MessageType('image', 'sendImage')
  type?: 'image';

  /** The image to send. */
  @RequiredObject(() => ImageContentDto)
  image!: ImageContentDto;
}
