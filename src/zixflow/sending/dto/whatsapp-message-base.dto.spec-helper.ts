import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { validateMessage } from '../validation/validate-message';
import { SendTextMessageDto } from './send-text-message.dto';

/** Fixtures and helpers shared by the whatsapp-message-base.dto.*.spec.ts files. */

export const TO = '13023895111';
export const PHONE_ID = '104898309288724';
export const TEXT = { body: 'Hello' };
export const NUMBER_HINT =
  'to must be a phone number with its country code, e.g. +1 302 389 5111 ' +
  '(7 to 15 digits; a national number starting with 0 needs the country code instead)';

/** A valid text message with `fields` merged in. */
export function message(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, text: TEXT, ...fields };
}

/** The error thrown for `input`; fails the test when none is thrown. */
export function errorFor(input: unknown): ZixflowValidationError {
  try {
    validateMessage(SendTextMessageDto, input);
  } catch (error) {
    if (error instanceof ZixflowValidationError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the message to be refused');
}

export function errorsFor(input: unknown): readonly string[] {
  return errorFor(input).errors;
}
