/** What {@link checkJsonShape} found: within both limits, nested too deep, or larger than allowed. */
export type JsonShapeVerdict = 'ok' | 'too-deep' | 'too-large';

/** Limits for {@link checkJsonShape}. */
export interface JsonShapeLimits {
  /** Most containers (objects, arrays) allowed on one path; the body itself is level 1. */
  maxDepth: number;
  /**
   * When set, also refuses a value whose compact JSON encoding would exceed this many bytes. Used
   * when the size was not declared (chunked upload), so only the parsed value can tell.
   */
  maxBytes?: number;
}

/** One container or leaf still to visit, with the depth it sits at. */
type Pending = [value: unknown, depth: number];

/**
 * Walks a parsed JSON value without recursion, so a body nested a million levels deep costs a
 * loop, not the call stack (the recursive JSON.stringify overflows near 5 000 levels). The walk is
 * bounded whatever the value: depth-first, it returns as soon as a path passes `maxDepth` when no
 * size is asked for; when one is, every visited node adds at least one byte, so it stops after at
 * most `maxBytes` nodes. Size wins over depth when both are exceeded, the order in which raw bytes
 * are checked, so one body gets one answer whoever parsed it.
 *
 * The size is a lower bound of the compact encoding (escapes and number spelling are not counted),
 * so a value that passes may be a little larger on the wire, never the other way round.
 */
export function checkJsonShape(value: unknown, { maxDepth, maxBytes }: JsonShapeLimits): JsonShapeVerdict {
  return maxBytes === undefined ? checkDepth(value, maxDepth) : checkDepthAndSize(value, maxDepth, maxBytes);
}

/**
 * Depth alone, the check of every body whose size is already known (the common case): only
 * containers are queued, and nothing is measured, so a delivery's body costs a few pushes.
 */
function checkDepth(value: unknown, maxDepth: number): JsonShapeVerdict {
  if (typeof value !== 'object' || value === null) {
    return 'ok';
  }
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const container = containers.pop() as object;
    const depth = depths.pop() as number;
    if (depth > maxDepth) {
      return 'too-deep';
    }
    const members: unknown[] = Array.isArray(container) ? container : Object.values(container);
    for (const member of members) {
      if (typeof member === 'object' && member !== null) {
        containers.push(member);
        depths.push(depth + 1);
      }
    }
  }
  return 'ok';
}

function checkDepthAndSize(value: unknown, maxDepth: number, maxBytes: number): JsonShapeVerdict {
  const pending: Pending[] = [[value, 1]];
  let size = 0;
  let tooDeep = false;
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as Pending;
    if (typeof current === 'object' && current !== null) {
      tooDeep ||= depth > maxDepth;
      size += queueChildren(current, depth, pending, maxBytes - size);
    } else {
      size += leafSize(current);
    }
    if (size > maxBytes) {
      return 'too-large';
    }
  }
  return tooDeep ? 'too-deep' : 'ok';
}

/**
 * Queues a container's members and returns the bytes of its brackets, commas, keys and colons. When
 * its brackets and commas alone exceed what is left of the budget, nothing is queued: the value is
 * too large either way, and a million-member array is not copied into the queue to learn it.
 */
function queueChildren(container: object, depth: number, pending: Pending[], budget: number): number {
  if (Array.isArray(container)) {
    const own = 2 + Math.max(container.length - 1, 0);
    if (own > budget) {
      return own;
    }
    for (const item of container as unknown[]) {
      pending.push([item, depth + 1]);
    }
    return own;
  }
  const keys = Object.keys(container);
  let size = 2 + Math.max(keys.length - 1, 0);
  if (size > budget) {
    return size;
  }
  for (const key of keys) {
    size += Buffer.byteLength(key) + 3;
    pending.push([(container as Record<string, unknown>)[key], depth + 1]);
  }
  return size;
}

function leafSize(leaf: unknown): number {
  switch (typeof leaf) {
    case 'string':
      return Buffer.byteLength(leaf) + 2;
    case 'boolean':
      return leaf ? 4 : 5;
    default:
      // Numbers (at least one digit) and null; undefined is never in parsed JSON but counts as null.
      return leaf === null || leaf === undefined ? 4 : 1;
  }
}
