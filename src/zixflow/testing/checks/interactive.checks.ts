import { checkRequiredString, checkUnknownKeys } from './field.checks';
import {
  describe,
  isPlainObject,
  isPresent,
  show,
  type JsonObject,
  type LengthLimits,
  type Problems,
} from './json-value';
import { checkMediaLink } from './media-location.checks';

/*
 * The `interactive` object of a reply-buttons message (docs §2.1): an optional header, a body, an
 * optional footer and one to three reply buttons.
 */

const INTERACTIVE_HEADER_TYPES = ['text', 'image', 'video', 'document'] as const;
type InteractiveHeaderType = (typeof INTERACTIVE_HEADER_TYPES)[number];

const INTERACTIVE_BODY_MAX = 1024;
const HEADER_AND_FOOTER_MAX = 60;
const BUTTON_ID_MAX = 256;
const BUTTON_TITLE_MAX = 20;
const MAX_BUTTONS = 3;

/** `interactive: { type?, header?, body, footer?, action: { buttons } }`. */
export function checkInteractiveObject(interactive: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(interactive, ['type', 'header', 'body', 'footer', 'action'], path, problems);
  // Zixflow documents "button" as the default, so leaving the type out is valid.
  if (interactive.type !== undefined && interactive.type !== 'button') {
    problems.push(`${path}.type: must be "button" (got ${show(interactive.type)})`);
  }
  if (isPresent(interactive, 'header')) checkInteractiveHeader(interactive.header, `${path}.header`, problems);
  checkTextContainer(interactive, 'body', path, { min: 1, max: INTERACTIVE_BODY_MAX }, true, problems);
  checkTextContainer(interactive, 'footer', path, { min: 1, max: HEADER_AND_FOOTER_MAX }, false, problems);
  checkInteractiveAction(interactive.action, `${path}.action`, problems);
}

/** `body` and `footer` share the `{ text }` shape; only their limits and optionality differ. */
function checkTextContainer(
  parent: JsonObject,
  key: 'body' | 'footer',
  parentPath: string,
  limits: LengthLimits,
  required: boolean,
  problems: Problems,
): void {
  const path = `${parentPath}.${key}`;
  const value = parent[key];
  if (value === undefined) {
    if (required) problems.push(`${path}: is required`);
    return;
  }
  if (!isPlainObject(value)) {
    problems.push(`${path}: must be an object (got ${describe(value)})`);
    return;
  }
  checkUnknownKeys(value, ['text'], path, problems);
  checkRequiredString(value, 'text', `${path}.text`, limits, problems);
}

function checkInteractiveHeader(header: unknown, path: string, problems: Problems): void {
  if (!isPlainObject(header)) {
    problems.push(`${path}: must be an object (got ${describe(header)})`);
    return;
  }
  const type = header.type;
  if (!isInteractiveHeaderType(type)) {
    problems.push(`${path}.type: must be one of ${INTERACTIVE_HEADER_TYPES.join(', ')} (got ${show(type)})`);
    return;
  }
  checkUnknownKeys(header, ['type', type], path, problems);
  if (type === 'text')
    checkRequiredString(header, 'text', `${path}.text`, { min: 1, max: HEADER_AND_FOOTER_MAX }, problems);
  else checkHeaderMedia(header[type], `${path}.${type}`, problems);
}

function checkHeaderMedia(media: unknown, path: string, problems: Problems): void {
  if (media === undefined) problems.push(`${path}: is required`);
  else if (!isPlainObject(media)) problems.push(`${path}: must be an object (got ${describe(media)})`);
  else {
    checkUnknownKeys(media, ['link'], path, problems);
    checkMediaLink(media, path, problems);
  }
}

function checkInteractiveAction(action: unknown, path: string, problems: Problems): void {
  if (action === undefined) {
    problems.push(`${path}: is required`);
    return;
  }
  if (!isPlainObject(action)) {
    problems.push(`${path}: must be an object (got ${describe(action)})`);
    return;
  }
  checkUnknownKeys(action, ['buttons'], path, problems);
  checkButtons(action.buttons, `${path}.buttons`, problems);
}

function checkButtons(buttons: unknown, path: string, problems: Problems): void {
  if (buttons === undefined) {
    problems.push(`${path}: is required`);
    return;
  }
  if (!Array.isArray(buttons)) {
    problems.push(`${path}: must be an array (got ${describe(buttons)})`);
    return;
  }
  if (buttons.length < 1 || buttons.length > MAX_BUTTONS) {
    problems.push(`${path}: must contain 1-${MAX_BUTTONS} buttons (got ${buttons.length})`);
  }
  buttons.forEach((button: unknown, index) => checkButton(button, `${path}[${index}]`, problems));
  checkUniqueReplyField(buttons, 'title', path, problems);
  checkUniqueReplyField(buttons, 'id', path, problems);
}

function checkButton(button: unknown, path: string, problems: Problems): void {
  if (!isPlainObject(button)) {
    problems.push(`${path}: must be an object (got ${describe(button)})`);
    return;
  }
  checkUnknownKeys(button, ['type', 'reply'], path, problems);
  if (button.type !== 'reply') {
    problems.push(`${path}.type: must be "reply" (got ${show(button.type)})`);
  }
  const reply = button.reply;
  if (reply === undefined) problems.push(`${path}.reply: is required`);
  else if (!isPlainObject(reply)) problems.push(`${path}.reply: must be an object (got ${describe(reply)})`);
  else {
    checkUnknownKeys(reply, ['id', 'title'], `${path}.reply`, problems);
    checkRequiredString(reply, 'id', `${path}.reply.id`, { min: 1, max: BUTTON_ID_MAX }, problems);
    checkRequiredString(reply, 'title', `${path}.reply.title`, { min: 1, max: BUTTON_TITLE_MAX }, problems);
  }
}

/** WhatsApp rejects duplicate titles (users could not tell buttons apart) and duplicate ids (replies would be ambiguous). */
function checkUniqueReplyField(buttons: unknown[], field: 'id' | 'title', path: string, problems: Problems): void {
  const seen = new Set<string>();
  for (const button of buttons) {
    const value = isPlainObject(button) && isPlainObject(button.reply) ? button.reply[field] : undefined;
    if (typeof value !== 'string') continue;
    if (seen.has(value))
      problems.push(`${path}: reply ${field}s must be unique (${JSON.stringify(value)} is repeated)`);
    seen.add(value);
  }
}

function isInteractiveHeaderType(value: unknown): value is InteractiveHeaderType {
  return typeof value === 'string' && (INTERACTIVE_HEADER_TYPES as readonly string[]).includes(value);
}
