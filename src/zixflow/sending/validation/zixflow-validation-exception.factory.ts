import { BadRequestException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { formatValidationErrors } from './format-validation-errors';

/**
 * `exceptionFactory` for Nest's `ValidationPipe` that reports the library DTOs' problems the way
 * the service does: one sentence per problem with the full property path. Nest's default would
 * print the bare messages of top-level fields without saying which field they are about.
 *
 * @example new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: zixflowValidationExceptionFactory })
 */
export function zixflowValidationExceptionFactory(errors: ValidationError[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: formatValidationErrors(errors) });
}
