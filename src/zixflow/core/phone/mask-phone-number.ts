/**
 * Hides the middle of a phone number for logs (`13023895111` → `1302***5111`): enough to tell
 * two customers apart while debugging, not enough to contact them.
 */
export function maskPhoneNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const keep = digits.length >= 11 ? 4 : 2;
  if (digits.length <= keep * 2) {
    return '***';
  }
  return `${digits.slice(0, keep)}***${digits.slice(-keep)}`;
}
