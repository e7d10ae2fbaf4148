import { firstPresent, isJsonObject, JsonObject, readNumber, readText } from '../../core/json/payload-fields';
import {
  ZixflowIncomingContent,
  ZixflowIncomingMedia,
  ZixflowIncomingReply,
  ZixflowIncomingUnknown,
  ZixflowReplySource,
} from './zixflow-incoming-message.interface';

type MediaType = 'image' | 'video' | 'audio' | 'document';
type ContentParser = (message: JsonObject) => ZixflowIncomingContent | undefined;

/**
 * One parser per `message.type`. Only text, image and video are documented by Zixflow; the others
 * follow Meta's Cloud API, which Zixflow relays. A Map, not an object literal, so a `type` such as
 * `constructor` can never reach a prototype member.
 */
const CONTENT_PARSERS: ReadonlyMap<string, ContentParser> = new Map<string, ContentParser>([
  ['text', parseText],
  ['image', (message) => parseMedia(message, 'image')],
  ['video', (message) => parseMedia(message, 'video')],
  ['audio', (message) => parseMedia(message, 'audio')],
  ['document', (message) => parseMedia(message, 'document')],
  ['location', parseLocation],
  ['interactive', parseInteractiveReply],
  ['button_reply', (message) => parseChoice(message.button_reply, 'button_reply')],
  ['list_reply', (message) => parseChoice(message.list_reply, 'list_reply')],
  ['button', parseTemplateButton],
]);

/**
 * Turns the payload's `message` object into the typed union. Never throws: anything it does not
 * recognise, including a known type with an unexpected shape, becomes `{ type: 'unknown', raw }`.
 */
export function parseIncomingContent(message: unknown): ZixflowIncomingContent {
  if (!isJsonObject(message)) {
    return unknownContent(undefined, {});
  }
  const type = readText(message.type);
  const parse = type === undefined ? undefined : CONTENT_PARSERS.get(type);
  return parse?.(message) ?? unknownContent(type, message);
}

function unknownContent(originalType: string | undefined, raw: JsonObject): ZixflowIncomingUnknown {
  return { type: 'unknown', originalType, raw };
}

function parseText(message: JsonObject): ZixflowIncomingContent | undefined {
  // Documented as `text.body`; a bare string is accepted too because it loses nothing.
  const body = isJsonObject(message.text) ? message.text.body : message.text;
  return typeof body === 'string' ? { type: 'text', text: { body } } : undefined;
}

function parseMedia(message: JsonObject, type: MediaType): ZixflowIncomingContent | undefined {
  const media = message[type];
  if (!isJsonObject(media)) {
    return undefined;
  }
  const parsed = readMedia(media);
  switch (type) {
    case 'image':
      return { type, image: parsed };
    case 'video':
      return { type, video: parsed };
    case 'audio':
      return { type, audio: parsed };
    case 'document':
      return { type, document: parsed };
  }
}

function readMedia(media: JsonObject): ZixflowIncomingMedia {
  return {
    link: readText(firstPresent(media, ['link', 'url'])),
    caption: readText(media.caption),
    mimeType: readText(firstPresent(media, ['mime_type', 'mimeType'])),
    name: readText(firstPresent(media, ['name', 'filename'])),
    size: readNumber(firstPresent(media, ['size', 'file_size'])),
  };
}

function parseLocation(message: JsonObject): ZixflowIncomingContent | undefined {
  const location = message.location;
  if (!isJsonObject(location)) {
    return undefined;
  }
  const latitude = readNumber(location.latitude);
  const longitude = readNumber(location.longitude);
  if (latitude === undefined || longitude === undefined || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    return undefined;
  }
  return {
    type: 'location',
    location: { latitude, longitude, name: readText(location.name), address: readText(location.address) },
  };
}

/** Meta's shape: `interactive: { type: 'button_reply' | 'list_reply', button_reply | list_reply: { id, title, description? } }`. */
function parseInteractiveReply(message: JsonObject): ZixflowIncomingContent | undefined {
  const interactive = message.interactive;
  if (!isJsonObject(interactive)) {
    return undefined;
  }
  const source: ZixflowReplySource | undefined =
    interactive.type === 'list_reply' || (interactive.type === undefined && isJsonObject(interactive.list_reply))
      ? 'list_reply'
      : interactive.type === 'button_reply' ||
          (interactive.type === undefined && isJsonObject(interactive.button_reply))
        ? 'button_reply'
        : undefined;
  return source === undefined ? undefined : parseChoice(interactive[source], source);
}

function parseChoice(choice: unknown, source: ZixflowReplySource): ZixflowIncomingReply | undefined {
  if (!isJsonObject(choice)) {
    return undefined;
  }
  const id = readText(choice.id);
  if (id === undefined) {
    return undefined;
  }
  return {
    type: 'reply',
    reply: { id, title: readText(choice.title), description: readText(choice.description), source },
  };
}

/** A template's quick-reply button: `button: { payload, text }`; the payload plays the role of the id. */
function parseTemplateButton(message: JsonObject): ZixflowIncomingContent | undefined {
  const button = message.button;
  if (!isJsonObject(button)) {
    return undefined;
  }
  const title = readText(button.text);
  const id = readText(button.payload) ?? title;
  if (id === undefined) {
    return undefined;
  }
  return { type: 'reply', reply: { id, title, description: undefined, source: 'button' } };
}
