import { checkOptionalEnvelope, checkRecipient, OPTIONAL_ENVELOPE_KEYS, RECIPIENT_KEYS } from './envelope.checks';
import { checkInteractiveObject } from './interactive.checks';
import { checkListObject } from './interactive-list.checks';
import { describe, isPlainObject, presentKeys, show, type JsonObject, type Problems } from './json-value';
import {
  checkAudioObject,
  checkCaptionedMediaObject,
  checkDocumentObject,
  checkLocationObject,
  checkTextObject,
} from './media-location.checks';

/*
 * Strict, dependency-free validation of the Zixflow campaign send bodies
 * (docs §2.1, §2.4, §5). It deliberately shares nothing with the client's DTOs
 * so that a mistake in the client (a wrong key, a number where the API wants a
 * string, a stray `null`) is caught here instead of being mirrored.
 *
 * Problems are human-readable strings of the form `<json.path>: <what is wrong>`
 * so a failing test points straight at the offending field.
 */

const SESSION_MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'location', 'interactive'] as const;
type SessionMessageType = (typeof SESSION_MESSAGE_TYPES)[number];

const TYPE_OBJECT_CHECKS: Record<SessionMessageType, (value: JsonObject, path: string, problems: Problems) => void> = {
  text: checkTextObject,
  image: checkCaptionedMediaObject,
  video: checkCaptionedMediaObject,
  audio: checkAudioObject,
  document: checkDocumentObject,
  location: checkLocationObject,
  interactive: checkInteractiveOrListObject,
};

/**
 * `type: "interactive"` holds reply buttons (documented) or, with `interactive.type: "list"`, a list:
 * the reply-button page speaks of list messages on the same endpoint, but no list page exists
 * (§2.4), so lists are accepted here on Meta's rules and the docs call them inferred.
 */
function checkInteractiveOrListObject(interactive: JsonObject, path: string, problems: Problems): void {
  if (interactive.type === 'list') checkListObject(interactive, path, problems, true);
  else checkInteractiveObject(interactive, path, problems);
}

/**
 * Problems with a session (free-form) message body, as POSTed to
 * `/api/v1/campaign/whatsapp/message/send`. Empty array means valid.
 */
export function checkSessionMessageBody(body: unknown): string[] {
  if (!isPlainObject(body)) return [`body: must be a JSON object (got ${describe(body)})`];
  const problems: Problems = [];
  checkRecipient(body, problems);
  const type = checkSessionType(body, problems);
  if (type !== undefined) checkTypeObject(body, type, problems);
  checkOptionalEnvelope(body, problems);
  checkSessionTopLevelKeys(body, type, problems);
  return problems;
}

function checkSessionType(body: JsonObject, problems: Problems): SessionMessageType | undefined {
  const type = body.type;
  if (type === undefined) {
    problems.push('type: is required');
    return undefined;
  }
  if (!isSessionMessageType(type)) {
    problems.push(`type: must be one of ${SESSION_MESSAGE_TYPES.join(', ')} (got ${show(type)})`);
    return undefined;
  }
  return type;
}

/**
 * Only the object named by `type` may be present; sibling type objects are
 * reported separately from plain unknown keys because they usually mean the
 * client serialised a whole union instead of one branch. When `type` itself is
 * invalid the sibling objects are left alone: we cannot tell which was meant.
 */
function checkSessionTopLevelKeys(body: JsonObject, type: SessionMessageType | undefined, problems: Problems): void {
  const allowed = new Set<string>([...RECIPIENT_KEYS, 'type', ...OPTIONAL_ENVELOPE_KEYS]);
  for (const key of presentKeys(body)) {
    if (allowed.has(key) || key === type) continue;
    if (!isSessionMessageType(key)) problems.push(`${key}: unknown field`);
    else if (type !== undefined) problems.push(`${key}: not allowed when type is "${type}"`);
  }
}

function checkTypeObject(body: JsonObject, type: SessionMessageType, problems: Problems): void {
  const value = body[type];
  if (value === undefined) problems.push(`${type}: is required when type is "${type}"`);
  else if (!isPlainObject(value)) problems.push(`${type}: must be an object (got ${describe(value)})`);
  else TYPE_OBJECT_CHECKS[type](value, type, problems);
}

function isSessionMessageType(value: unknown): value is SessionMessageType {
  return typeof value === 'string' && (SESSION_MESSAGE_TYPES as readonly string[]).includes(value);
}
