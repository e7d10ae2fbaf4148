import { checkRequiredString, checkUnknownKeys } from './field.checks';
import { describe, isPlainObject, show, type JsonObject, type LengthLimits, type Problems } from './json-value';
import { checkMediaSource, type MediaSource } from './media-location.checks';

/*
 * What every interactive message shares (docs §2.4, §3.11-§3.15): the `{ text }` body and footer,
 * the optional header, and the `action.name` the request kinds carry. Limits are Zixflow's where it
 * states them (header 60, body 1024), Meta's otherwise.
 */

/** Header text and footer text: 60 characters (§5.3 for the header; Meta for the footer). */
export const HEADER_AND_FOOTER_MAX = 60;
/** Body text of reply buttons, CTA URL and request messages (§5.3). */
export const INTERACTIVE_BODY_MAX = 1024;

/** Which header types a kind allows: lists take a text header only (Meta). */
export type HeaderTypes = readonly ('text' | 'image' | 'video' | 'document')[];

/** Every header type of reply buttons and CTA URL messages. */
export const ALL_HEADER_TYPES: HeaderTypes = ['text', 'image', 'video', 'document'];

/** `body` and `footer` share the `{ text }` shape; only their limits and optionality differ. */
export function checkTextContainer(
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

/** `header: { type, text }` or `{ type, <media>: { link } }` (`id` too on the AI API). */
export function checkInteractiveHeader(
  header: unknown,
  path: string,
  problems: Problems,
  allowed: HeaderTypes,
  source: MediaSource,
): void {
  if (!isPlainObject(header)) {
    problems.push(`${path}: must be an object (got ${describe(header)})`);
    return;
  }
  const type = header.type;
  if (typeof type !== 'string' || !(allowed as readonly string[]).includes(type)) {
    problems.push(`${path}.type: must be one of ${allowed.join(', ')} (got ${show(type)})`);
    return;
  }
  checkUnknownKeys(header, ['type', type], path, problems);
  if (type === 'text') {
    checkRequiredString(header, 'text', `${path}.text`, { min: 1, max: HEADER_AND_FOOTER_MAX }, problems);
    return;
  }
  const media = header[type];
  const mediaPath = `${path}.${type}`;
  if (media === undefined) problems.push(`${mediaPath}: is required`);
  else if (!isPlainObject(media)) problems.push(`${mediaPath}: must be an object (got ${describe(media)})`);
  else {
    checkUnknownKeys(media, source === 'link' ? ['link'] : ['link', 'id'], mediaPath, problems);
    checkMediaSource(media, mediaPath, problems, source);
  }
}

/** An `interactive.type` that must be `expected` when sent; `required` when the route does not imply it. */
export function checkInteractiveType(
  interactive: JsonObject,
  path: string,
  expected: string,
  required: boolean,
  problems: Problems,
): void {
  if (interactive.type === undefined) {
    if (required) problems.push(`${path}.type: is required ("${expected}")`);
    return;
  }
  if (interactive.type !== expected)
    problems.push(`${path}.type: must be "${expected}" (got ${show(interactive.type)})`);
}

/** `action` as an object, or a problem line; the kinds check what is inside. */
export function actionOf(interactive: JsonObject, path: string, problems: Problems): JsonObject | undefined {
  const action = interactive.action;
  if (action === undefined) {
    problems.push(`${path}.action: is required`);
    return undefined;
  }
  if (!isPlainObject(action)) {
    problems.push(`${path}.action: must be an object (got ${describe(action)})`);
    return undefined;
  }
  return action;
}

/** `action.name`, which Meta's request and CTA kinds must carry with a fixed value. */
export function checkActionName(action: JsonObject, path: string, expected: string, problems: Problems): void {
  if (action.name === undefined) problems.push(`${path}.name: is required ("${expected}")`);
  else if (action.name !== expected) problems.push(`${path}.name: must be "${expected}" (got ${show(action.name)})`);
}
