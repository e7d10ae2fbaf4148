import { IsEmail, IsInt, MaxLength, ValidationError, validateSync } from 'class-validator';
import { formatValidationErrors, unknownFieldLine } from './format-validation-errors';

/** A hand-built class-validator error node. */
function node(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  const error = new ValidationError();
  error.property = property;
  error.constraints = constraints;
  error.children = children;
  return error;
}

describe('formatValidationErrors', () => {
  it('returns no lines for no errors', () => {
    expect(formatValidationErrors([])).toEqual([]);
  });

  it('prefixes a top-level message with its property', () => {
    expect(formatValidationErrors([node('to', { isDefined: 'is required' })])).toEqual(['to is required']);
  });

  it('keeps sibling errors in order', () => {
    expect(
      formatValidationErrors([
        node('to', { isDefined: 'is required' }),
        node('phoneId', { matches: 'must not be empty' }),
      ]),
    ).toEqual(['to is required', 'phoneId must not be empty']);
  });

  it('joins nested properties with dots and array items by index', () => {
    const tree = node('interactive', undefined, [
      node('action', undefined, [
        node('buttons', undefined, [
          node('1', undefined, [
            node('reply', undefined, [node('title', { maxLength: 'must be at most 20 characters' })]),
          ]),
        ]),
      ]),
    ]);

    expect(formatValidationErrors([tree])).toEqual([
      'interactive.action.buttons.1.reply.title must be at most 20 characters',
    ]);
  });

  it('writes no line for a node without constraints, only for its children', () => {
    const tree = node('video', undefined, [
      node('link', { isHttpUrl: 'must be an http or https URL' }),
      node('caption', { matches: 'must not be empty' }),
    ]);

    expect(formatValidationErrors([tree])).toEqual([
      'video.link must be an http or https URL',
      'video.caption must not be empty',
    ]);
  });

  it('writes the parent line before its children', () => {
    const tree = node('buttons', { arrayUnique: 'must have unique titles' }, [
      node('0', undefined, [node('reply', { isDefined: 'is required' })]),
    ]);

    expect(formatValidationErrors([tree])).toEqual(['buttons must have unique titles', 'buttons.0.reply is required']);
  });

  it('prefixes the given parent path', () => {
    expect(formatValidationErrors([node('link', { isDefined: 'is required' })], 'video')).toEqual([
      'video.link is required',
    ]);
  });

  it('uses the parent path alone for a node without property', () => {
    expect(formatValidationErrors([node('', { isObject: 'must be an object' })], 'video')).toEqual([
      'video must be an object',
    ]);
  });

  it('calls a top-level node without property "message"', () => {
    expect(
      formatValidationErrors([node('', { unknownValue: 'an unknown value was passed to the validate function' })]),
    ).toEqual(['message must be an object']);
  });

  describe('one message per property, by priority', () => {
    it.each([
      ['isDefined over isString', { isString: 'must be a string', isDefined: 'is required' }, 'is required'],
      [
        'isDefined over everything else',
        { maxLength: 'too long', matches: 'must not be empty', isString: 'must be a string', isDefined: 'is required' },
        'is required',
      ],
      [
        'isRequiredForType over isDefined',
        { isDefined: 'is required', isRequiredForType: 'is required when header.type is "text"' },
        'is required when header.type is "text"',
      ],
      [
        'whitelistValidation over isString',
        { isString: 'must be a string', whitelistValidation: 'property x should not exist' },
        'is not a field Zixflow accepts here; remove it',
      ],
      [
        'isDefined over whitelistValidation',
        { whitelistValidation: 'property x should not exist', isDefined: 'is required' },
        'is required',
      ],
      [
        'isObject over nestedValidation',
        { isObject: 'must be a plain object', nestedValidation: 'nested property x must be either object or array' },
        'must be a plain object',
      ],
      [
        'isObject over isString',
        { isString: 'must be a string', isObject: 'must be an object (custom)' },
        'must be an object (custom)',
      ],
      [
        'isString over a length limit',
        { maxLength: 'must be at most 60 characters', isString: 'must be a string' },
        'must be a string',
      ],
      ['isArray over isBoolean', { isArray: 'must be a list', isBoolean: 'must be true or false' }, 'must be a list'],
      [
        'isArray over nestedValidation',
        { isArray: 'must be a list', nestedValidation: 'nested property x must be either object or array' },
        'must be a list',
      ],
      [
        'isArray over array size rules',
        { arrayMinSize: 'must hold at least 1 button', isArray: 'must be a list of 1 to 3 buttons' },
        'must be a list of 1 to 3 buttons',
      ],
      [
        'the first of several unranked constraints',
        { matches: 'must not be empty', maxLength: 'must be at most 60 characters' },
        'must not be empty',
      ],
      [
        'a single unranked constraint',
        { isCoordinate: 'must be a latitude between -90 and 90' },
        'must be a latitude between -90 and 90',
      ],
    ])('picks %s', (_label, constraints, expected) => {
      expect(formatValidationErrors([node('field', constraints)])).toEqual([`field ${expected}`]);
    });
  });

  describe('plain sentences', () => {
    it.each([
      ['whitelistValidation', 'property foo should not exist', 'foo is not a field Zixflow accepts here; remove it'],
      ['nestedValidation', 'nested property foo must be either object or array', 'foo must be an object'],
      ['unknownValue', 'an unknown value was passed to the validate function', 'foo must be an object'],
    ])("replaces class-validator's %s wording", (constraint, message, expected) => {
      expect(formatValidationErrors([node('foo', { [constraint]: message })])).toEqual([expected]);
    });

    it('words an unknown field found outside class-validator the same way', () => {
      expect(unknownFieldLine('text.__proto__')).toBe('text.__proto__ is not a field Zixflow accepts here; remove it');
    });

    it('replaces the whitelist wording for a nested field too', () => {
      expect(
        formatValidationErrors([
          node('audio', undefined, [node('caption', { whitelistValidation: 'property caption should not exist' })]),
        ]),
      ).toEqual(['audio.caption is not a field Zixflow accepts here; remove it']);
    });
  });

  describe('leading property name in default messages', () => {
    it.each([
      ['a default message that starts with the property', 'email', 'email must be an email', 'email must be an email'],
      ['our own message without the property', 'email', 'must be an email', 'email must be an email'],
      ['a message that starts with a longer word', 'to', 'total must be positive', 'to total must be positive'],
      ['an array index property', '2', '2 must be an object', '2 must be an object'],
    ])('handles %s', (_label, property, message, expected) => {
      expect(formatValidationErrors([node(property, { isEmail: message })])).toEqual([expected]);
    });

    it('strips the leaf property, not the full path', () => {
      const tree = node('video', undefined, [node('link', { isUrl: 'link must be a URL address' })]);

      expect(formatValidationErrors([tree])).toEqual(['video.link must be a URL address']);
    });

    it('formats a real class-validator tree with default messages', () => {
      class Probe {
        @IsInt()
        count!: unknown;

        @IsEmail()
        email!: unknown;

        @MaxLength(3)
        code!: unknown;
      }
      const probe = Object.assign(new Probe(), { count: 'x', email: 'nope', code: 'abcd', extra: 1 });

      const errors = validateSync(probe, { whitelist: true, forbidNonWhitelisted: true });

      expect([...formatValidationErrors(errors)].sort()).toEqual(
        [
          'code must be shorter than or equal to 3 characters',
          'count must be an integer number',
          'email must be an email',
          'extra is not a field Zixflow accepts here; remove it',
        ].sort(),
      );
    });
  });
});
