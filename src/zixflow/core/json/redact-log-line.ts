import { maskPhoneNumber } from '../phone/mask-phone-number';
import { redactSecret } from './redact-secret';

/** Seven or more digits in a row: a phone number (E.164 has 7 to 15) or something as sensitive. */
const DIGIT_RUN = /\d{7,}/g;

/**
 * Makes a line safe to log: removes the API key (and any other secret given: the workspace id,
 * the post-back secret) and masks every run of seven or more digits. Applied to lines that quote
 * text from outside (Zixflow's error messages, a hook's exception), which may echo a credential or
 * the customer's number.
 */
export function redactLogLine(line: string, secrets: string | readonly string[]): string {
  return redactSecret(line, secrets).replace(DIGIT_RUN, (digits) => maskPhoneNumber(digits));
}
