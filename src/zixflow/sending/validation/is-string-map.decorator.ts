import { ValidateBy, ValidationArguments } from 'class-validator';

/** Only plain objects: a Map or Date would serialise to {} or a string and lose the variables. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function keysWithNonStringValues(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => typeof value[key] !== 'string');
}

/**
 * Property decorator for template `variables`: a flat object whose values are all strings, because
 * Zixflow substitutes each value as text (URLs included) into the template.
 */
export function IsStringMap(): PropertyDecorator {
  return ValidateBy({
    name: 'isStringMap',
    validator: {
      validate: (value: unknown) => isPlainObject(value) && keysWithNonStringValues(value).length === 0,
      defaultMessage: (args?: ValidationArguments) => {
        const value: unknown = args?.value;
        if (!isPlainObject(value)) {
          return 'must be an object mapping each template variable name to a string, e.g. { "body_1": "Ada" }';
        }
        const names = keysWithNonStringValues(value).map((key) => JSON.stringify(key));
        return `must map every variable to a string; not a string: ${names.join(', ')}`;
      },
    },
  });
}
