import { checkRequiredString, checkUnknownKeys } from './field.checks';
import {
  actionOf,
  ALL_HEADER_TYPES,
  checkInteractiveHeader,
  checkTextContainer,
  HEADER_AND_FOOTER_MAX,
  INTERACTIVE_BODY_MAX,
} from './interactive-parts.checks';
import { describe, isPlainObject, isPresent, show, type JsonObject, type Problems } from './json-value';
import type { MediaSource } from './media-location.checks';

/*
 * The `interactive` object of a reply-buttons message (docs §2.4, §3.11): an optional header, a
 * body, an optional footer and one to three reply buttons.
 */

const BUTTON_ID_MAX = 256;
const BUTTON_TITLE_MAX = 20;
const MAX_BUTTONS = 3;

/** `interactive: { type?, header?, body, footer?, action: { buttons } }`. */
export function checkInteractiveObject(
  interactive: JsonObject,
  path: string,
  problems: Problems,
  source: MediaSource = 'link',
): void {
  checkUnknownKeys(interactive, ['type', 'header', 'body', 'footer', 'action'], path, problems);
  // Zixflow documents "button" as the default, so leaving the type out is valid.
  if (interactive.type !== undefined && interactive.type !== 'button') {
    problems.push(`${path}.type: must be "button" (got ${show(interactive.type)})`);
  }
  if (isPresent(interactive, 'header')) {
    checkInteractiveHeader(interactive.header, `${path}.header`, problems, ALL_HEADER_TYPES, source);
  }
  checkTextContainer(interactive, 'body', path, { min: 1, max: INTERACTIVE_BODY_MAX }, true, problems);
  checkTextContainer(interactive, 'footer', path, { min: 1, max: HEADER_AND_FOOTER_MAX }, false, problems);
  const action = actionOf(interactive, path, problems);
  if (action === undefined) return;
  checkUnknownKeys(action, ['buttons'], `${path}.action`, problems);
  checkButtons(action.buttons, `${path}.action.buttons`, problems);
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
