import { CountryCode, Metadata, MetadataJson, parsePhoneNumberFromString as parseWith } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

/**
 * Where libphonenumber spends its time on a shared calling code (`+1`, `+44`, `+7`): parsing
 * `+1…` works out which of the 25 countries of `+1` the number belongs to, by trying their
 * national-number patterns one after the other, only to read that country's possible lengths.
 * For most lengths the country cannot change the answer: every country of `+1` allows 10 digits,
 * none allows 9. This module answers those from a table and asks libphonenumber's full path only
 * when the countries of a code disagree about the length at hand (7 digits on `+1`: Canada only).
 */

/** For one calling code shared by several countries: the lengths all of them allow, and any of them. */
interface SharedCodeLengths {
  all: ReadonlySet<number>;
  any: ReadonlySet<number>;
}

function possibleLengthsOf(country: string): readonly number[] | undefined {
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan(country as CountryCode);
  return plan.numberingPlan?.possibleLengths();
}

/**
 * The table of shared calling codes, and the same metadata with each shared code's country list
 * cut to its first (main) country. libphonenumber reads the national number with the main
 * country's plan before it looks for the exact country (parse.js: `extractNationalNumber`, then
 * `getCountryByCallingCode`), so parsing with the cut list yields the same national number,
 * without the search. A code with a country lacking possible lengths keeps its full list.
 */
function buildTables(): { shared: Map<string, SharedCodeLengths>; singleCountry: MetadataJson } {
  const shared = new Map<string, SharedCodeLengths>();
  const codes: Record<string, string[]> = {};
  for (const [code, countries] of Object.entries(metadata.country_calling_codes) as Array<[string, string[]]>) {
    const lengths = countries.map(possibleLengthsOf);
    if (countries.length < 2 || lengths.some((list) => list === undefined || list.length === 0)) {
      codes[code] = countries;
      continue;
    }
    const lists = lengths as Array<readonly number[]>;
    const any = new Set(lists.flat());
    const all = new Set([...any].filter((length) => lists.every((list) => list.includes(length))));
    shared.set(code, { all, any });
    codes[code] = [countries[0]];
  }
  return {
    shared,
    singleCountry: { ...metadata, country_calling_codes: codes } as MetadataJson,
  };
}

const { shared: SHARED_CODES, singleCountry: SINGLE_COUNTRY_METADATA } = buildTables();

/**
 * Whether some number with these digits' calling code can have their length: exactly
 * `parsePhoneNumberFromString('+' + digits)?.isPossible()` of libphonenumber-js (min metadata),
 * as the property tests prove over every calling code, faster where the country cannot matter.
 *
 * @param digits - country code first, digits only, no `+`.
 */
export function isPossibleNumber(digits: string): boolean {
  const international = `+${digits}`;
  const parsed = parseWith(international, SINGLE_COUNTRY_METADATA);
  if (parsed === undefined) {
    // Parsing fails before any country is looked for (an unknown code, too short, too long).
    return false;
  }
  const lengths = SHARED_CODES.get(parsed.countryCallingCode);
  if (lengths === undefined) {
    return parsed.isPossible();
  }
  const length = parsed.nationalNumber.length;
  if (lengths.all.has(length)) return true;
  if (!lengths.any.has(length)) return false;
  return fullIsPossible(international);
}

/** libphonenumber's own answer, country detection included: the reference the fast path must equal. */
export function fullIsPossible(international: string): boolean {
  return parseWith(international, metadata)?.isPossible() ?? false;
}
