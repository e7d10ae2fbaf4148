import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf, ValidationArguments } from 'class-validator';

/** The shape shared by objects whose `type` names which of their other fields is used. */
interface TypedObject {
  type?: unknown;
}

/**
 * For objects discriminated by `type` (an interactive header): the field named after the type must
 * be present, and fields of the other types must not be, so a typo cannot send a header WhatsApp
 * would reject or silently ignore.
 */
export function IsRequiredForType(typeName: string, discriminator: string): PropertyDecorator {
  return applyDecorators(
    ValidateIf((object: TypedObject, value: unknown) => object.type === typeName || value !== undefined),
    ValidateBy({
      name: 'isRequiredForType',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          (args?.object as TypedObject | undefined)?.type === typeName && value !== undefined,
        defaultMessage: (args?: ValidationArguments) =>
          args?.value === undefined
            ? `is required when ${discriminator} is "${typeName}"`
            : `is only allowed when ${discriminator} is "${typeName}"`,
      },
    }),
  );
}
