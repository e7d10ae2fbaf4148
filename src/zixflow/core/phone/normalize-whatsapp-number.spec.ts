import { normalizeWhatsappNumber } from './normalize-whatsapp-number';

describe('normalizeWhatsappNumber', () => {
  const accepted: ReadonlyArray<readonly [string, string]> = [
    ['+1 (302) 389-5111', '13023895111'],
    ['1 302 389 5111', '13023895111'],
    ['001 302 389 5111', '13023895111'],
    ['00 1 302 389 5111', '13023895111'],
    ['13023895111', '13023895111'],
    ['+13023895111', '13023895111'],
    ['+1-302-389-5111', '13023895111'],
    ['+1.302.389.5111', '13023895111'],
    ['1 (302) 389-5111', '13023895111'],
    ['  +1 302 389 5111  ', '13023895111'],
    ['\t+1 302 389 5111\n', '13023895111'],
    ['+44 20 7946 0958', '442079460958'],
    ['+91 98765 43210', '919876543210'],
    ['0091 9876543210', '919876543210'],
    ['919876543210', '919876543210'],
    ['+49 30 123456', '4930123456'],
    ['+49 171 1234567', '491711234567'],
    ['+86 138 0013 8000', '8613800138000'],
    ['+7 912 345 67 89', '79123456789'],
    ['+1 242 357 1234', '12423571234'],
    ['+290 1234', '2901234'],
    ['(+1) 302.389.5111', '13023895111'],
    ['(+1) 302 389 5111', '13023895111'],
    ['(+1)3023895111', '13023895111'],
    ['( +1 ) 302 389 5111', '13023895111'],
    ['(+44) 20 7946 0958', '442079460958'],
    ['(+91) 98765 43210', '919876543210'],
    ['(+290) 1234', '2901234'],
    // The bracketed trunk 0 after the country code is not dialled from abroad.
    ['+44 (0) 20 7946 0958', '442079460958'],
    ['+44(0)20 7946 0958', '442079460958'],
    ['0044 (0) 20 7946 0958', '442079460958'],
    ['+49 (0)30 123456', '4930123456'],
    ['(+44) (0) 20 7946 0958', '442079460958'],
  ];

  it.each(accepted)('turns %p into %p', (input, expected) => {
    expect(normalizeWhatsappNumber(input)).toBe(expected);
  });

  it.each(accepted.map(([, output]) => [output]))('is idempotent for its output %p', (output) => {
    expect(normalizeWhatsappNumber(output)).toBe(output);
  });

  it.each([
    ['a Pakistani national number', '0301 2345678'],
    ['a UK national number', '020 7946 0958'],
    ['a national number without spaces', '03012345678'],
    ['letters', 'abc'],
    ['letters mixed with digits', '1302389511a'],
    ['a vanity number', '+1-800-FLOWERS'],
    ['an extension', '+1 302 389 5111 ext 2'],
    ['a hash', '+1 302 389 5111#'],
    ['a + that is not first', '1+302 389 5111'],
    ['a + inside brackets with more than the country code', '(+1 302) 389 5111'],
    ['a bracketed four-digit "country code"', '(+1302) 389 5111'],
    ['brackets around a bare +', '(+) 1 302 389 5111'],
    ['a bracketed country code after digits', '1 (+1) 302 389 5111'],
    ['a bracketed country code after a +', '+(+1) 302 389 5111'],
    ['two bracketed country codes', '(+1) (+1) 302 389 5111'],
    ['an unclosed bracket', '(+1 302 389 5111'],
    ['a bracketed +0', '(+0) 302 389 5111'],
    ['a US national number in brackets', '(302) 389-5111'],
    ['a UK national number in brackets', '(020) 7946 0958'],
    ['two pluses', '++1 302 389 5111'],
    ['a + followed by 0', '+0 302 389 5111'],
    ['a + followed by 00', '+00 1 302 389 5111'],
    ['000 prefix', '000 1302 3895111'],
    ['six digits', '123456'],
    ['six digits with +', '+123456'],
    ['sixteen digits', '1234567890123456'],
    ['sixteen digits with +', '+1234567890123456'],
    ['a US number one digit short', '+1 302 389 511'],
    ['a US number one digit long', '+1 302 389 51111'],
    ['an unassigned country code', '+999 1234567'],
    ['empty', ''],
    ['a space', ' '],
    ['whitespace', ' \t\n '],
    ['a lone +', '+'],
    ['a lone 00', '00'],
    ['a lone 0', '0'],
    ['full-width plus', '＋13023895111'],
    ['Arabic-Indic digits', '+١٣٠٢٣٨٩٥١١١'],
    ['a slash', '+1 302/389 5111'],
  ])('rejects %s (%p)', (_label, input) => {
    expect(normalizeWhatsappNumber(input)).toBeUndefined();
  });
});
