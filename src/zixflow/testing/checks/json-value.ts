/*
 * The small vocabulary every body check shares: what a JSON object is, which keys count as sent,
 * and how a wrong value is described in a problem line.
 */

/** A parsed JSON object, as the checks walk it. */
export type JsonObject = Record<string, unknown>;

/** Problem lines of the form `<json.path>: <what is wrong>`, collected rather than thrown so a test sees them all. */
export type Problems = string[];

/** Inclusive length bounds, counted in code points. */
export interface LengthLimits {
  min: number;
  max: number;
}

/**
 * A key set to `undefined` is treated as absent because JSON.stringify drops
 * it, so such a body is identical on the wire; `null` on the other hand is
 * sent and therefore counts as present (and usually wrong).
 */
export function isPresent(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

/** The keys that would survive JSON.stringify (see {@link isPresent}). */
export function presentKeys(obj: JsonObject): string[] {
  return Object.keys(obj).filter((key) => obj[key] !== undefined);
}

/** Only what JSON.parse can produce counts: class instances, arrays and null are not objects here. */
export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Counts Unicode code points, so an emoji counts as one character as users (and WhatsApp's UI) see it. */
export function characterCount(value: string): number {
  return Array.from(value).length;
}

/** Quotes scalars so a problem shows what was actually sent (e.g. `"list"` vs `list`). */
export function show(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? JSON.stringify(value)
    : describe(value);
}

/** The JSON kind of a value, as problem lines name it (`null` and `array` rather than `object`). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
