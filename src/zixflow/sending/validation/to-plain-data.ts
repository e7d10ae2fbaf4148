import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';

/** Deeper than any documented message (reply buttons are five levels); stops runaway recursion. */
const MAX_DEPTH = 16;

/** Marks where a circular reference was cut, so the field is reported instead of crashing. */
const CIRCULAR = '[Circular]';

/**
 * Stands in for an object that is not plain data (Map, Set, Date, RegExp, a boxed primitive, an
 * object with its own `Symbol.toStringTag`). Validators refuse it by type just as they would the
 * original, and it holds nothing: class-transformer walks whatever it is given, Set items and
 * Map values included, so a deep structure hidden inside one would otherwise overflow the stack.
 */
class NotPlainData {}

/** Plain objects and class instances (DTOs); not Map, Date, RegExp or boxed primitives. */
function isRecordLike(value: object): boolean {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Copies the caller's message into plain, acyclic data before validation: DTO instances become plain
 * objects (so transforms run for them too and the caller's object is never modified), circular
 * references are cut (an Express request passed by mistake must yield a validation error, not a stack
 * overflow), and absurd nesting is refused. Maps, Dates and other built-ins are replaced by an empty
 * stand-in that the validators refuse by type, so nothing unbounded reaches class-transformer.
 */
export function toPlainData(value: unknown, depth = 0, seen: Set<object> = new Set()): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (depth > MAX_DEPTH) {
    throw new ZixflowValidationError([`message is nested more than ${MAX_DEPTH} levels deep`]);
  }
  if (seen.has(value)) {
    return CIRCULAR;
  }
  if (!Array.isArray(value) && !isRecordLike(value)) {
    return new NotPlainData();
  }
  seen.add(value);
  const copy = Array.isArray(value)
    ? value.map((item: unknown) => toPlainData(item, depth + 1, seen))
    : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainData(item, depth + 1, seen)]));
  seen.delete(value);
  return copy;
}
