import { validateMessage } from '../validation/validate-message';
import { validationErrorsOf } from './dto.spec-helper';
import { SendTextMessageDto, TextContentDto } from './send-text-message.dto';

const TO = '13023895111';
const PHONE_ID = '104898309288724';

/** A valid message with `text` replaced. */
function withText(text: unknown): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, text };
}

const errorsFor = (input: unknown): readonly string[] => validationErrorsOf(SendTextMessageDto, input);

describe('SendTextMessageDto', () => {
  describe('valid messages', () => {
    it('accepts a minimal message and normalises the number', () => {
      const result = validateMessage(SendTextMessageDto, { to: '1 302 389 5111', text: { body: 'Hello' } });

      expect(result).toBeInstanceOf(SendTextMessageDto);
      expect(result.text).toBeInstanceOf(TextContentDto);
      expect(result).toEqual({ to: TO, text: { body: 'Hello' } });
      expect(Object.keys(result).sort()).toEqual(['text', 'to']);
      expect(Object.keys(result.text)).toEqual(['body']);
    });

    it('accepts a full message unchanged apart from the number', () => {
      const message = {
        to: '+1 302 389 5111',
        phoneId: PHONE_ID,
        type: 'text',
        text: { body: 'Track it at https://example.com/t/42 *today*', preview_url: true },
        source: 'CRM',
        linkWithRecord: true,
        reportURL: 'https://example.com/zixflow/report',
        submissionStatus: false,
      };

      expect(validateMessage(SendTextMessageDto, message)).toEqual({ ...message, to: TO });
    });

    it.each([
      ['4096 characters', 'a'.repeat(4096)],
      ['4096 emoji (an emoji counts as one character)', '💬'.repeat(4096)],
      ['a single character', 'k'],
      ['surrounding whitespace kept as given', '  hi  '],
      ['multiple lines', 'line 1\nline 2'],
    ])('accepts a body of %s', (_label, body) => {
      expect(validateMessage(SendTextMessageDto, withText({ body })).text).toEqual({ body });
    });

    it.each([[true], [false]])('accepts preview_url %p', (previewUrl) => {
      expect(validateMessage(SendTextMessageDto, withText({ body: 'x', preview_url: previewUrl })).text).toEqual({
        body: 'x',
        preview_url: previewUrl,
      });
    });
  });

  describe('text.body', () => {
    it.each([
      ['4097 characters', 'a'.repeat(4097), 'text.body must be at most 4096 characters'],
      ['4097 emoji', '💬'.repeat(4097), 'text.body must be at most 4096 characters'],
      ['empty', '', 'text.body must not be empty'],
      ['blank', ' \n\t ', 'text.body must not be empty'],
      ['null', null, 'text.body is required'],
      ['a number', 42, 'text.body must be a string'],
      ['an array', ['Hello'], 'text.body must be a string'],
      ['an object', { value: 'Hello' }, 'text.body must be a string'],
      ['a boolean', false, 'text.body must be a string'],
    ])('refuses a body of %s', (_label, body, expected) => {
      expect(errorsFor(withText({ body }))).toEqual([expected]);
    });

    it('refuses a text object without body', () => {
      expect(errorsFor(withText({}))).toEqual(['text.body is required']);
    });
  });

  describe('text.preview_url', () => {
    it.each([['true'], ['false'], [1], [0], [null], [{}]])('refuses preview_url %p', (previewUrl) => {
      expect(errorsFor(withText({ body: 'x', preview_url: previewUrl }))).toEqual([
        'text.preview_url must be true or false',
      ]);
    });
  });

  describe('text object', () => {
    it.each([
      ['missing', undefined, 'text is required'],
      ['null', null, 'text is required'],
      ['a string', 'Hello', 'text must be an object'],
      ['an array', [{ body: 'Hello' }], 'text must be an object'],
      ['a number', 5, 'text must be an object'],
    ])('refuses text when it is %s', (_label, text, expected) => {
      expect(errorsFor(withText(text))).toEqual([expected]);
    });

    it.each([
      ['text.previewUrl', { body: 'x', previewUrl: true }],
      ['text.caption', { body: 'x', caption: 'y' }],
      ['text.foo', { body: 'x', foo: 1 }],
    ])('refuses the unknown field %s', (path, text) => {
      expect(errorsFor(withText(text))).toEqual([`${path} is not a field Zixflow accepts here; remove it`]);
    });
  });

  describe('type and other fields', () => {
    it.each([['image'], ['TEXT'], ['interactive'], ['template'], [null], [true]])('refuses type %p', (type) => {
      expect(errorsFor({ ...withText({ body: 'x' }), type })).toEqual([
        'type must be "text" when calling sendText (or be left out)',
      ]);
    });

    it('refuses a body given at the top level', () => {
      expect([...errorsFor({ to: TO, body: 'Hello' })].sort()).toEqual(
        ['body is not a field Zixflow accepts here; remove it', 'text is required'].sort(),
      );
    });

    it.each([[null], [undefined], ['Hello'], [42], [[]], [false]])('refuses the non-object input %p', (input) => {
      expect(errorsFor(input)).toEqual(['message must be an object']);
    });
  });
});
