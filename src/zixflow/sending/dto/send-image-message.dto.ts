import { MediaId, MediaLink } from '../validation/media-source.decorators';
import { MessageType, OptionalText, RequiredObject } from '../validation/field.decorators';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The `image` object of an image message. */
export class ImageContentDto {
  /** Public http(s) URL of the image (JPEG or PNG; WhatsApp's limit is 5 MB). Required unless `id` is given. */
  @MediaLink('https://example.com/photo.jpg')
  link?: string;

  /** AI API only: the id of media uploaded to WhatsApp before, instead of `link`. */
  @MediaId()
  id?: string;

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
