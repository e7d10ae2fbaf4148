import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  Equals,
  ValidateBy,
  IsBoolean,
  IsDefined,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/**
 * Marks a field as optional while still refusing `null`: an explicit null would reach Zixflow as
 * `"caption": null`, which the API does not document, so callers must leave the field out instead.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

function textRules(maxLength?: number): PropertyDecorator[] {
  const rules = [IsString({ message: 'must be a string' }), Matches(/\S/, { message: 'must not be empty' })];
  if (maxLength !== undefined) {
    rules.push(MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }));
  }
  return rules;
}

/** A required, non-blank string, optionally limited in length (characters, emoji count as one). */
export function RequiredText(maxLength?: number): PropertyDecorator {
  return applyDecorators(IsDefined({ message: 'is required' }), ...textRules(maxLength));
}

/** An optional, non-blank string, optionally limited in length. */
export function OptionalText(maxLength?: number): PropertyDecorator {
  return applyDecorators(Optional(), ...textRules(maxLength));
}

/** An optional boolean; strings such as `"true"` are refused rather than guessed. */
export function OptionalBoolean(): PropertyDecorator {
  return applyDecorators(Optional(), IsBoolean({ message: 'must be true or false' }));
}

function nestedRules(dto: () => new () => object): PropertyDecorator[] {
  return [IsObject({ message: 'must be an object' }), ValidateNested({ message: 'must be an object' }), Type(dto)];
}

/** A required nested object validated by its own DTO class. */
export function RequiredObject(dto: () => new () => object): PropertyDecorator {
  return applyDecorators(IsDefined({ message: 'is required' }), ...nestedRules(dto));
}

/** An optional nested object validated by its own DTO class. */
export function OptionalObject(dto: () => new () => object): PropertyDecorator {
  return applyDecorators(Optional(), ...nestedRules(dto));
}

/**
 * The `type` discriminator: set by the service method, so callers may leave it out; a value that
 * disagrees with the method called is refused instead of sending a different kind of message.
 */
export function MessageType(type: string, method: string): PropertyDecorator {
  return applyDecorators(
    Optional(),
    Equals(type, { message: `must be "${type}" when calling ${method} (or be left out)` }),
  );
}

/**
 * For a list of nested objects: an item that is itself a list is refused. class-validator's
 * `ValidateNested` walks into a nested list instead of refusing it, so `buttons: [[]]` would pass
 * (and reach Zixflow); items that are `null` or text are still reported by index, as before.
 */
export function NoListsInside(items: string): PropertyDecorator {
  return ValidateBy({
    name: 'noListsInside',
    validator: {
      validate: (value: unknown) => !Array.isArray(value) || !value.some((item) => Array.isArray(item)),
      defaultMessage: () => `must hold ${items}, not lists`,
    },
  });
}
