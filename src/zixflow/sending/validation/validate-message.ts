import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { formatValidationErrors, unknownFieldLine } from './format-validation-errors';
import { toPlainData } from './to-plain-data';

/**
 * Turns a caller's message (a DTO instance or a plain object) into a validated DTO instance, or
 * throws {@link ZixflowValidationError}. Runs inside the service, not only in a controller's
 * ValidationPipe, so bots and event listeners get the same protection. Unknown fields are errors
 * rather than silently dropped: a misplaced `caption` should be noticed, not lost.
 */
export function validateMessage<T extends object>(dto: ClassConstructor<T>, input: unknown): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ZixflowValidationError(['message must be an object']);
  }
  const { data, reservedKeyPaths } = toPlainData(input);
  const instance = plainToInstance(dto, data as object);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  // `__proto__`, `constructor` and `prototype` never reach class-validator (see toPlainData), so
  // they are reported here, in the same words as every other unknown field.
  const problems = [...reservedKeyPaths.map(unknownFieldLine), ...formatValidationErrors(errors)];
  if (problems.length > 0) {
    throw new ZixflowValidationError(problems);
  }
  return instance;
}
