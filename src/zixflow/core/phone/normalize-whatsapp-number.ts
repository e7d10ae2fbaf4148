import { isPossibleNumber } from './is-possible-number';

/** Characters people type in phone numbers that carry no meaning: spaces, dashes, dots, brackets. */
const TYPED_NUMBER = /^\+?[\d\s().-]+$/;
/**
 * A country code written in brackets with its plus, as many forms and signatures print it:
 * `(+1) 302 389 5111`, `(+44) 20 7946 0958`. Country codes have one to three digits, so a bracket
 * holding more (`(+1 302) …`) is not one and stays refused.
 */
const BRACKETED_COUNTRY_CODE = /^\(\s*\+\s*(\d{1,3})\s*\)/;
/**
 * The trunk `0` some countries print in brackets after the country code, `+44 (0) 20 7946 0958`:
 * dialled only from inside the country, never after the country code, so it is dropped. Kept, it
 * would make another number (`4402079460958`), which libphonenumber still finds possible.
 */
const BRACKETED_TRUNK_ZERO = /^((?:\+|00)\s*\d{1,3})\s*\(\s*0\s*\)/;
/** E.164 without the plus: country code first, 7 to 15 digits in all. */
const E164_DIGITS = /^[1-9]\d{6,14}$/;

/** How many recently seen possible numbers are remembered; about 0.5 MB at most. */
const KNOWN_POSSIBLE_LIMIT = 10_000;

/**
 * Digit strings libphonenumber has already found possible. Every send normalises its `to` twice
 * (the DTO transform, then the validator checks the result normalises to itself), and parsing is
 * the costliest step of validation; remembering the answer makes the second check, and repeated
 * recipients, a lookup. Only the canonical digits are kept, so the set is bounded by recipients.
 */
const knownPossible = new Set<string>();

/**
 * Turns a number as people type it (`+1 (302) 389-5111`, `(+1) 302 389 5111`, `001 302 389 5111`,
 * `+44 (0) 20 7946 0958`) into what Zixflow
 * wants: digits only, country code first (`13023895111`). Returns undefined when the input
 * cannot be an international number: letters, a `+` that is not first, a national number
 * (one leading `0`), or a length that no number with that country code can have.
 *
 * Only possible lengths are checked (`isPossible`), not number ranges (`isValid`), because
 * ranges change as countries open new blocks and a stale table would refuse real customers.
 * The function is idempotent: its output normalises to itself.
 */
export function normalizeWhatsappNumber(input: string): string | undefined {
  // `(+1) 302…` means `+1 302…`; rewritten first so the `+` is leading, as the rules below expect.
  const trimmed = input.trim().replace(BRACKETED_COUNTRY_CODE, '+$1 ').replace(BRACKETED_TRUNK_ZERO, '$1 ');
  if (!TYPED_NUMBER.test(trimmed)) {
    return undefined;
  }
  const digits = stripInternationalPrefix(trimmed);
  if (digits === undefined || !E164_DIGITS.test(digits)) {
    return undefined;
  }
  return isKnownPossible(digits) ? digits : undefined;
}

/** Whether some number with these digits' country code can have their length (libphonenumber's isPossible). */
function isKnownPossible(digits: string): boolean {
  if (knownPossible.has(digits)) {
    return true;
  }
  if (!isPossibleNumber(digits)) {
    return false;
  }
  if (knownPossible.size >= KNOWN_POSSIBLE_LIMIT) {
    knownPossible.clear();
  }
  knownPossible.add(digits);
  return true;
}

/** Removes formatting and the `+` or `00` prefix; undefined for a national (`0…`) number. */
function stripInternationalPrefix(typed: string): string | undefined {
  const digits = typed.replace(/\D/g, '');
  if (typed.startsWith('+')) {
    return digits;
  }
  if (digits.startsWith('00')) {
    return digits.slice(2);
  }
  return digits.startsWith('0') ? undefined : digits;
}
