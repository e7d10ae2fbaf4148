import {
  characterCount,
  describe,
  isPresent,
  presentKeys,
  type JsonObject,
  type LengthLimits,
  type Problems,
} from './json-value';

/*
 * Checks of single fields that every part of a body reuses. Each one appends problem lines instead
 * of stopping at the first, so a failing test shows everything that is wrong with a body at once.
 */

/** A string that must be there, within `limits`. */
export function checkRequiredString(
  obj: JsonObject,
  key: string,
  path: string,
  limits: LengthLimits,
  problems: Problems,
): void {
  if (obj[key] === undefined) problems.push(`${path}: is required`);
  else checkStringValue(obj[key], path, limits, problems);
}

/** A string that may be left out, within `limits` when sent. */
export function checkOptionalString(
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
export function checkNonBlankString(obj: JsonObject, key: string, path: string, problems: Problems): void {
  const value = obj[key];
  if (value === undefined) problems.push(`${path}: is required`);
  else if (typeof value !== 'string') problems.push(`${path}: must be a string (got ${describe(value)})`);
  else if (value.trim() === '') problems.push(`${path}: must not be empty`);
}

/** A boolean that may be left out; `"true"` as a string is a client bug worth reporting. */
export function checkOptionalBoolean(obj: JsonObject, key: string, path: string, problems: Problems): void {
  if (isPresent(obj, key) && typeof obj[key] !== 'boolean') {
    problems.push(`${path}: must be a boolean (got ${describe(obj[key])})`);
  }
}

/**
 * Requires the literal `http://` / `https://` prefix as well as a parseable
 * URL with a host: WHATWG parsing alone would "repair" inputs such as
 * `http:/x` or ` https://x` that a stricter server might refuse.
 */
export function checkHttpUrl(value: unknown, path: string, problems: Problems): void {
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

/** Reports every sent key not in `allowed`; `path` is the object's own path, `''` at the top level. */
export function checkUnknownKeys(obj: JsonObject, allowed: readonly string[], path: string, problems: Problems): void {
  for (const key of presentKeys(obj)) {
    if (!allowed.includes(key)) problems.push(`${path === '' ? key : `${path}.${key}`}: unknown field`);
  }
}
