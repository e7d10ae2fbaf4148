import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';

/** Deeper than any documented message (reply buttons are five levels); stops runaway recursion. */
const MAX_DEPTH = 16;

/** Marks where a circular reference was cut, so the field is reported instead of crashing. */
const CIRCULAR = '[Circular]';

/** Plain objects and class instances (DTOs); not Map, Date, RegExp or boxed primitives. */
function isRecordLike(value: object): boolean {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Copies the caller's message into plain, acyclic data before validation: DTO instances become plain
 * objects (so transforms run for them too and the caller's object is never modified), circular
 * references are cut (an Express request passed by mistake must yield a validation error, not a stack
 * overflow), and absurd nesting is refused. Maps, Dates and other built-ins are kept as they are so
 * the validators can refuse them by type.
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
    return value;
  }
  seen.add(value);
  const copy = Array.isArray(value)
    ? value.map((item: unknown) => toPlainData(item, depth + 1, seen))
    : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainData(item, depth + 1, seen)]));
  seen.delete(value);
  return copy;
}
