import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;

/**
 * Property decorator for `location.latitude` / `location.longitude`. Zixflow types them as strings,
 * people have numbers: numbers are accepted and sent as their decimal string.
 */
export function IsCoordinate(kind: 'latitude' | 'longitude'): PropertyDecorator {
  const limit = kind === 'latitude' ? 90 : 180;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value), { toClassOnly: true }),
    ValidateBy({
      name: 'isCoordinate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && DECIMAL.test(value) && Math.abs(Number(value)) <= limit,
        defaultMessage: () => `must be a ${kind} between -${limit} and ${limit}, as a number or a decimal string like "${kind === 'latitude' ? '40.7128' : '-74.0060'}"`,
      },
    }),
  );
}
