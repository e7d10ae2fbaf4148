import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;

/** `1e-7` as `"0.0000001"`: Zixflow expects plain decimals, and String() uses exponents for tiny numbers. */
function toDecimalString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text) || !Number.isFinite(value)) {
    return text;
  }
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * Property decorator for `location.latitude` / `location.longitude`. Zixflow types them as strings,
 * people have numbers: numbers are accepted and sent as their decimal string.
 */
export function IsCoordinate(kind: 'latitude' | 'longitude'): PropertyDecorator {
  const limit = kind === 'latitude' ? 90 : 180;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? toDecimalString(value) : value), {
      toClassOnly: true,
    }),
    ValidateBy({
      name: 'isCoordinate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && DECIMAL.test(value) && Math.abs(Number(value)) <= limit,
        defaultMessage: () =>
          `must be a ${kind} between -${limit} and ${limit}, as a number or a decimal string like "${kind === 'latitude' ? '40.7128' : '-74.0060'}"`,
      },
    }),
  );
}
