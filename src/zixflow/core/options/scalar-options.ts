import { custom, OptionField } from './option-field';
import { optionError } from './option-site';

/**
 * The longest delay Node's timers support. Node turns a longer one into 1 ms (with only a
 * warning), so a too-large time-out would fail every request at once: durations stop here.
 */
export const NODE_TIMER_MAX_MS = 2_147_483_647;

/** Rule of a text option, for values that must also have a given form. */
export interface TextRule {
  /** True for an acceptable (non-blank) value. */
  readonly test?: (value: string) => boolean;
  /** How the rule reads, e.g. `must be a path starting with "/"`. Default `must be a non-empty string`. */
  readonly rule?: string;
}

/** A non-blank string, returned as given. */
export function text(rule: TextRule = {}): OptionField<string, string> {
  const wording = rule.rule ?? 'must be a non-empty string';
  return custom(
    (value, site) => {
      if (typeof value !== 'string' || value.trim() === '' || (rule.test !== undefined && !rule.test(value))) {
        throw optionError(site, wording);
      }
      return value;
    },
    { text: true },
  );
}

/** Rule of a secret option beyond "no whitespace": its length and characters. */
export interface SecretRule {
  /** True for an acceptable value (already known to be non-blank and free of whitespace). */
  readonly test?: (value: string) => boolean;
  /** How the rule reads, e.g. `must be 16 to 512 visible ASCII characters`. */
  readonly rule?: string;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;

/**
 * A key or shared secret. Whitespace and control characters are refused on their own, because a
 * pasted newline is the usual mistake and would make Node refuse the header on every request.
 * Messages never show the value, not even a part of it.
 */
export function secret(rule: SecretRule = {}): OptionField<string, string> {
  return custom(
    (value, site) => {
      if (typeof value !== 'string' || value.trim() === '') {
        throw optionError(site, 'must be a non-empty string');
      }
      if (WHITESPACE_OR_CONTROL.test(value)) {
        const where = site.env === undefined ? 'it' : site.env;
        throw optionError(
          { ...site, env: undefined },
          `contains whitespace or control characters; check ${where} for a stray space or newline`,
        );
      }
      if (rule.test !== undefined && !rule.test(value)) {
        throw optionError(site, rule.rule ?? 'is not an acceptable secret');
      }
      return value;
    },
    { text: true },
  );
}

/** Bounds of a whole number. */
export interface WholeNumberRule {
  /** Smallest accepted value. */
  readonly min: number;
  /** Largest accepted value; unbounded (up to `Number.MAX_SAFE_INTEGER`) when left out. */
  readonly max?: number;
}

/** How a range reads in messages: `≥ 1`, or `≥ 1 and ≤ 2147483647`. */
function range(min: number, max: number | undefined, minSign = '≥'): string {
  return max === undefined ? `${minSign} ${min}` : `${minSign} ${min} and ≤ ${max}`;
}

/** Environment text of a whole number: digits only, so `1e4`, `10s` and `-5` are refused. */
function parseWholeNumber(value: string): unknown {
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** A safe integer within bounds: `must be a whole number ≥ 1` (`and ≤ max` when bounded). */
export function wholeNumber(rule: WholeNumberRule): OptionField<number> {
  const wording = `must be a whole number ${range(rule.min, rule.max)}`;
  return custom(
    (value, site) => {
      const inRange =
        typeof value === 'number' &&
        Number.isSafeInteger(value) &&
        value >= rule.min &&
        (rule.max === undefined || value <= rule.max);
      if (!inRange) {
        throw optionError(site, wording);
      }
      return value;
    },
    { parseEnv: parseWholeNumber },
  );
}

/** Milliseconds that a Node timer waits: a whole number from `min` to {@link NODE_TIMER_MAX_MS}. */
export function durationMs(min: number): OptionField<number> {
  return wholeNumber({ min, max: NODE_TIMER_MAX_MS });
}

/** Bounds of a number that may have a fraction. */
export interface DecimalRule {
  /** The value must be strictly above this. */
  readonly above: number;
  /** Largest accepted value. */
  readonly max: number;
}

/** A finite number within bounds, fractions allowed: `must be a number > 0 and ≤ 1000`. */
export function decimal(rule: DecimalRule): OptionField<number> {
  const wording = `must be a number ${range(rule.above, rule.max, '>')}`;
  return custom(
    (value, site) => {
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= rule.above || value > rule.max) {
        throw optionError(site, wording);
      }
      return value;
    },
    { parseEnv: (value) => (/^\d+(\.\d+)?$/.test(value) ? Number(value) : value) },
  );
}

/** `true` or `false` (from the environment: `true` / `false` in any case). */
export function boolean(): OptionField<boolean> {
  return custom(
    (value, site) => {
      if (typeof value !== 'boolean') {
        throw optionError(site, 'must be true or false');
      }
      return value;
    },
    { parseEnv: (value) => (/^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : value) },
  );
}

/** One of a fixed list of strings: `must be one of 'campaign', 'ai'`. */
export function oneOf<const V extends string>(values: readonly V[]): OptionField<V> {
  const wording = `must be one of ${values.map((value) => `'${value}'`).join(', ')}`;
  return custom(
    (value, site) => {
      if (!values.includes(value as V)) {
        throw optionError(site, wording);
      }
      return value as V;
    },
    { parseEnv: (value) => value },
  );
}

/** A function, e.g. a hook; its signature cannot be checked at run time, only that it is callable. */
export function fn<F extends (...args: never[]) => unknown>(): OptionField<F> {
  return custom((value, site) => {
    if (typeof value !== 'function') {
      throw optionError(site, 'must be a function');
    }
    return value as F;
  });
}
