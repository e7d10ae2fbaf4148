import { MediaId, MediaLink } from '../validation/media-source.decorators';
import { MessageType, OptionalText, RequiredObject } from '../validation/field.decorators';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/** The `video` object of a video message. */
export class VideoContentDto {
  /** Public http(s) URL of the video (MP4 or 3GPP; WhatsApp's limit is 16 MB). Required unless `id` is given. */
  @MediaLink('https://example.com/clip.mp4')
  link?: string;

  /** AI API only: the id of media uploaded to WhatsApp before, instead of `link`. */
  @MediaId()
  id?: string;

  /** Text shown under the video. */
  @OptionalText(1024)
  caption?: string;
}

/** A video message, sent with `type: "video"` on the session-message endpoint. */
export class SendVideoMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendVideo`; may be left out. */
  @MessageType('video', 'sendVideo')
  type?: 'video';

  /** The video to send. */
  @RequiredObject(() => VideoContentDto)
  video!: VideoContentDto;
}
