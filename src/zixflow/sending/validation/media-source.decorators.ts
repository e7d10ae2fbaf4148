import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf, ValidationArguments } from 'class-validator';
import { Optional, RequiredText } from './field.decorators';
import { IsHttpUrl } from './is-http-url.decorator';

/** A media object as the validators see it: a hosted `link`, or (AI API) an uploaded `id`. */
interface MediaSource {
  link?: unknown;
  id?: unknown;
}

/**
 * The `link` of a media object: required unless an uploaded media `id` is given instead (the AI
 * API takes either, §3.4; the campaign API only links, which the service checks per API). A `link`
 * given with an `id` is refused on the `id`.
 */
export function MediaLink(example: string): PropertyDecorator {
  return applyDecorators(
    ValidateIf((media: MediaSource, link: unknown) => link !== undefined || media.id === undefined),
    // This order (URL rule first) keeps the messages of a link as they were before ids existed.
    IsHttpUrl(example),
    RequiredText(),
  );
}

/** The uploaded media `id` of a media object (AI API only): a non-blank string, never with `link`. */
export function MediaId(): PropertyDecorator {
  return applyDecorators(
    Optional(),
    RequiredText(256),
    ValidateBy({
      name: 'mediaIdWithoutLink',
      validator: {
        validate: (_id: unknown, args?: ValidationArguments) => (args?.object as MediaSource).link === undefined,
        defaultMessage: () => 'cannot be given with link: send the media by uploaded id or by link, not both',
      },
    }),
  );
}

/** The lower-case extension of a URL's last path segment, if it has one. */
function fileExtensionOf(link: string): string | undefined {
  if (!URL.canParse(link)) return undefined;
  const segment = new URL(link).pathname.split('/').pop() ?? '';
  const dot = segment.lastIndexOf('.');
  return dot > 0 && dot < segment.length - 1 ? segment.slice(dot + 1).toLowerCase() : undefined;
}

/**
 * A sticker `link` must point at a WebP image (WhatsApp accepts no other sticker format, §5.3). The
 * file is never fetched, so only a link whose file name says otherwise (`.png`, `.gif`) is refused;
 * a link without an extension (a CDN id) may serve WebP and passes.
 */
export function IsWebpLink(): PropertyDecorator {
  return ValidateBy({
    name: 'isWebpLink',
    validator: {
      validate: (link: unknown) => {
        const extension = typeof link === 'string' ? fileExtensionOf(link) : undefined;
        return extension === undefined || extension === 'webp';
      },
      defaultMessage: (args?: ValidationArguments) =>
        `must be a WebP image (WhatsApp takes no other sticker format); got a .${fileExtensionOf(String(args?.value))} file`,
    },
  });
}
