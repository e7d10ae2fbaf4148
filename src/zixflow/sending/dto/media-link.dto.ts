import { IsHttpUrl } from '../validation/is-http-url.decorator';
import { RequiredText } from '../validation/field.decorators';

/** A media object that only has a link: audio, and media headers of interactive messages. */
export class MediaLinkDto {
  /** Public http(s) URL WhatsApp downloads the media from. */
  @RequiredText()
  @IsHttpUrl('https://example.com/media.mp4')
  link!: string;
}
