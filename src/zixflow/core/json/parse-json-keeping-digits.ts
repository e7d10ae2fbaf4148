/** Integers with fewer digits than this are always safe; longer ones are checked. */
const SAFE_DIGITS = 15;
/** A JSON integer token (no fraction, no exponent, no leading zero). */
const INTEGER_TOKEN = /^-?(0|[1-9]\d*)$/;

function isNumberCharacter(code: number): boolean {
  // Digits, '.', 'e', 'E', '+', '-': every character a JSON number token may hold.
  return (
    (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x65 || code === 0x45 || code === 0x2b || code === 0x2d
  );
}

/**
 * Rewrites JSON text so that every integer JavaScript cannot hold exactly (beyond 2^53, such as the
 * AI API's post-back `message_id` `604132581490819123`) becomes a string of its digits. One pass
 * over the text, outside string literals only; anything else is left byte for byte, so text that
 * was not valid JSON stays invalid.
 */
export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      // Skip a string literal, escapes included, so digits inside strings are never touched.
      index += 1;
      while (index < text.length && text.charCodeAt(index) !== 0x22) {
        index += text.charCodeAt(index) === 0x5c ? 2 : 1;
      }
      index += 1;
      continue;
    }
    if (code !== 0x2d && (code < 0x30 || code > 0x39)) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < text.length && isNumberCharacter(text.charCodeAt(index))) index += 1;
    const token = text.slice(start, index);
    if (token.length > SAFE_DIGITS && INTEGER_TOKEN.test(token) && !Number.isSafeInteger(Number(token))) {
      out += `${text.slice(copiedUpTo, start)}"${token}"`;
      copiedUpTo = index;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/**
 * `JSON.parse`, except that integers beyond 2^53 come back as strings of their exact digits
 * instead of rounded numbers. Throws like `JSON.parse` on invalid JSON.
 */
export function parseJsonKeepingDigits(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text)) as unknown;
}
