import { ZixflowError } from '../../core/errors/zixflow.error';
import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { validateMessage } from '../validation/validate-message';
import { SendLocationMessageDto } from './send-location-message.dto';
import { SendTextMessageDto, TextContentDto } from './send-text-message.dto';
import { SendVideoMessageDto, VideoContentDto } from './send-video-message.dto';

/**
 * The fields every message shares (to, phoneId, source, linkWithRecord, reportURL,
 * submissionStatus), checked through SendTextMessageDto, plus validateMessage's own contract.
 */

const TO = '13023895111';
const PHONE_ID = '104898309288724';
const TEXT = { body: 'Hello' };
const NUMBER_HINT =
  'to must be a phone number with its country code, e.g. +1 302 389 5111 ' +
  '(7 to 15 digits; a national number starting with 0 needs the country code instead)';
const REPORT_URL_MESSAGE = 'reportURL must be an http or https URL, e.g. https://example.com/zixflow/reports';

/** A valid text message with `fields` merged in. */
function message(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, text: TEXT, ...fields };
}

/** The error thrown for `input`; fails the test when none is thrown. */
function errorFor(input: unknown): ZixflowValidationError {
  try {
    validateMessage(SendTextMessageDto, input);
  } catch (error) {
    if (error instanceof ZixflowValidationError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the message to be refused');
}

function errorsFor(input: unknown): readonly string[] {
  return errorFor(input).errors;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) {
      deepFreeze(child);
    }
  }
  return Object.freeze(value);
}

describe('WhatsappMessageBaseDto (common fields, via SendTextMessageDto)', () => {
  describe('valid messages', () => {
    it('accepts a minimal message: to and the type object only', () => {
      const result = validateMessage(SendTextMessageDto, { to: TO, text: TEXT });

      expect(result).toBeInstanceOf(SendTextMessageDto);
      expect(result).toEqual({ to: TO, text: TEXT });
      expect(Object.keys(result).sort()).toEqual(['text', 'to']);
    });

    it('accepts every common field and keeps the values as given', () => {
      const full = {
        to: TO,
        phoneId: PHONE_ID,
        text: TEXT,
        source: 'API',
        linkWithRecord: true,
        reportURL: 'https://example.com/zixflow/report?id=1',
        submissionStatus: true,
      };

      expect(validateMessage(SendTextMessageDto, full)).toEqual(full);
    });

    it.each([
      ['+1 (302) 389-5111', TO],
      ['1 302 389 5111', TO],
      ['001 302 389 5111', TO],
      ['+1.302.389.5111', TO],
      ['  +1 302 389 5111  ', TO],
      ['+44 20 7946 0958', '442079460958'],
      ['+91 98765 43210', '919876543210'],
      ['0091 9876543210', '919876543210'],
    ])('normalises to %p into %p', (to, expected) => {
      expect(validateMessage(SendTextMessageDto, message({ to })).to).toBe(expected);
    });

    it.each([
      ['linkWithRecord', false],
      ['linkWithRecord', true],
      ['submissionStatus', false],
      ['submissionStatus', true],
      ['source', 's'.repeat(100)],
      ['source', 'Zapier 🤖'],
      ['phoneId', 'any-opaque-id'],
      ['reportURL', 'http://127.0.0.1:8080/x'],
      ['reportURL', 'http://example.com/report'],
    ])('accepts %s = %p', (field, value) => {
      expect(validateMessage(SendTextMessageDto, message({ [field]: value }))).toEqual(message({ [field]: value }));
    });

    it('treats undefined optional fields as left out', () => {
      const result = validateMessage(SendTextMessageDto, {
        to: TO,
        text: TEXT,
        phoneId: undefined,
        source: undefined,
        linkWithRecord: undefined,
        reportURL: undefined,
        submissionStatus: undefined,
        type: undefined,
      });

      expect(result).toEqual({ to: TO, text: TEXT });
      expect(JSON.parse(JSON.stringify(result))).toEqual({ to: TO, text: TEXT });
    });
  });

  describe('to', () => {
    it.each([
      ['missing', undefined, 'to is required'],
      ['null', null, 'to is required'],
      ['empty', '', NUMBER_HINT],
      ['blank', '   ', NUMBER_HINT],
      ['a national number', '0301 2345678', NUMBER_HINT],
      ['a UK national number', '020 7946 0958', NUMBER_HINT],
      ['letters', '+1-800-FLOWERS', NUMBER_HINT],
      ['a + that is not first', '1+3023895111', NUMBER_HINT],
      ['too short for its country code', '+1 302 389 511', NUMBER_HINT],
      ['too long', '1234567890123456', NUMBER_HINT],
      ['a number', 13023895111, 'to must be a string such as "+1 302 389 5111"'],
      ['an array', [TO], 'to must be a string such as "+1 302 389 5111"'],
      ['an object', { number: TO }, 'to must be a string such as "+1 302 389 5111"'],
    ])('refuses to when it is %s', (_label, to, expected) => {
      expect(errorsFor(message({ to }))).toEqual([expected]);
    });
  });

  describe('optional text fields', () => {
    it.each([
      ['phoneId', null, 'phoneId must be a string'],
      ['phoneId', '', 'phoneId must not be empty'],
      ['phoneId', ' \t', 'phoneId must not be empty'],
      ['phoneId', 104898309288724, 'phoneId must be a string'],
      ['source', null, 'source must be a string'],
      ['source', '', 'source must not be empty'],
      ['source', 's'.repeat(101), 'source must be at most 100 characters'],
      ['source', ['API'], 'source must be a string'],
      ['source', () => 'API', 'source must be a string'],
    ])('refuses %s = %p', (field, value, expected) => {
      expect(errorsFor(message({ [field]: value }))).toEqual([expected]);
    });
  });

  describe('boolean fields', () => {
    it.each([
      ['linkWithRecord', 'true'],
      ['linkWithRecord', 'false'],
      ['linkWithRecord', 1],
      ['linkWithRecord', 0],
      ['linkWithRecord', null],
      ['submissionStatus', 'true'],
      ['submissionStatus', 'false'],
      ['submissionStatus', 1],
      ['submissionStatus', null],
      ['submissionStatus', {}],
    ])('refuses %s = %p', (field, value) => {
      expect(errorsFor(message({ [field]: value }))).toEqual([`${field} must be true or false`]);
    });
  });

  describe('reportURL', () => {
    it.each([
      ['javascript:', 'javascript:alert(1)'],
      ['file:', 'file:///var/reports'],
      ['ftp:', 'ftp://example.com/report'],
      ['a relative path', '/zixflow/report'],
      ['"https://" without host', 'https://'],
      ['a URL with spaces', 'https://example.com/zixflow report'],
      ['a host without scheme', 'example.com/report'],
    ])('refuses %s', (_label, reportURL) => {
      expect(errorsFor(message({ reportURL }))).toEqual([REPORT_URL_MESSAGE]);
    });

    it.each([
      ['empty', '', 'reportURL must not be empty'],
      ['blank', '  ', 'reportURL must not be empty'],
      ['null', null, 'reportURL must be a string'],
      ['a number', 5, 'reportURL must be a string'],
    ])('refuses reportURL when it is %s', (_label, reportURL, expected) => {
      expect(errorsFor(message({ reportURL }))).toEqual([expected]);
    });
  });

  describe('unknown fields', () => {
    it.each([['foo'], ['phone_id'], ['report_url'], ['reportUrl'], ['preview_url'], ['messaging_product']])(
      'refuses the unknown top-level field %s',
      (field) => {
        expect(errorsFor(message({ [field]: 'x' }))).toEqual([
          `${field} is not a field Zixflow accepts here; remove it`,
        ]);
      },
    );

    it('refuses an unknown field whose value is undefined', () => {
      expect(errorsFor(message({ foo: undefined }))).toEqual(['foo is not a field Zixflow accepts here; remove it']);
    });
  });

  describe('several problems at once', () => {
    it('reports one line per problem, each starting with its path', () => {
      const errors = errorsFor({
        to: 'abc',
        phoneId: '',
        source: null,
        linkWithRecord: 'y',
        reportURL: 'ftp://x',
        submissionStatus: 0,
        text: { body: '' },
        extra: 1,
      });

      expect([...errors].sort()).toEqual(
        [
          'extra is not a field Zixflow accepts here; remove it',
          'linkWithRecord must be true or false',
          'phoneId must not be empty',
          REPORT_URL_MESSAGE,
          'source must be a string',
          'submissionStatus must be true or false',
          'text.body must not be empty',
          NUMBER_HINT,
        ].sort(),
      );
    });
  });

  describe('validateMessage', () => {
    it.each([[null], [undefined], ['{"to":"13023895111"}'], [13023895111], [true], [[]], [[message()]]])(
      'refuses the non-object input %p with a single line',
      (input) => {
        expect(errorsFor(input)).toEqual(['message must be an object']);
      },
    );

    it('throws a ZixflowValidationError that is a non-retryable ZixflowError with a readable message', () => {
      const error = errorFor(message({ to: '0301 2345678', source: '' }));

      expect(error).toBeInstanceOf(ZixflowError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('ZixflowValidationError');
      expect(error.retryable).toBe(false);
      expect(error.errors).toEqual([NUMBER_HINT, 'source must not be empty']);
      expect(error.message).toBe(`Invalid WhatsApp message: ${NUMBER_HINT}; source must not be empty`);
    });

    it("does not modify the caller's object, nested objects included", () => {
      const input = { to: '+1 (302) 389-5111', location: { latitude: 40.7128, longitude: -74.006 } };
      const before = structuredClone(input);
      const location = input.location;

      const result = validateMessage(SendLocationMessageDto, input);

      expect(input).toEqual(before);
      expect(input.location).toBe(location);
      expect(result).not.toBe(input);
      expect(result.location).not.toBe(location);
      expect(result).toEqual({ to: TO, location: { latitude: '40.7128', longitude: '-74.006' } });
    });

    it('works on a deeply frozen input', () => {
      const input = deepFreeze({ to: '+1 302 389 5111', location: { latitude: 1, longitude: 2 } });

      expect(validateMessage(SendLocationMessageDto, input)).toEqual({
        to: TO,
        location: { latitude: '1', longitude: '2' },
      });
    });

    it("does not modify the caller's object when validation fails", () => {
      const input = { to: '+1 (302) 389-5111', text: { body: '' } };

      expect(errorsFor(input)).toEqual(['text.body must not be empty']);
      expect(input).toEqual({ to: '+1 (302) 389-5111', text: { body: '' } });
    });

    it('accepts a DTO instance built with new + Object.assign and returns a new, normalised instance', () => {
      const dto = Object.assign(new SendVideoMessageDto(), {
        to: '+1 (302) 389-5111',
        video: Object.assign(new VideoContentDto(), { link: 'https://example.com/clip.mp4', caption: 'Demo' }),
      });

      const result = validateMessage(SendVideoMessageDto, dto);

      expect(result).toBeInstanceOf(SendVideoMessageDto);
      expect(result.video).toBeInstanceOf(VideoContentDto);
      expect(result).not.toBe(dto);
      expect(result).toEqual({ to: TO, video: { link: 'https://example.com/clip.mp4', caption: 'Demo' } });
      expect(dto.to).toBe('+1 (302) 389-5111');
    });

    it('accepts a DTO instance whose fields are set one by one', () => {
      const dto = new SendTextMessageDto();
      dto.to = '001 302 389 5111';
      dto.text = new TextContentDto();
      dto.text.body = 'Hi';
      dto.text.preview_url = false;

      expect(validateMessage(SendTextMessageDto, dto)).toEqual({ to: TO, text: { body: 'Hi', preview_url: false } });
    });

    it('validates a DTO instance as strictly as a plain object', () => {
      const dto = Object.assign(new SendVideoMessageDto(), { to: TO, video: { link: 'ftp://example.com/a.mp4' } });

      expect(() => validateMessage(SendVideoMessageDto, dto)).toThrow(ZixflowValidationError);
      expect(() => validateMessage(SendVideoMessageDto, dto)).toThrow(
        'Invalid WhatsApp message: video.link must be an http or https URL, e.g. https://example.com/clip.mp4',
      );
    });

    it('refuses an instance of another message DTO by its fields', () => {
      const text = Object.assign(new SendTextMessageDto(), { to: TO, text: TEXT });

      expect(() => validateMessage(SendVideoMessageDto, text)).toThrow(
        'Invalid WhatsApp message: text is not a field Zixflow accepts here; remove it; video is required',
      );
    });

    it('accepts an object without prototype', () => {
      const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      input.to = TO;
      input.text = TEXT;

      expect(validateMessage(SendTextMessageDto, input)).toEqual({ to: TO, text: TEXT });
    });

    // A circular value (an Express request passed by mistake) is a validation error, not a stack
    // overflow.
    it('refuses an unknown field holding a circular object with a ZixflowValidationError', () => {
      const context: Record<string, unknown> = { name: 'ctx' };
      context.self = context;

      expect(errorsFor(message({ context }))).toEqual(['context is not a field Zixflow accepts here; remove it']);
    });
  });
});
