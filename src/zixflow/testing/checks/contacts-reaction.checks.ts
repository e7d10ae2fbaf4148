import { checkOptionalString, checkUnknownKeys } from './field.checks';
import { describe, isPlainObject, isPresent, type JsonObject, type Problems } from './json-value';

/*
 * The AI API's contacts and reaction messages (docs §3.9, §3.10). Reactions are documented in
 * full. Contacts are documented only as an array of objects with `name`, `phones`, `emails`,
 * `addresses`, `urls`, `org` and `birthday` (an older page); their fields are Meta's contact object.
 */

const NAME_KEYS = ['formatted_name', 'first_name', 'last_name', 'middle_name', 'suffix', 'prefix'];
const CONTACT_LISTS: Record<string, readonly string[]> = {
  phones: ['phone', 'type', 'wa_id'],
  emails: ['email', 'type'],
  addresses: ['street', 'city', 'state', 'zip', 'country', 'country_code', 'type'],
  urls: ['url', 'type'],
};
const ORG_KEYS = ['company', 'department', 'title'];
const BIRTHDAY = /^\d{4}-\d{2}-\d{2}$/;

/** `contacts: [ { name: { formatted_name, … }, phones?, emails?, addresses?, urls?, org?, birthday? } ]`. */
export function checkContactsArray(contacts: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(contacts)) {
    problems.push(`${path}: must be an array (got ${describe(contacts)})`);
    return;
  }
  if (contacts.length === 0) problems.push(`${path}: must contain at least 1 contact`);
  contacts.forEach((contact: unknown, index) => checkContact(contact, `${path}[${index}]`, problems));
}

function checkContact(contact: unknown, path: string, problems: Problems): void {
  if (!isPlainObject(contact)) {
    problems.push(`${path}: must be an object (got ${describe(contact)})`);
    return;
  }
  checkUnknownKeys(contact, ['name', ...Object.keys(CONTACT_LISTS), 'org', 'birthday'], path, problems);
  checkName(contact.name, `${path}.name`, problems);
  for (const [key, fields] of Object.entries(CONTACT_LISTS)) {
    if (isPresent(contact, key)) checkList(contact[key], fields, `${path}.${key}`, problems);
  }
  if (isPresent(contact, 'org')) checkFlatObject(contact.org, ORG_KEYS, `${path}.org`, problems);
  const birthday = contact.birthday;
  if (isPresent(contact, 'birthday') && (typeof birthday !== 'string' || !BIRTHDAY.test(birthday))) {
    problems.push(`${path}.birthday: must be a date like "1990-01-31" (got ${JSON.stringify(birthday)})`);
  }
}

/** Meta requires `formatted_name`, the line the card is shown under. */
function checkName(name: unknown, path: string, problems: Problems): void {
  if (name === undefined) {
    problems.push(`${path}: is required`);
    return;
  }
  if (!checkFlatObject(name, NAME_KEYS, path, problems)) return;
  const formatted = (name as JsonObject).formatted_name;
  if (typeof formatted !== 'string' || formatted.trim() === '') {
    problems.push(`${path}.formatted_name: is required`);
  }
}

function checkList(value: unknown, fields: readonly string[], path: string, problems: Problems): void {
  if (!Array.isArray(value)) {
    problems.push(`${path}: must be an array (got ${describe(value)})`);
    return;
  }
  value.forEach((item: unknown, index) => checkFlatObject(item, fields, `${path}[${index}]`, problems));
}

/** An object of optional strings only; false when it is not an object at all. */
function checkFlatObject(value: unknown, fields: readonly string[], path: string, problems: Problems): boolean {
  if (!isPlainObject(value)) {
    problems.push(`${path}: must be an object (got ${describe(value)})`);
    return false;
  }
  checkUnknownKeys(value, fields, path, problems);
  for (const field of fields)
    checkOptionalString(value, field, `${path}.${field}`, { min: 0, max: Infinity }, problems);
  return true;
}

/**
 * `reaction: { message_id, emoji }` (§3.10): `message_id` is the WhatsApp id of the message reacted
 * to; `emoji` is one emoji, or empty to remove the reaction (Meta).
 */
export function checkReactionObject(reaction: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(reaction, ['message_id', 'emoji'], path, problems);
  const id = reaction.message_id;
  if (id === undefined) problems.push(`${path}.message_id: is required`);
  else if (typeof id !== 'string' || id.trim() === '') {
    problems.push(`${path}.message_id: must be a non-empty string (got ${describe(id)})`);
  }
  const emoji = reaction.emoji;
  if (emoji === undefined) problems.push(`${path}.emoji: is required (send "" to remove a reaction)`);
  else if (typeof emoji !== 'string') problems.push(`${path}.emoji: must be a string (got ${describe(emoji)})`);
  else if (emoji !== '' && !isOneEmoji(emoji)) {
    problems.push(`${path}.emoji: must be one emoji, or "" to remove the reaction (got ${JSON.stringify(emoji)})`);
  }
}

/** Pictographs, flags (regional indicators) and keycaps are emoji; letters and digits alone are not. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** `Intl.Segmenter` (Node 16+), typed here because the compile target's library predates it. */
const Segmenter = (
  Intl as unknown as {
    Segmenter: new (
      locale: undefined,
      options: { granularity: 'grapheme' },
    ) => { segment(text: string): Iterable<unknown> };
  }
).Segmenter;

/** One character as a person sees it (a flag or a family is one, though several code points), and an emoji. */
function isOneEmoji(text: string): boolean {
  const graphemes = [...new Segmenter(undefined, { granularity: 'grapheme' }).segment(text)];
  return graphemes.length === 1 && EMOJI.test(text);
}
