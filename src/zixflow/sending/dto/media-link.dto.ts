import { MediaId, MediaLink } from '../validation/media-source.decorators';

/**
 * A media object without a caption: audio, and media headers of interactive messages. Give `link`;
 * on the AI API an uploaded media `id` may be given instead.
 */
export class MediaLinkDto {
  /** Public http(s) URL WhatsApp downloads the media from. Required unless `id` is given. */
  @MediaLink('https://example.com/media.mp4')
  link?: string;

  /** AI API only: the id of media uploaded to WhatsApp before, instead of `link`. */
  @MediaId()
  id?: string;
}
