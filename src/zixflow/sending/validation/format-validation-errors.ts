import { ValidationError } from 'class-validator';

/**
 * Which failed constraint explains a property best when several fail at once: a missing or
 * unknown field first, then a wrong shape, then limits. One sentence per property reads better
 * than class-validator's pile of every rule that failed.
 */
const CONSTRAINT_PRIORITY = [
  'isRequiredForType',
  'isDefined',
  'whitelistValidation',
  'isArray',
  'isObject',
  'nestedValidation',
  'isString',
  'isBoolean',
];

/** When a value has the wrong shape, what is inside it is noise: one line about the shape suffices. */
const SHAPE_CONSTRAINTS = ['isArray', 'isObject'];

/** Plain sentences for class-validator's own wording of the two generic checks. */
const GENERIC_MESSAGES: Record<string, string> = {
  whitelistValidation: 'is not a field Zixflow accepts here; remove it',
  nestedValidation: 'must be an object',
  unknownValue: 'must be an object',
};

/** The line for a field no Zixflow message has, as class-validator's whitelist reports it. */
export function unknownFieldLine(path: string): string {
  return `${path} ${GENERIC_MESSAGES.whitelistValidation}`;
}

/**
 * Flattens class-validator's error tree into one readable line per problem, each starting with the
 * full property path (`interactive.action.buttons.1.reply.title must be at most 20 characters`).
 */
export function formatValidationErrors(errors: readonly ValidationError[], parentPath = ''): string[] {
  return errors.flatMap((error) => {
    const property = propertyName(error);
    const path = parentPath && property ? `${parentPath}.${property}` : parentPath || property || 'message';
    const own = error.constraints ? [`${path} ${pickMessage(error.constraints, error.property)}`] : [];
    const wrongShape = SHAPE_CONSTRAINTS.some((name) => error.constraints?.[name] !== undefined);
    return wrongShape ? own : [...own, ...formatValidationErrors(error.children ?? [], path)];
  });
}

/**
 * The property as a path segment. An unknown empty key (`{ "": 1 }`) is written `""`: left empty,
 * the line would name the parent, or the whole message, as the field to remove.
 */
function propertyName(error: ValidationError): string {
  return error.property === '' && error.constraints?.whitelistValidation !== undefined ? '""' : error.property;
}

function pickMessage(constraints: Record<string, string>, property: string): string {
  const names = Object.keys(constraints);
  const chosen = CONSTRAINT_PRIORITY.find((name) => names.includes(name)) ?? names[0];
  return GENERIC_MESSAGES[chosen] ?? withoutLeadingProperty(constraints[chosen], property);
}

/** Our messages omit the property (the path is prefixed); class-validator's defaults start with it. */
function withoutLeadingProperty(message: string, property: string): string {
  return property && message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
