import { checkOptionalString, checkRequiredString, checkUnknownKeys } from './field.checks';
import {
  actionOf,
  checkInteractiveHeader,
  checkInteractiveType,
  checkTextContainer,
  HEADER_AND_FOOTER_MAX,
} from './interactive-parts.checks';
import { characterCount, describe, isPlainObject, isPresent, type JsonObject, type Problems } from './json-value';

/*
 * The `interactive` object of a list message. Zixflow documents no list page (§2.4 names one,
 * §3.12 knows only the AI path), so every rule here is Meta's Cloud API list message, which
 * Zixflow relays: a text header, a body, a footer, a menu button of up to 20 characters and one to
 * ten sections holding at most ten rows in all.
 */

/** Meta allows a longer body on lists than on reply buttons. */
const LIST_BODY_MAX = 4096;
const BUTTON_MAX = 20;
const MAX_SECTIONS = 10;
const MAX_ROWS = 10;
const SECTION_TITLE_MAX = 24;
const ROW_ID_MAX = 200;
const ROW_TITLE_MAX = 24;
const ROW_DESCRIPTION_MAX = 72;

/**
 * `interactive: { type: "list", header?, body, footer?, action: { button, sections } }`. The AI
 * route names the kind, so there `type` may be left out; on the campaign API it says "list".
 */
export function checkListObject(
  interactive: JsonObject,
  path: string,
  problems: Problems,
  typeRequired: boolean,
): void {
  checkUnknownKeys(interactive, ['type', 'header', 'body', 'footer', 'action'], path, problems);
  checkInteractiveType(interactive, path, 'list', typeRequired, problems);
  if (isPresent(interactive, 'header')) {
    checkInteractiveHeader(interactive.header, `${path}.header`, problems, ['text'], 'link');
  }
  checkTextContainer(interactive, 'body', path, { min: 1, max: LIST_BODY_MAX }, true, problems);
  checkTextContainer(interactive, 'footer', path, { min: 1, max: HEADER_AND_FOOTER_MAX }, false, problems);
  const action = actionOf(interactive, path, problems);
  if (action === undefined) return;
  checkUnknownKeys(action, ['button', 'sections'], `${path}.action`, problems);
  checkRequiredString(action, 'button', `${path}.action.button`, { min: 1, max: BUTTON_MAX }, problems);
  checkSections(action.sections, `${path}.action.sections`, problems);
}

function checkSections(sections: unknown, path: string, problems: Problems): void {
  if (sections === undefined) {
    problems.push(`${path}: is required`);
    return;
  }
  if (!Array.isArray(sections)) {
    problems.push(`${path}: must be an array (got ${describe(sections)})`);
    return;
  }
  if (sections.length < 1 || sections.length > MAX_SECTIONS) {
    problems.push(`${path}: must contain 1-${MAX_SECTIONS} sections (got ${sections.length})`);
  }
  const rowIds = new Set<string>();
  let rowCount = 0;
  sections.forEach((section: unknown, index) => {
    rowCount += checkSection(section, `${path}[${index}]`, sections.length > 1, rowIds, problems);
  });
  if (rowCount > MAX_ROWS) problems.push(`${path}: must hold at most ${MAX_ROWS} rows in all (got ${rowCount})`);
}

/** Returns how many rows the section holds, for the limit on all sections together. */
function checkSection(
  section: unknown,
  path: string,
  titleRequired: boolean,
  rowIds: Set<string>,
  problems: Problems,
): number {
  if (!isPlainObject(section)) {
    problems.push(`${path}: must be an object (got ${describe(section)})`);
    return 0;
  }
  checkUnknownKeys(section, ['title', 'rows'], path, problems);
  // Meta: a title is required as soon as there is more than one section, so the menu can tell them apart.
  if (titleRequired) {
    checkRequiredString(section, 'title', `${path}.title`, { min: 1, max: SECTION_TITLE_MAX }, problems);
  } else checkOptionalString(section, 'title', `${path}.title`, { min: 1, max: SECTION_TITLE_MAX }, problems);
  const rows = section.rows;
  if (rows === undefined) problems.push(`${path}.rows: is required`);
  else if (!Array.isArray(rows)) problems.push(`${path}.rows: must be an array (got ${describe(rows)})`);
  else {
    if (rows.length === 0) problems.push(`${path}.rows: must contain at least 1 row`);
    rows.forEach((row: unknown, index) => checkRow(row, `${path}.rows[${index}]`, rowIds, problems));
    return rows.length;
  }
  return 0;
}

function checkRow(row: unknown, path: string, rowIds: Set<string>, problems: Problems): void {
  if (!isPlainObject(row)) {
    problems.push(`${path}: must be an object (got ${describe(row)})`);
    return;
  }
  checkUnknownKeys(row, ['id', 'title', 'description'], path, problems);
  checkRequiredString(row, 'id', `${path}.id`, { min: 1, max: ROW_ID_MAX }, problems);
  checkRequiredString(row, 'title', `${path}.title`, { min: 1, max: ROW_TITLE_MAX }, problems);
  checkOptionalString(row, 'description', `${path}.description`, { min: 0, max: ROW_DESCRIPTION_MAX }, problems);
  if (typeof row.id !== 'string' || characterCount(row.id) === 0) return;
  // The id is what comes back in the customer's list_reply; two equal ids could not be told apart.
  if (rowIds.has(row.id)) problems.push(`${path}.id: row ids must be unique (${JSON.stringify(row.id)} is repeated)`);
  rowIds.add(row.id);
}
