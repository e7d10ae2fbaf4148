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

/** How a map's keys are named in its messages; the defaults describe template variables. */
export interface StringMapWording {
  /** What one key is, e.g. `address field`. */
  key: string;
  /** A correct value, e.g. `{ "city": "Pune" }`. */
  example: string;
}

const TEMPLATE_VARIABLES: StringMapWording = { key: 'template variable', example: '{ "body_1": "Ada" }' };

/**
 * Property decorator for template `variables` (and other text maps such as an address form's
 * values): a flat object whose values are all strings, because Zixflow substitutes each value as
 * text (URLs included) into the template.
 */
export function IsStringMap(wording: StringMapWording = TEMPLATE_VARIABLES): PropertyDecorator {
  return ValidateBy({
    name: 'isStringMap',
    validator: {
      validate: (value: unknown) => isPlainObject(value) && keysWithNonStringValues(value).length === 0,
      defaultMessage: (args?: ValidationArguments) => {
        const value: unknown = args?.value;
        if (!isPlainObject(value)) {
          return `must be an object mapping each ${wording.key} name to a string, e.g. ${wording.example}`;
        }
        const names = keysWithNonStringValues(value).map((key) => JSON.stringify(key));
        return `must map every ${wording.key === TEMPLATE_VARIABLES.key ? 'variable' : wording.key} to a string; not a string: ${names.join(', ')}`;
      },
    },
  });
}
