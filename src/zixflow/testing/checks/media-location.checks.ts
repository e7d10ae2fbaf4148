import {
  checkHttpUrl,
  checkOptionalBoolean,
  checkOptionalString,
  checkRequiredString,
  checkUnknownKeys,
} from './field.checks';
import { describe, isPresent, type JsonObject, type Problems } from './json-value';

/*
 * The type objects of the session kinds without buttons: text, the media kinds and location
 * (docs §2.1, §3.3-§3.8, §5). Each takes the object named by `type` (the path's kind on the AI API)
 * and the path it sits at. Media take a hosted `link` on both APIs; the AI API also takes an
 * uploaded media `id` instead (§3.4, §3.5, §3.7), so the media checks say which API they check.
 */

/** Which API a body was sent to: only the AI API documents media by uploaded `id`. */
export type MediaSource = 'link' | 'link-or-id';

const TEXT_BODY_MAX = 4096;
const CAPTION_MAX = 1024;
/** Plain decimal notation only: the docs show coordinates like "12.9716"; exponents or spaces are a client bug. */
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** `text: { body, preview_url? }`. */
export function checkTextObject(text: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(text, ['body', 'preview_url'], path, problems);
  checkRequiredString(text, 'body', `${path}.body`, { min: 1, max: TEXT_BODY_MAX }, problems);
  checkOptionalBoolean(text, 'preview_url', `${path}.preview_url`, problems);
}

/** `image` and `video`: `{ link, caption? }` (or `{ id, caption? }` on the AI API). */
export function checkCaptionedMediaObject(
  media: JsonObject,
  path: string,
  problems: Problems,
  source: MediaSource = 'link',
): void {
  checkUnknownKeys(media, [...sourceKeys(source), 'caption'], path, problems);
  checkMediaSource(media, path, problems, source);
  checkOptionalString(media, 'caption', `${path}.caption`, { min: 0, max: CAPTION_MAX }, problems);
}

/** Audio has no caption on WhatsApp (§5.3), so `caption` is reported as unknown. */
export function checkAudioObject(
  audio: JsonObject,
  path: string,
  problems: Problems,
  source: MediaSource = 'link',
): void {
  checkUnknownKeys(audio, sourceKeys(source), path, problems);
  checkMediaSource(audio, path, problems, source);
}

/** `document: { link, caption?, filename? }` (or `id` instead of `link` on the AI API). */
export function checkDocumentObject(
  document: JsonObject,
  path: string,
  problems: Problems,
  source: MediaSource = 'link',
): void {
  checkUnknownKeys(document, [...sourceKeys(source), 'caption', 'filename'], path, problems);
  checkMediaSource(document, path, problems, source);
  checkOptionalString(document, 'caption', `${path}.caption`, { min: 0, max: CAPTION_MAX }, problems);
  checkOptionalString(document, 'filename', `${path}.filename`, { min: 0, max: Infinity }, problems);
}

/**
 * `sticker: { link }` or `{ id }` (AI API only, §3.7): stickers must be WebP (§5.3) and take no
 * caption. The bytes are never fetched, so a link is refused only when its file name says it is
 * something else (`.png`, `.gif`); a link without an extension may serve WebP and passes.
 */
export function checkStickerObject(sticker: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(sticker, sourceKeys('link-or-id'), path, problems);
  checkMediaSource(sticker, path, problems, 'link-or-id');
  const extension = typeof sticker.link === 'string' ? fileExtensionOf(sticker.link) : undefined;
  if (extension !== undefined && extension !== 'webp') {
    problems.push(`${path}.link: must be a WebP image (got a .${extension} file)`);
  }
}

/** The required `link` of any media object, interactive headers included. */
export function checkMediaLink(media: JsonObject, path: string, problems: Problems): void {
  if (media.link === undefined) problems.push(`${path}.link: is required`);
  else checkHttpUrl(media.link, `${path}.link`, problems);
}

/** `link`, or on the AI API exactly one of `link` and an uploaded media `id`. */
export function checkMediaSource(media: JsonObject, path: string, problems: Problems, source: MediaSource): void {
  if (source === 'link' || !isPresent(media, 'id')) {
    if (source === 'link-or-id' && media.link === undefined) problems.push(`${path}: needs link or id`);
    else checkMediaLink(media, path, problems);
    return;
  }
  if (isPresent(media, 'link')) problems.push(`${path}: give link or id, not both`);
  if (typeof media.id !== 'string' || media.id.trim() === '') {
    problems.push(`${path}.id: must be a non-empty string (got ${describe(media.id)})`);
  }
}

function sourceKeys(source: MediaSource): string[] {
  return source === 'link' ? ['link'] : ['link', 'id'];
}

/** The lower-case extension of a URL's last path segment, if it has one. */
function fileExtensionOf(link: string): string | undefined {
  if (!URL.canParse(link)) return undefined;
  const segment = new URL(link).pathname.split('/').pop() ?? '';
  const dot = segment.lastIndexOf('.');
  return dot > 0 && dot < segment.length - 1 ? segment.slice(dot + 1).toLowerCase() : undefined;
}

/** The campaign API types coordinates as strings (§2.4); numbers are a classic client mistake. */
export function checkLocationObject(location: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(location, ['latitude', 'longitude', 'name', 'address'], path, problems);
  checkCoordinate(location, 'latitude', path, 90, problems);
  checkCoordinate(location, 'longitude', path, 180, problems);
  checkOptionalString(location, 'name', `${path}.name`, { min: 0, max: Infinity }, problems);
  checkOptionalString(location, 'address', `${path}.address`, { min: 0, max: Infinity }, problems);
}

function checkCoordinate(
  location: JsonObject,
  key: 'latitude' | 'longitude',
  path: string,
  limit: number,
  problems: Problems,
): void {
  const value = location[key];
  const field = `${path}.${key}`;
  if (value === undefined) problems.push(`${field}: is required`);
  else if (typeof value !== 'string') problems.push(`${field}: must be a string (got ${describe(value)})`);
  else if (!DECIMAL_PATTERN.test(value) || Math.abs(Number(value)) > limit) {
    problems.push(`${field}: must be a decimal string between -${limit} and ${limit} (got ${JSON.stringify(value)})`);
  }
}
