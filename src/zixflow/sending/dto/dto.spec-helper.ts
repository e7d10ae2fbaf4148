import { ClassConstructor } from 'class-transformer';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { validateMessage } from '../validation/validate-message';

/** The lines of the ZixflowValidationError thrown for `input`; fails the test when none is thrown. */
export function validationErrorsOf<T extends object>(dto: ClassConstructor<T>, input: unknown): readonly string[] {
  try {
    validateMessage(dto, input);
  } catch (error) {
    if (error instanceof ZixflowValidationError) {
      return error.errors;
    }
    throw error;
  }
  throw new Error('expected the message to be refused');
}
