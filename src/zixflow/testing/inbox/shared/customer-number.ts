/*
 * Shared by the server and the inbox page (compiled once as CommonJS for the sandbox and once as an
 * ES module for the browser), so the page refuses exactly the numbers the sandbox would refuse and
 * names conversations as the sandbox does. No imports.
 */

/** Country code + national number, digits only, E.164 length (7-15), no leading 0. */
const CUSTOMER_NUMBER_PATTERN = /^[1-9]\d{6,14}$/;

/** A number as people type it (`+1 302 389 5111`, `0044 20 …`) reduced to digits, country code first. */
export function digitsOf(typed: string): string {
  return String(typed).replace(/\D/g, '').replace(/^00/, '');
}

/** Whether {@link digitsOf}'s result can be a WhatsApp number with its country code. */
export function isCustomerNumber(digits: string): boolean {
  return CUSTOMER_NUMBER_PATTERN.test(digits);
}

/**
 * The id of the conversation between a customer and a business number of one account. The default
 * account's ids have no account part, as before accounts existed; account names hold no `:`.
 */
export function conversationId(customer: string, phoneId: string, account?: string): string {
  return account === undefined ? `${customer}:${phoneId}` : `${account}:${customer}:${phoneId}`;
}

/** Digits of a national number in groups from the right, four at a time (`20 7946 0958`). */
function grouped(national: string): string {
  const groups: string[] = [];
  for (let end = national.length; end > 0; end -= 4) groups.unshift(national.slice(Math.max(0, end - 4), end));
  return groups.join(' ');
}

/** Two-digit country codes; 1 and 7 are one digit, the rest three. */
const TWO_DIGIT_CODES = /^(2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/;

/** A number for people to read: `+1 302 389 5111`, `+44 20 7946 0958`. No leading +, digits only in. */
export function formatCustomerNumber(digits: string): string {
  if (!isCustomerNumber(digits)) return `+${digits}`;
  if (digits.startsWith('1') && digits.length === 11) {
    return `+1 ${digits.slice(1, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  }
  const codeLength = /^[17]/.test(digits) ? 1 : TWO_DIGIT_CODES.test(digits) ? 2 : 3;
  return `+${digits.slice(0, codeLength)} ${grouped(digits.slice(codeLength))}`;
}
