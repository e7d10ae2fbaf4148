import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { normalizeWhatsappNumber } from '../../core/phone/normalize-whatsapp-number';

const NUMBER_HINT =
  'must be a phone number with its country code, e.g. +1 302 389 5111 ' +
  '(7 to 15 digits; a national number starting with 0 needs the country code instead)';

/**
 * Property decorator for `to`: accepts what people type and leaves the digits-only, country-code-first
 * form on the DTO, so the body sent always holds the normalised number.
 */
export function IsWhatsappNumber(): PropertyDecorator {
  return applyDecorators(
    Transform(
      ({ value }: { value: unknown }) =>
        typeof value === 'string' ? (normalizeWhatsappNumber(value) ?? value) : value,
      {
        toClassOnly: true,
      },
    ),
    ValidateBy({
      name: 'isWhatsappNumber',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normalizeWhatsappNumber(value) === value,
        defaultMessage: (args?: ValidationArguments) =>
          typeof args?.value === 'string' ? NUMBER_HINT : 'must be a string such as "+1 302 389 5111"',
      },
    }),
  );
}
