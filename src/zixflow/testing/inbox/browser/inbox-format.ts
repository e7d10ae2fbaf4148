/*
 * How times, days and avatars are shown. Pure functions of their input and the browser's clock and
 * locale, so the page shows times the way the person's own WhatsApp would.
 */

/** Avatar colours the stylesheet defines, `data-tone` 0 to 5. */
const TONES = 6;

function pad(number: number): string {
  return number < 10 ? `0${number}` : String(number);
}

/** `HH:MM` in the browser's time zone. */
export function timeOf(iso: string): string {
  const date = new Date(iso);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The day separator's label: `Today`, `Yesterday`, or the date in the browser's locale. */
export function dayOf(iso: string): string {
  const date = new Date(iso);
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (date.toDateString() === today.toDateString()) return 'Today';
  if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A colour for a conversation that stays the same across reloads, as WhatsApp keeps a contact's. */
export function toneOf(id: string): string {
  let hash = 0;
  for (let index = 0; index < id.length; index += 1) hash = (hash * 31 + id.charCodeAt(index)) % 9973;
  return String(hash % TONES);
}

/** Up to two initials; none for a name that is really a number, which gets the person icon instead. */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || /^\d/.test(words[0])) return '';
  return words
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}
