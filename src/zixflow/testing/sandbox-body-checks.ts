/*
 * Strict, dependency-free validation of the two Zixflow campaign send bodies
 * (docs §2.1, §2.4, §5). It deliberately shares nothing with the client's DTOs
 * so that a mistake in the client (a wrong key, a number where the API wants a
 * string, a stray `null`) is caught here instead of being mirrored.
 *
 * Problems are human-readable strings of the form `<json.path>: <what is wrong>`
 * so a failing test points straight at the offending field.
 */

type JsonObject = Record<string, unknown>;
type Problems = string[];

const SESSION_MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'location', 'interactive'] as const;
type SessionMessageType = (typeof SESSION_MESSAGE_TYPES)[number];

const INTERACTIVE_HEADER_TYPES = ['text', 'image', 'video', 'document'] as const;
type InteractiveHeaderType = (typeof INTERACTIVE_HEADER_TYPES)[number];

/** Fields both send endpoints accept besides their own required ones. */
const OPTIONAL_ENVELOPE_KEYS = ['source', 'linkWithRecord', 'reportURL', 'submissionStatus'] as const;
const RECIPIENT_KEYS = ['to', 'phoneId'] as const;
const TEMPLATE_KEYS = [...RECIPIENT_KEYS, 'templateName', 'language', 'variables', ...OPTIONAL_ENVELOPE_KEYS];

/** Country code + national number, digits only, E.164 length (7-15), no leading 0 or '+'. */
const RECIPIENT_PATTERN = /^[1-9]\d{6,14}$/;
/** Plain decimal notation only: the docs show coordinates like "12.9716"; exponents or spaces are a client bug. */
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

const TEXT_BODY_MAX = 4096;
const CAPTION_MAX = 1024;
const INTERACTIVE_BODY_MAX = 1024;
const HEADER_AND_FOOTER_MAX = 60;
const BUTTON_ID_MAX = 256;
const BUTTON_TITLE_MAX = 20;
const MAX_BUTTONS = 3;

interface LengthLimits {
  min: number;
  max: number;
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

/**
 * Problems with a template message body, as POSTed to
 * `/api/v1/campaign/whatsapp/send`. Empty array means valid.
 */
export function checkTemplateMessageBody(body: unknown): string[] {
  if (!isPlainObject(body)) return [`body: must be a JSON object (got ${describe(body)})`];
  const problems: Problems = [];
  checkRecipient(body, problems);
  checkNonBlankString(body, 'templateName', 'templateName', problems);
  checkNonBlankString(body, 'language', 'language', problems);
  checkVariables(body, problems);
  checkOptionalEnvelope(body, problems);
  checkUnknownKeys(body, TEMPLATE_KEYS, '', problems);
  return problems;
}

// ---------------------------------------------------------------- envelope

function checkRecipient(body: JsonObject, problems: Problems): void {
  const to = body.to;
  if (to === undefined) problems.push('to: is required');
  else if (typeof to !== 'string') problems.push(`to: must be a string (got ${describe(to)})`);
  else if (!RECIPIENT_PATTERN.test(to)) {
    problems.push(
      `to: must be 7-15 digits in international format, without '+' or a leading 0 (got ${JSON.stringify(to)})`,
    );
  }
  checkNonBlankString(body, 'phoneId', 'phoneId', problems);
}

function checkOptionalEnvelope(body: JsonObject, problems: Problems): void {
  checkOptionalString(body, 'source', 'source', { min: 0, max: Infinity }, problems);
  checkOptionalBoolean(body, 'linkWithRecord', 'linkWithRecord', problems);
  if (isPresent(body, 'reportURL')) checkHttpUrl(body.reportURL, 'reportURL', problems);
  checkOptionalBoolean(body, 'submissionStatus', 'submissionStatus', problems);
}

function checkVariables(body: JsonObject, problems: Problems): void {
  const variables = body.variables;
  if (variables === undefined) {
    problems.push('variables: is required (send {} when the template has none)');
    return;
  }
  if (!isPlainObject(variables)) {
    problems.push(`variables: must be an object (got ${describe(variables)})`);
    return;
  }
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value !== 'string') problems.push(`variables.${name}: must be a string (got ${describe(value)})`);
  }
}

// ------------------------------------------------------------ session type

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

const TYPE_OBJECT_CHECKS: Record<SessionMessageType, (value: JsonObject, path: string, problems: Problems) => void> = {
  text: checkTextObject,
  image: checkCaptionedMediaObject,
  video: checkCaptionedMediaObject,
  audio: checkAudioObject,
  document: checkDocumentObject,
  location: checkLocationObject,
  interactive: checkInteractiveObject,
};

function checkTypeObject(body: JsonObject, type: SessionMessageType, problems: Problems): void {
  const value = body[type];
  if (value === undefined) problems.push(`${type}: is required when type is "${type}"`);
  else if (!isPlainObject(value)) problems.push(`${type}: must be an object (got ${describe(value)})`);
  else TYPE_OBJECT_CHECKS[type](value, type, problems);
}

function checkTextObject(text: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(text, ['body', 'preview_url'], path, problems);
  checkRequiredString(text, 'body', `${path}.body`, { min: 1, max: TEXT_BODY_MAX }, problems);
  checkOptionalBoolean(text, 'preview_url', `${path}.preview_url`, problems);
}

function checkCaptionedMediaObject(media: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(media, ['link', 'caption'], path, problems);
  checkMediaLink(media, path, problems);
  checkOptionalString(media, 'caption', `${path}.caption`, { min: 0, max: CAPTION_MAX }, problems);
}

/** Audio has no caption on WhatsApp (§5.3), so `caption` is reported as unknown. */
function checkAudioObject(audio: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(audio, ['link'], path, problems);
  checkMediaLink(audio, path, problems);
}

function checkDocumentObject(document: JsonObject, path: string, problems: Problems): void {
  checkUnknownKeys(document, ['link', 'caption', 'filename'], path, problems);
  checkMediaLink(document, path, problems);
  checkOptionalString(document, 'caption', `${path}.caption`, { min: 0, max: CAPTION_MAX }, problems);
  checkOptionalString(document, 'filename', `${path}.filename`, { min: 0, max: Infinity }, problems);
}

function checkMediaLink(media: JsonObject, path: string, problems: Problems): void {
  if (media.link === undefined) problems.push(`${path}.link: is required`);
  else checkHttpUrl(media.link, `${path}.link`, problems);
}

/** The campaign API types coordinates as strings (§2.4); numbers are a classic client mistake. */
function checkLocationObject(location: JsonObject, path: string, problems: Problems): void {
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

// ------------------------------------------------------------- interactive

function checkInteractiveObject(interactive: JsonObject, path: string, problems: Problems): void {
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

// -------------------------------------------------------- generic checks

function checkRequiredString(
  obj: JsonObject,
  key: string,
  path: string,
  limits: LengthLimits,
  problems: Problems,
): void {
  if (obj[key] === undefined) problems.push(`${path}: is required`);
  else checkStringValue(obj[key], path, limits, problems);
}

function checkOptionalString(
  obj: JsonObject,
  key: string,
  path: string,
  limits: LengthLimits,
  problems: Problems,
): void {
  if (isPresent(obj, key)) checkStringValue(obj[key], path, limits, problems);
}

function checkStringValue(value: unknown, path: string, limits: LengthLimits, problems: Problems): void {
  if (typeof value !== 'string') {
    problems.push(`${path}: must be a string (got ${describe(value)})`);
    return;
  }
  const length = characterCount(value);
  if (length >= limits.min && length <= limits.max) return;
  if (limits.min === 0) problems.push(`${path}: must be at most ${limits.max} characters (got ${length})`);
  else if (limits.max === Infinity) problems.push(`${path}: must not be empty`);
  else problems.push(`${path}: must be ${limits.min}-${limits.max} characters (got ${length})`);
}

/** Ids and names made only of whitespace are as useless to the API as empty ones. */
function checkNonBlankString(obj: JsonObject, key: string, path: string, problems: Problems): void {
  const value = obj[key];
  if (value === undefined) problems.push(`${path}: is required`);
  else if (typeof value !== 'string') problems.push(`${path}: must be a string (got ${describe(value)})`);
  else if (value.trim() === '') problems.push(`${path}: must not be empty`);
}

function checkOptionalBoolean(obj: JsonObject, key: string, path: string, problems: Problems): void {
  if (isPresent(obj, key) && typeof obj[key] !== 'boolean') {
    problems.push(`${path}: must be a boolean (got ${describe(obj[key])})`);
  }
}

/**
 * Requires the literal `http://` / `https://` prefix as well as a parseable
 * URL with a host: WHATWG parsing alone would "repair" inputs such as
 * `http:/x` or ` https://x` that a stricter server might refuse.
 */
function checkHttpUrl(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== 'string') {
    problems.push(`${path}: must be a string (got ${describe(value)})`);
    return;
  }
  if (!isAbsoluteHttpUrl(value))
    problems.push(`${path}: must be an absolute http(s) URL (got ${JSON.stringify(value)})`);
}

function isAbsoluteHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^/?#\s]/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function checkUnknownKeys(obj: JsonObject, allowed: readonly string[], path: string, problems: Problems): void {
  for (const key of presentKeys(obj)) {
    if (!allowed.includes(key)) problems.push(`${path === '' ? key : `${path}.${key}`}: unknown field`);
  }
}

// ----------------------------------------------------------------- helpers

/**
 * A key set to `undefined` is treated as absent because JSON.stringify drops
 * it, so such a body is identical on the wire; `null` on the other hand is
 * sent and therefore counts as present (and usually wrong).
 */
function isPresent(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

function presentKeys(obj: JsonObject): string[] {
  return Object.keys(obj).filter((key) => obj[key] !== undefined);
}

function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isSessionMessageType(value: unknown): value is SessionMessageType {
  return typeof value === 'string' && (SESSION_MESSAGE_TYPES as readonly string[]).includes(value);
}

function isInteractiveHeaderType(value: unknown): value is InteractiveHeaderType {
  return typeof value === 'string' && (INTERACTIVE_HEADER_TYPES as readonly string[]).includes(value);
}

/** Counts Unicode code points, so an emoji counts as one character as users (and WhatsApp's UI) see it. */
function characterCount(value: string): number {
  return Array.from(value).length;
}

/** Quotes scalars so a problem shows what was actually sent (e.g. `"list"` vs `list`). */
function show(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? JSON.stringify(value)
    : describe(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
