/*
 * Defensive readers of message JSON for the inbox's views: outgoing bodies passed the sandbox's
 * checks, but incoming objects can be anything a test chose to simulate.
 */

/** A JSON object, as the views read it. */
export type JsonObject = Record<string, unknown>;

/** A JSON object: not an array, not null. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, or undefined. */
export function objectAt(holder: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = holder?.[key];
  return isObject(value) ? value : undefined;
}

/** The objects of the array at `key` (anything else in it skipped), or an empty list. */
export function objectsAt(holder: JsonObject | undefined, key: string): JsonObject[] {
  const value = holder?.[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Strings as they are, finite numbers as text (customers' coordinates may be numbers), anything else undefined. */
export function textAt(holder: JsonObject | undefined, key: string): string | undefined {
  const value = holder?.[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
