import { MessageType, RequiredObject } from '../validation/field.decorators';
import { MediaLinkDto } from './media-link.dto';
import { WhatsappMessageBaseDto } from './whatsapp-message-base.dto';

/**
 * An audio message, sent with `type: "audio"` on the session-message endpoint. WhatsApp allows no
 * caption on audio, so `audio` holds only the link and a `caption` there is refused.
 */
export class SendAudioMessageDto extends WhatsappMessageBaseDto {
  /** Set by `sendAudio`; may be left out. */
  @MessageType('audio', 'sendAudio')
  type?: 'audio';

  /** The audio to send (AAC, AMR, MP3, M4A or OGG/opus; WhatsApp's limit is 16 MB). */
  @RequiredObject(() => MediaLinkDto)
  audio!: MediaLinkDto;
}
