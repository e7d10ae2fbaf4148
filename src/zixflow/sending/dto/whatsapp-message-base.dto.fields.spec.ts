import { validateMessage } from '../validation/validate-message';
import { SendTextMessageDto } from './send-text-message.dto';
import { NUMBER_HINT, PHONE_ID, TEXT, TO, errorsFor, message } from './whatsapp-message-base.dto.spec-helper';

/**
 * The fields every message shares (to, phoneId, source, linkWithRecord, reportURL,
 * submissionStatus), checked through SendTextMessageDto. validateMessage's own contract is in
 * whatsapp-message-base.dto.validate-message.spec.ts.
 */

const REPORT_URL_MESSAGE = 'reportURL must be an http or https URL, e.g. https://example.com/zixflow/reports';

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
});
