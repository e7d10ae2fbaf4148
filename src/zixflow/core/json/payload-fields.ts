/*
 * Tolerant readers for webhook payload fields. Zixflow documents only part of its payloads, so a
 * field of an unexpected type reads as undefined instead of failing the whole event.
 */

/** A parsed JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object: what every webhook body and nested object must be. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-blank string, trimmed; undefined otherwise. */
export function readText(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * An identifier: a non-blank string, or a number written out (ids sometimes arrive as numbers). A
 * number beyond 2^53 reads as undefined: JSON parsing has already rounded it, so its digits are not
 * known and writing it out would give a wrong id (read such bodies with `parseJsonKeepingDigits`).
 */
export function readId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Number.isInteger(value) && !Number.isSafeInteger(value) ? undefined : String(value);
  }
  return readText(value);
}

/** Whether `value` is an integer that JSON parsing may have rounded (beyond 2^53). */
export function isRoundedInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);
}

/** A finite number, also from a numeric string (`"12.5"`). */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    return Number(value);
  }
  return undefined;
}

/** Epoch values below this are seconds, above it milliseconds (10 vs 13 digits). */
const MILLISECONDS_THRESHOLD = 100_000_000_000;
const EARLIEST_PLAUSIBLE = Date.UTC(2000, 0, 1);
const LATEST_PLAUSIBLE = Date.UTC(2200, 0, 1);

/**
 * A point in time from epoch milliseconds (Zixflow's 13-digit `timestamp`), epoch seconds, or an
 * ISO-8601 string (the AI API's `status_at`). Implausible dates read as undefined so a garbage value
 * never becomes a date in 1970.
 */
export function readTimestamp(value: unknown): Date | undefined {
  const epoch = readNumber(value);
  const time =
    epoch !== undefined
      ? Math.abs(epoch) < MILLISECONDS_THRESHOLD
        ? epoch * 1000
        : epoch
      : typeof value === 'string'
        ? Date.parse(value)
        : NaN;
  return Number.isFinite(time) && time >= EARLIEST_PLAUSIBLE && time < LATEST_PLAUSIBLE ? new Date(time) : undefined;
}

/** The first of `keys` that `object` holds (not undefined or null), for fields known under several names. */
export function firstPresent(object: JsonObject, keys: readonly string[]): unknown {
  for (const key of keys) {
    if (Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined && object[key] !== null) {
      return object[key];
    }
  }
  return undefined;
}
