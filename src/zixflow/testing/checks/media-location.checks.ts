import {
  checkHttpUrl,
  checkOptionalBoolean,
  checkOptionalString,
  checkRequiredString,
  checkUnknownKeys,
} from './field.checks';
import { describe, type JsonObject, type Problems } from './json-value';

/*
 * The type objects of the session kinds without buttons: text, the media kinds and location
 * (docs §2.1, §5). Each takes the object named by `type` and the path it sits at.
 */

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

/** `image` and `video`: `{ link, caption? }`. */
export function checkCaptionedMediaObject(media: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(media, ['link', 'caption'], path, problems);
  checkMediaLink(media, path, problems);
  checkOptionalString(media, 'caption', `${path}.caption`, { min: 0, max: CAPTION_MAX }, problems);
}

/** Audio has no caption on WhatsApp (§5.3), so `caption` is reported as unknown. */
export function checkAudioObject(audio: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(audio, ['link'], path, problems);
  checkMediaLink(audio, path, problems);
}

/** `document: { link, caption?, filename? }`. */
export function checkDocumentObject(document: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(document, ['link', 'caption', 'filename'], path, problems);
  checkMediaLink(document, path, problems);
  checkOptionalString(document, 'caption', `${path}.caption`, { min: 0, max: CAPTION_MAX }, problems);
  checkOptionalString(document, 'filename', `${path}.filename`, { min: 0, max: Infinity }, problems);
}

/** The required `link` of any media object, interactive headers included. */
export function checkMediaLink(media: JsonObject, path: string, problems: Problems): void {
  if (media.link === undefined) problems.push(`${path}.link: is required`);
  else checkHttpUrl(media.link, `${path}.link`, problems);
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
