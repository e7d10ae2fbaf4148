import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';

/** Deeper than any documented message (reply buttons are five levels); stops runaway recursion. */
const MAX_DEPTH = 16;

/** Marks where a circular reference was cut, so the field is reported instead of crashing. */
const CIRCULAR = '[Circular]';

/**
 * Keys no Zixflow message has and JavaScript treats specially: class-transformer silently skips
 * `__proto__` and `constructor` (and reads `constructor` as a class to build), so without this
 * check they would vanish instead of being refused like every other unknown field.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Stands in for an object that is not plain data (Map, Set, Date, RegExp, a boxed primitive, an
 * object with its own `Symbol.toStringTag`). Validators refuse it by type just as they would the
 * original, and it holds nothing: class-transformer walks whatever it is given, Set items and
 * Map values included, so a deep structure hidden inside one would otherwise overflow the stack.
 */
class NotPlainData {}

/** The copy made by {@link toPlainData}, and where it found keys that must be refused. */
export interface PlainData {
  /** The message as plain, acyclic data, without the reserved keys. */
  data: unknown;
  /** Property paths of `__proto__`, `constructor` and `prototype` keys (`text.__proto__`), in input order. */
  reservedKeyPaths: string[];
}

interface Walk {
  seen: Set<object>;
  reservedKeyPaths: string[];
}

/** Plain objects and class instances (DTOs); not Map, Date, RegExp or boxed primitives. */
function isRecordLike(value: object): boolean {
  return Object.prototype.toString.call(value) === '[object Object]';
}

function pathOf(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * Copies the caller's message into plain, acyclic data before validation: DTO instances become plain
 * objects (so transforms run for them too and the caller's object is never modified), circular
 * references are cut (an Express request passed by mistake must yield a validation error, not a stack
 * overflow), and absurd nesting is refused. Maps, Dates and other built-ins are replaced by an empty
 * stand-in that the validators refuse by type, so nothing unbounded reaches class-transformer.
 * Reserved keys are left out of the copy and reported, for the caller to refuse.
 */
export function toPlainData(value: unknown): PlainData {
  const walk: Walk = { seen: new Set(), reservedKeyPaths: [] };
  return { data: copyAt(value, '', 0, walk), reservedKeyPaths: walk.reservedKeyPaths };
}

function copyAt(value: unknown, path: string, depth: number, walk: Walk): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (depth > MAX_DEPTH) {
    throw new ZixflowValidationError([`message is nested more than ${MAX_DEPTH} levels deep`]);
  }
  if (walk.seen.has(value)) {
    return CIRCULAR;
  }
  if (!Array.isArray(value) && !isRecordLike(value)) {
    return new NotPlainData();
  }
  walk.seen.add(value);
  const copy = Array.isArray(value)
    ? copyItems(value as unknown[], path, depth, walk)
    : Object.fromEntries(copyEntries(value, path, depth, walk));
  walk.seen.delete(value);
  return copy;
}

/**
 * An array's items by index, into a plain new array: not `value.map`, which asks the array's own
 * `constructor` for the result's class, so `{ constructor: 'x' }` set on an array would throw a
 * TypeError instead of being refused. A reserved key set on an array is refused like one on an object.
 */
function copyItems(value: unknown[], path: string, depth: number, walk: Walk): unknown[] {
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) walk.reservedKeyPaths.push(pathOf(path, key));
  }
  const items: unknown[] = [];
  for (let index = 0; index < value.length; index += 1) {
    items.push(copyAt(asJsonItem(value[index]), pathOf(path, String(index)), depth + 1, walk));
  }
  return items;
}

/**
 * An array item as JSON would send it: `undefined`, a function or a symbol become `null`. The
 * validators skip an `undefined` item as if it were absent, yet the body would carry `null` there,
 * so the item is checked as the `null` it would be sent as (and refused where an object is due).
 */
function asJsonItem(item: unknown): unknown {
  return item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item;
}

function copyEntries(value: object, path: string, depth: number, walk: Walk): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const [key, item] of Object.entries(value)) {
    if (RESERVED_KEYS.has(key)) {
      walk.reservedKeyPaths.push(pathOf(path, key));
    } else {
      entries.push([key, copyAt(item, pathOf(path, key), depth + 1, walk)]);
    }
  }
  return entries;
}
