import { validateMessage } from '../validation/validate-message';
import { validationErrorsOf } from './dto.spec-helper';
import { SendTemplateMessageDto } from './send-template-message.dto';

const TO = '13023895111';
const PHONE_ID = '104898309288724';
const NOT_A_MAP =
  'variables must be an object mapping each template variable name to a string, e.g. { "body_1": "Ada" }';

/** A valid template message with `fields` merged in. */
function template(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, templateName: 'order_update', language: 'en', variables: {}, ...fields };
}

const errorsFor = (input: unknown): readonly string[] => validationErrorsOf(SendTemplateMessageDto, input);

describe('SendTemplateMessageDto', () => {
  describe('valid messages', () => {
    it("accepts a template without variables, which is then sent without them (as Zixflow's SDK does)", () => {
      const result = validateMessage(SendTemplateMessageDto, { to: TO, templateName: 'hello', language: 'en' });
      expect({ ...result }).toEqual({ to: '13023895111', templateName: 'hello', language: 'en' });
      expect('variables' in result).toBe(false);
    });

    it('accepts a minimal message with {} for a template without variables', () => {
      const result = validateMessage(SendTemplateMessageDto, {
        to: '0091 9876543210',
        templateName: 'order_update',
        language: 'en',
        variables: {},
      });

      expect(result).toBeInstanceOf(SendTemplateMessageDto);
      expect(result).toEqual({ to: '919876543210', templateName: 'order_update', language: 'en', variables: {} });
      expect(Object.keys(result).sort()).toEqual(['language', 'templateName', 'to', 'variables']);
    });

    it('accepts a full message unchanged', () => {
      const message = {
        to: TO,
        phoneId: PHONE_ID,
        type: 'template',
        templateName: 'order_update',
        language: 'en_US',
        variables: { body_1: 'Ada', body_2: '42', header_1: 'https://example.com/banner.jpg' },
        source: 'Shop',
        linkWithRecord: false,
        reportURL: 'https://example.com/zixflow/report',
        submissionStatus: true,
      };

      expect(validateMessage(SendTemplateMessageDto, message)).toEqual(message);
    });

    it.each([
      ['a name of 512 characters', { templateName: 't'.repeat(512) }],
      ['a language of 15 characters', { language: 'l'.repeat(15) }],
      ['a language with region', { language: 'pt_BR' }],
      ['a variable with an empty string', { variables: { body_1: '' } }],
      ['variables with unicode keys and values', { variables: { nombre_cliente: 'José 🎉' } }],
    ])('accepts %s', (_label, fields) => {
      expect(validateMessage(SendTemplateMessageDto, template(fields))).toEqual(template(fields));
    });

    it("keeps the variables object as a plain copy of the caller's values", () => {
      const variables = { body_1: 'Ada' };

      const result = validateMessage(SendTemplateMessageDto, template({ variables }));

      expect(result.variables).toEqual({ body_1: 'Ada' });
      expect(result.variables).not.toBe(variables);
      expect(Object.getPrototypeOf(result.variables)).toBe(Object.prototype);
    });
  });

  describe('refused messages', () => {
    it('lists every missing required field', () => {
      expect(errorsFor({ to: TO })).toEqual(['templateName is required', 'language is required']);
    });

    it.each([
      ['variables null', { variables: null }, NOT_A_MAP],
      ['variables an array', { variables: ['Ada'] }, NOT_A_MAP],
      ['variables an empty array', { variables: [] }, NOT_A_MAP],
      ['variables a string', { variables: 'Ada' }, NOT_A_MAP],
      ['variables a number', { variables: 1 }, NOT_A_MAP],
      [
        'a number value',
        { variables: { body_1: 42 } },
        'variables must map every variable to a string; not a string: "body_1"',
      ],
      [
        'a null value',
        { variables: { body_1: null } },
        'variables must map every variable to a string; not a string: "body_1"',
      ],
      [
        'a boolean value',
        { variables: { body_1: true } },
        'variables must map every variable to a string; not a string: "body_1"',
      ],
      [
        'an array value',
        { variables: { body_1: ['Ada'] } },
        'variables must map every variable to a string; not a string: "body_1"',
      ],
      [
        'a nested object value',
        { variables: { body: { 1: 'Ada' } } },
        'variables must map every variable to a string; not a string: "body"',
      ],
      [
        'several non-string values',
        { variables: { a: 1, b: 'ok', c: null, d: { e: 'f' }, g: ['h'] } },
        'variables must map every variable to a string; not a string: "a", "c", "d", "g"',
      ],
      ['templateName missing', { templateName: undefined }, 'templateName is required'],
      ['templateName null', { templateName: null }, 'templateName is required'],
      ['templateName empty', { templateName: '' }, 'templateName must not be empty'],
      ['templateName blank', { templateName: '   ' }, 'templateName must not be empty'],
      ['templateName a number', { templateName: 5 }, 'templateName must be a string'],
      [
        'templateName of 513 characters',
        { templateName: 't'.repeat(513) },
        'templateName must be at most 512 characters',
      ],
      ['language missing', { language: undefined }, 'language is required'],
      ['language empty', { language: '' }, 'language must not be empty'],
      ['language an array', { language: ['en'] }, 'language must be a string'],
      ['language of 16 characters', { language: 'l'.repeat(16) }, 'language must be at most 15 characters'],
      ['type "text"', { type: 'text' }, 'type must be "template" when calling sendTemplate (or be left out)'],
      ['type "video"', { type: 'video' }, 'type must be "template" when calling sendTemplate (or be left out)'],
      ['type null', { type: null }, 'type must be "template" when calling sendTemplate (or be left out)'],
      ['an unknown field components', { components: [] }, 'components is not a field Zixflow accepts here; remove it'],
      [
        'an unknown field template_name',
        { template_name: 'x' },
        'template_name is not a field Zixflow accepts here; remove it',
      ],
      ['a text object', { text: { body: 'Hi' } }, 'text is not a field Zixflow accepts here; remove it'],
    ])('refuses %s', (_label, fields, expected) => {
      expect(errorsFor(template(fields))).toEqual([expected]);
    });

    it('reports wrong name and language together', () => {
      expect(errorsFor(template({ templateName: 't'.repeat(513), language: ' ' }))).toEqual([
        'templateName must be at most 512 characters',
        'language must not be empty',
      ]);
    });

    // Only plain objects are variables maps: a Map or RegExp would be sent as {} and a Date as a
    // string, silently losing the variables.
    it.each([
      ['a Map', new Map([['body_1', 'Ada']])],
      ['a Date', new Date(0)],
      ['a RegExp', /body_1/],
      ['a boxed String', Object('Ada')],
    ])('refuses variables given as %s', (_label, variables) => {
      expect(errorsFor(template({ variables }))).toEqual([NOT_A_MAP]);
    });

    it.each([[null], ['order_update'], [0], [[]]])('refuses the non-object input %p', (input) => {
      expect(errorsFor(input)).toEqual(['message must be an object']);
    });
  });
});
