import { checkContactsArray, checkReactionObject } from './contacts-reaction.checks';
import { checkHttpUrl, checkNonBlankString, checkOptionalString, checkUnknownKeys } from './field.checks';
import { checkInteractiveObject } from './interactive.checks';
import { checkListObject } from './interactive-list.checks';
import { checkAddressRequestObject, checkCtaUrlObject, checkLocationRequestObject } from './interactive-request.checks';
import { describe, isPlainObject, isPresent, type JsonObject, type Problems } from './json-value';
import {
  checkAudioObject,
  checkCaptionedMediaObject,
  checkDocumentObject,
  checkLocationObject,
  checkStickerObject,
  checkTextObject,
} from './media-location.checks';
import { checkVariables } from './template-message.checks';

/*
 * Strict, dependency-free validation of the Zixflow AI API's WhatsApp send bodies (docs §3.0-§3.15):
 * `{ recipient, phone_id, <kind object>, post_back_url?, post_back_data? }` posted to one path per
 * kind, snake_case, no `type` field (the path names the kind). Like the campaign checks it shares
 * nothing with the client's DTOs, so a client that sends campaign fields here is caught.
 */

/** Every message kind the AI API has a send path for, by the sandbox's name for it. */
export type AiMessageKind =
  | 'text'
  | 'image'
  | 'video'
  | 'audio'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'reaction'
  | 'reply_buttons'
  | 'list'
  | 'cta_url'
  | 'location_request'
  | 'address_request'
  | 'template';

/** One AI send path: the kind it takes and the body key that holds the kind's object. */
export interface AiSendRoute {
  kind: AiMessageKind;
  /** `interactive` for every interactive kind; undefined for templates, whose fields sit at the top. */
  key: string | undefined;
}

type ObjectCheck = (value: JsonObject, path: string, problems: Problems) => void;

/** The paths after the ingest prefix (`/api/ingest`, or `/api/ingestion` in older doc copies). */
export const AI_SEND_ROUTES: ReadonlyMap<string, AiSendRoute> = new Map<string, AiSendRoute>([
  ['/whatsapp/v1/message/text/send', { kind: 'text', key: 'text' }],
  ['/whatsapp/v1/message/image/send', { kind: 'image', key: 'image' }],
  ['/whatsapp/v1/message/video/send', { kind: 'video', key: 'video' }],
  ['/whatsapp/v1/message/audio/send', { kind: 'audio', key: 'audio' }],
  ['/whatsapp/v1/message/document/send', { kind: 'document', key: 'document' }],
  ['/whatsapp/v1/message/sticker/send', { kind: 'sticker', key: 'sticker' }],
  ['/whatsapp/v1/message/location/send', { kind: 'location', key: 'location' }],
  ['/whatsapp/v1/message/contacts/send', { kind: 'contacts', key: 'contacts' }],
  ['/whatsapp/v1/message/reaction/send', { kind: 'reaction', key: 'reaction' }],
  ['/whatsapp/v1/message/interactive/reply-buttons/send', { kind: 'reply_buttons', key: 'interactive' }],
  ['/whatsapp/v1/message/interactive/list-buttons/send', { kind: 'list', key: 'interactive' }],
  ['/whatsapp/v1/message/interactive/url-button/send', { kind: 'cta_url', key: 'interactive' }],
  ['/whatsapp/v1/message/interactive/location-request/send', { kind: 'location_request', key: 'interactive' }],
  ['/whatsapp/v1/message/interactive/address/send', { kind: 'address_request', key: 'interactive' }],
  ['/whatsapp/v1/template/send', { kind: 'template', key: undefined }],
]);

const OBJECT_CHECKS: Record<Exclude<AiMessageKind, 'contacts' | 'template'>, ObjectCheck> = {
  text: checkTextObject,
  image: (value, path, problems) => checkCaptionedMediaObject(value, path, problems, 'link-or-id'),
  video: (value, path, problems) => checkCaptionedMediaObject(value, path, problems, 'link-or-id'),
  audio: (value, path, problems) => checkAudioObject(value, path, problems, 'link-or-id'),
  document: (value, path, problems) => checkDocumentObject(value, path, problems, 'link-or-id'),
  sticker: checkStickerObject,
  location: checkLocationObject,
  reaction: checkReactionObject,
  reply_buttons: (value, path, problems) => checkInteractiveObject(value, path, problems, 'link-or-id'),
  list: (value, path, problems) => checkListObject(value, path, problems, false),
  cta_url: checkCtaUrlObject,
  location_request: checkLocationRequestObject,
  address_request: checkAddressRequestObject,
};

/** Country code + national number, digits only (§3.0: no `+`, no spaces, dashes or other characters). */
const RECIPIENT_PATTERN = /^[1-9]\d{6,14}$/;
const ENVELOPE_KEYS = ['recipient', 'phone_id', 'post_back_url', 'post_back_data'];
const TEMPLATE_KEYS = [...ENVELOPE_KEYS, 'template_name', 'language', 'variables'];

/** The send prefixes the AI API is known under: the current one, and the one older doc copies show (§1). */
export const AI_INGEST_PREFIXES = ['/api/ingest', '/api/ingestion'] as const;

/** The route of a full AI send path (`/api/ingest/whatsapp/v1/message/text/send`), if it is one. */
export function aiSendRouteOf(path: string): AiSendRoute | undefined {
  const prefix = AI_INGEST_PREFIXES.find((candidate) => path.startsWith(`${candidate}/`));
  return prefix === undefined ? undefined : AI_SEND_ROUTES.get(path.slice(prefix.length));
}

/**
 * Problems with a body posted to the AI API's send path `path` (with its prefix, e.g.
 * `/api/ingest/whatsapp/v1/message/list-buttons/send`), as the sandbox checks it. Empty means valid.
 */
export function checkAiSendBody(path: string, body: unknown): string[] {
  const route = aiSendRouteOf(path);
  return route === undefined
    ? [`path: ${JSON.stringify(path)} is not a WhatsApp send path of the AI API`]
    : checkAiMessageBody(route, body);
}

/** Problems with a body posted to the AI send path of `route`. Empty array means valid. */
export function checkAiMessageBody(route: AiSendRoute, body: unknown): string[] {
  if (!isPlainObject(body)) return [`body: must be a JSON object (got ${describe(body)})`];
  const problems: Problems = [];
  checkAiEnvelope(body, problems);
  if (route.key === undefined) {
    checkNonBlankString(body, 'template_name', 'template_name', problems);
    // Optional per the AI template page (§3.1), unlike the campaign API; checked when sent.
    if (isPresent(body, 'language')) checkNonBlankString(body, 'language', 'language', problems);
    checkVariables(body, problems);
    checkUnknownKeys(body, TEMPLATE_KEYS, '', problems);
    return problems;
  }
  checkKindObject(route, body, problems);
  checkUnknownKeys(body, [...ENVELOPE_KEYS, route.key], '', problems);
  return problems;
}

function checkKindObject(route: AiSendRoute, body: JsonObject, problems: Problems): void {
  const key = route.key as string;
  const value = body[key];
  if (value === undefined) {
    problems.push(`${key}: is required`);
    return;
  }
  if (route.kind === 'contacts') {
    checkContactsArray(value, key, problems);
    return;
  }
  if (!isPlainObject(value)) {
    problems.push(`${key}: must be an object (got ${describe(value)})`);
    return;
  }
  OBJECT_CHECKS[route.kind as keyof typeof OBJECT_CHECKS](value, key, problems);
}

/** `recipient` and `phone_id` are required; `post_back_url` and `post_back_data` optional (§3.0). */
function checkAiEnvelope(body: JsonObject, problems: Problems): void {
  const recipient = body.recipient;
  if (recipient === undefined) problems.push('recipient: is required');
  else if (typeof recipient !== 'string') problems.push(`recipient: must be a string (got ${describe(recipient)})`);
  else if (!RECIPIENT_PATTERN.test(recipient)) {
    problems.push(
      `recipient: must be the country code and number, digits only, without '+' or spaces (got ${JSON.stringify(recipient)})`,
    );
  }
  checkNonBlankString(body, 'phone_id', 'phone_id', problems);
  if (isPresent(body, 'post_back_url')) checkHttpUrl(body.post_back_url, 'post_back_url', problems);
  checkOptionalString(body, 'post_back_data', 'post_back_data', { min: 0, max: Infinity }, problems);
}
