import { normalizeWhatsappNumber } from '../../core/phone/normalize-whatsapp-number';
import { SendAudioMessageDto } from '../dto/send-audio-message.dto';
import { MediaLinkDto } from '../dto/media-link.dto';
import { DocumentContentDto, SendDocumentMessageDto } from '../dto/send-document-message.dto';
import { ImageContentDto, SendImageMessageDto } from '../dto/send-image-message.dto';
import { SendTextMessageDto, TextContentDto } from '../dto/send-text-message.dto';
import { SendVideoMessageDto, VideoContentDto } from '../dto/send-video-message.dto';
import { isHttpUrl } from '../validation/is-http-url.decorator';
import { validateMessage } from '../validation/validate-message';

/**
 * A straight-line check of the commonest message shapes, run before class-transformer and
 * class-validator, whose per-call metadata walk costs more than the rest of a send. It only ever
 * says "certainly valid" (and then builds the very DTO instances the full path would build) or
 * "not sure": anything it does not recognise, or that might be wrong, goes to the full path, so
 * every refusal and its wording stay the full path's. Each rule below mirrors the decorators of
 * its field and is at least as strict; `fast-message-check.spec.ts` proves, with fast-check, that
 * whatever it accepts the full path accepts with an identical result.
 */

/** Whether a field's value certainly passes its decorators; `message` is the object holding it. */
type Rule = (value: unknown, message: Record<string, unknown>) => boolean;

/** A DTO class as the fast path knows it: its class, its fields' rules, its nested objects. */
interface Shape {
  dto: new () => object;
  rules: Readonly<Record<string, Rule>>;
  nested: Readonly<Record<string, Shape>>;
}

const NON_BLANK = /\S/;

/**
 * `@RequiredText(max)`: a non-blank string. class-validator counts an emoji as one character; a
 * string whose UTF-16 length is within `max` is within it by any count, longer ones are left to it.
 */
const text =
  (max?: number): Rule =>
  (value) =>
    typeof value === 'string' && NON_BLANK.test(value) && (max === undefined || value.length <= max);
/** `@OptionalText(max)`: left out (undefined, never null) or a {@link text}. */
const optionalText =
  (max?: number): Rule =>
  (value, message) =>
    value === undefined || text(max)(value, message);
/** `@OptionalBoolean()`. */
const optionalBoolean: Rule = (value) => value === undefined || typeof value === 'boolean';
/** `@IsHttpUrl()` with `@OptionalText()`: an http(s) URL as `isHttpUrl` decides, which is never blank. */
const optionalUrl: Rule = (value) => value === undefined || isHttpUrl(value);
/** `@MessageType(type)`: left out or exactly the method's type. */
const messageType =
  (type: string): Rule =>
  (value) =>
    value === undefined || value === type;
/** `@MediaLink()`: a URL when no `id` is given; left out when one is (the id's rule then decides). */
const mediaLink: Rule = (link, media) =>
  link === undefined ? media.id !== undefined : media.id === undefined && isHttpUrl(link);
/** `@MediaId()`: left out, or a non-blank string of at most 256 characters with no `link`. */
const mediaId: Rule = (id, media) => id === undefined || (text(256)(id, media) && media.link === undefined);
/** A nested object is checked by its own shape; here only that it is there. */
const present: Rule = (value) => value !== undefined;

/** `to`: what `@IsWhatsappNumber()` turns it into must be its own normal form. */
function normalisedRecipient(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const digits = normalizeWhatsappNumber(value);
  return digits !== undefined && normalizeWhatsappNumber(digits) === digits ? digits : undefined;
}

/** The fields of `WhatsappMessageBaseDto` but `to` (handled apart, as its value is rewritten). */
const BASE_RULES: Readonly<Record<string, Rule>> = {
  phoneId: optionalText(),
  source: optionalText(100),
  linkWithRecord: optionalBoolean,
  reportURL: optionalUrl,
  submissionStatus: optionalBoolean,
  postBackUrl: optionalUrl,
  postBackData: optionalText(),
};

const MEDIA_RULES = { link: mediaLink, id: mediaId };
const shape = (dto: Shape['dto'], rules: Shape['rules'], nested: Shape['nested'] = {}): Shape => ({
  dto,
  rules,
  nested,
});

/** One entry per message kind the fast path covers: the kind's `type` and its object's shape. */
function kind(dto: Shape['dto'], type: string, objectKey: string, object: Shape): [Shape['dto'], Shape] {
  return [dto, shape(dto, { ...BASE_RULES, type: messageType(type), [objectKey]: present }, { [objectKey]: object })];
}

const SHAPES: ReadonlyMap<Shape['dto'], Shape> = new Map([
  kind(SendVideoMessageDto, 'video', 'video', shape(VideoContentDto, { ...MEDIA_RULES, caption: optionalText(1024) })),
  kind(SendImageMessageDto, 'image', 'image', shape(ImageContentDto, { ...MEDIA_RULES, caption: optionalText(1024) })),
  kind(SendAudioMessageDto, 'audio', 'audio', shape(MediaLinkDto, MEDIA_RULES)),
  kind(
    SendDocumentMessageDto,
    'document',
    'document',
    shape(DocumentContentDto, { ...MEDIA_RULES, caption: optionalText(1024), filename: optionalText(240) }),
  ),
  kind(SendTextMessageDto, 'text', 'text', shape(TextContentDto, { body: text(4096), preview_url: optionalBoolean })),
]);

/** Plain objects only: DTO instances, Maps and anything else go to the full path's copy. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Builds the DTO instance of `input` as `plainToInstance` does (the input's own keys in their
 * order, undefined values kept, nested objects as their classes), or undefined when any field is
 * unknown or not certainly valid.
 */
function build(shape: Shape, input: Record<string, unknown>, topLevel: boolean): object | undefined {
  const keys = Object.keys(input);
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(shape.rules, key) && !(topLevel && key === 'to')) return undefined;
  }
  for (const field of Object.keys(shape.rules)) {
    if (!shape.rules[field](input[field], input)) return undefined;
  }
  const instance = new shape.dto() as Record<string, unknown>;
  for (const key of keys) {
    const value = input[key];
    const nested = shape.nested[key];
    if (topLevel && key === 'to') {
      const recipient = normalisedRecipient(value);
      if (recipient === undefined) return undefined;
      instance[key] = recipient;
    } else if (nested !== undefined) {
      const child = isPlainObject(value) ? build(nested, value, false) : undefined;
      if (child === undefined) return undefined;
      instance[key] = child;
    } else {
      instance[key] = value;
    }
  }
  return instance;
}

/**
 * The validated DTO instance of `input` when the fast path is certain it is valid and would be
 * built exactly so by the full path; undefined to say "run the full path".
 */
export function fastValidateMessage<T extends object>(dto: new () => T, input: unknown): T | undefined {
  const found = SHAPES.get(dto);
  if (found === undefined || !isPlainObject(input) || !('to' in input)) return undefined;
  return build(found, input, true) as T | undefined;
}

/**
 * {@link validateMessage} with the fast path in front: the same result for every input, the same
 * {@link ZixflowValidationError} for every invalid one (those always take the full path).
 */
export function validateMessageFast<T extends object>(dto: new () => T, input: unknown): T {
  return fastValidateMessage(dto, input) ?? validateMessage(dto, input);
}
