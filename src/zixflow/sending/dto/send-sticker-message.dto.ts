import { MessageType, RequiredObject } from '../validation/field.decorators';
import { IsWebpLink, MediaId, MediaLink } from '../validation/media-source.decorators';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The `sticker` object of a sticker message: a WebP image, by link or by uploaded id, no caption. */
export class StickerContentDto {
  /**
   * Public http(s) URL of a WebP image (WhatsApp's limits: 100 KB static, 500 KB animated).
   * Required unless `id` is given.
   */
  @MediaLink('https://example.com/sticker.webp')
  @IsWebpLink()
  link?: string;

  /** The id of a sticker uploaded to WhatsApp before, instead of `link`. */
  @MediaId()
  id?: string;
}

/** A sticker message (AI API only: `POST …/whatsapp/v1/message/sticker/send`). */
export class SendStickerMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendSticker`; may be left out. */
  @MessageType('sticker', 'sendSticker')
  type?: 'sticker';

  /** The sticker to send. */
  @RequiredObject(() => StickerContentDto)
  sticker!: StickerContentDto;
}
