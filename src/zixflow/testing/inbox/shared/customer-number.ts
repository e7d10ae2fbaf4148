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

/** The id of the conversation between a customer and a business number. */
export function conversationId(customer: string, phoneId: string): string {
  return `${customer}:${phoneId}`;
}
