/**
 * Text as a route compares it: lower case, runs of spaces as one, no punctuation or emoji at either
 * end, so "Menu", " menu " and "menu!" all match `@Hears('menu')`, while "menu please" does not.
 */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .trim();
}
