import { checkHttpUrl, checkNonBlankString, checkOptionalBoolean, checkOptionalString } from './field.checks';
import { describe, isPresent, type JsonObject, type Problems } from './json-value';

/** Fields both send endpoints accept besides their own required ones. */
export const OPTIONAL_ENVELOPE_KEYS = ['source', 'linkWithRecord', 'reportURL', 'submissionStatus'] as const;
/** Who a message goes to and from which business number: required on both endpoints. */
export const RECIPIENT_KEYS = ['to', 'phoneId'] as const;

/** Country code + national number, digits only, E.164 length (7-15), no leading 0 or '+'. */
const RECIPIENT_PATTERN = /^[1-9]\d{6,14}$/;

/** `to` and `phoneId`, as both endpoints require them. */
export function checkRecipient(body: JsonObject, problems: Problems): void {
  const to = body.to;
  if (to === undefined) problems.push('to: is required');
  else if (typeof to !== 'string') problems.push(`to: must be a string (got ${describe(to)})`);
  else if (!RECIPIENT_PATTERN.test(to)) {
    problems.push(
      `to: must be 7-15 digits in international format, without '+' or a leading 0 (got ${JSON.stringify(to)})`,
    );
  }
  checkNonBlankString(body, 'phoneId', 'phoneId', problems);
}

/** The optional fields of {@link OPTIONAL_ENVELOPE_KEYS}, when sent. */
export function checkOptionalEnvelope(body: JsonObject, problems: Problems): void {
  checkOptionalString(body, 'source', 'source', { min: 0, max: Infinity }, problems);
  checkOptionalBoolean(body, 'linkWithRecord', 'linkWithRecord', problems);
  if (isPresent(body, 'reportURL')) checkHttpUrl(body.reportURL, 'reportURL', problems);
  checkOptionalBoolean(body, 'submissionStatus', 'submissionStatus', problems);
}
