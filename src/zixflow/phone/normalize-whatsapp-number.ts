import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Characters people type in phone numbers that carry no meaning: spaces, dashes, dots, brackets. */
const TYPED_NUMBER = /^\+?[\d\s().-]+$/;
/** E.164 without the plus: country code first, 7 to 15 digits in all. */
const E164_DIGITS = /^[1-9]\d{6,14}$/;

/**
 * Turns a number as people type it (`+1 (302) 389-5111`, `001 302 389 5111`) into what Zixflow
 * wants: digits only, country code first (`13023895111`). Returns undefined when the input
 * cannot be an international number: letters, a `+` that is not first, a national number
 * (one leading `0`), or a length that no number with that country code can have.
 *
 * Only possible lengths are checked (`isPossible`), not number ranges (`isValid`), because
 * ranges change as countries open new blocks and a stale table would refuse real customers.
 * The function is idempotent: its output normalises to itself.
 */
export function normalizeWhatsappNumber(input: string): string | undefined {
  const trimmed = input.trim();
  if (!TYPED_NUMBER.test(trimmed)) {
    return undefined;
  }
  const digits = stripInternationalPrefix(trimmed);
  if (digits === undefined || !E164_DIGITS.test(digits)) {
    return undefined;
  }
  return parsePhoneNumberFromString(`+${digits}`)?.isPossible() ? digits : undefined;
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
