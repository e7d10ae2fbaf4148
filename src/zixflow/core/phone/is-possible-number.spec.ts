import * as fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import metadata from 'libphonenumber-js/min/metadata';
import { fullIsPossible, isPossibleNumber } from './is-possible-number';

/** The reference: libphonenumber-js's own default entry, exactly as the library called it before. */
function reference(digits: string): boolean {
  return parsePhoneNumberFromString(`+${digits}`)?.isPossible() ?? false;
}

const CALLING_CODES = Object.keys(metadata.country_calling_codes);
const digitString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('isPossibleNumber (fast path) equals libphonenumber’s isPossible', () => {
  it('the reference used below is libphonenumber’s default entry', () => {
    for (const digits of ['13023895111', '442079460958', '16135550123', '6135550', '16135550']) {
      expect(fullIsPossible(`+${digits}`)).toBe(reference(digits));
    }
  });

  it('for every calling code in the metadata, every national length 0–17, random digits', () => {
    const mismatches: string[] = [];
    for (const code of CALLING_CODES) {
      for (let length = 0; length <= 17; length += 1) {
        for (const digits of fc.sample(digitString(length, length), 12)) {
          const number = `${code}${digits}`;
          if (isPossibleNumber(number) !== reference(number)) mismatches.push(number);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('for every calling code, national numbers that start with the national prefix or a trunk digit', () => {
    const mismatches: string[] = [];
    for (const code of CALLING_CODES) {
      for (const lead of ['0', '1', '00', '11', '7', '9']) {
        for (let length = 4; length <= 13; length += 1) {
          for (const rest of fc.sample(digitString(length, length), 4)) {
            const number = `${code}${lead}${rest}`;
            if (isPossibleNumber(number) !== reference(number)) mismatches.push(number);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('on +1 numbers of every length, Canada’s 7-digit local numbers included', () => {
    fc.assert(
      fc.property(digitString(1, 14), (national) => isPossibleNumber(`1${national}`) === reference(`1${national}`)),
      { numRuns: 20_000 },
    );
  });

  it('on any digit string of E.164 length (7 to 15 digits, no leading 0)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'123456789'), digitString(6, 14), (first, rest) => {
        const number = `${first}${rest}`;
        return isPossibleNumber(number) === reference(number);
      }),
      { numRuns: 50_000 },
    );
  });

  it('answers the known cases', () => {
    expect(isPossibleNumber('13023895111')).toBe(true);
    expect(isPossibleNumber('1302389511')).toBe(false);
    expect(isPossibleNumber('442079460958')).toBe(true);
    expect(isPossibleNumber('2901234')).toBe(true);
    expect(isPossibleNumber('9991234567')).toBe(false);
  });
});
