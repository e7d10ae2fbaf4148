import { validateMessage } from '../validation/validate-message';
import { validationErrorsOf } from './dto.spec-helper';
import { DocumentContentDto, SendDocumentMessageDto } from './send-document-message.dto';

const TO = '13023895111';
const PHONE_ID = '104898309288724';
const LINK = 'https://example.com/invoice.pdf';
const URL_MESSAGE = 'document.link must be an http or https URL, e.g. https://example.com/invoice.pdf';

/** A valid message with `document` replaced. */
function withDocument(document: unknown): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, document };
}

const errorsFor = (input: unknown): readonly string[] => validationErrorsOf(SendDocumentMessageDto, input);

describe('SendDocumentMessageDto', () => {
  describe('valid messages', () => {
    it('accepts a minimal message and normalises the number', () => {
      const result = validateMessage(SendDocumentMessageDto, { to: '+44 20 7946 0958', document: { link: LINK } });

      expect(result).toBeInstanceOf(SendDocumentMessageDto);
      expect(result.document).toBeInstanceOf(DocumentContentDto);
      expect(result).toEqual({ to: '442079460958', document: { link: LINK } });
      expect(Object.keys(result).sort()).toEqual(['document', 'to']);
    });

    it('accepts a full message unchanged', () => {
      const message = {
        to: TO,
        phoneId: PHONE_ID,
        type: 'document',
        document: { link: LINK, caption: 'Invoice #42', filename: 'invoice-42.pdf' },
        source: 'Billing',
        linkWithRecord: true,
        reportURL: 'https://example.com/zixflow/report',
        submissionStatus: true,
      };

      expect(validateMessage(SendDocumentMessageDto, message)).toEqual(message);
    });

    it.each([
      ['a caption of 1024 characters', { link: LINK, caption: 'c'.repeat(1024) }],
      ['a filename of 240 characters', { link: LINK, filename: 'f'.repeat(240) }],
      ['a filename with unicode', { link: LINK, filename: 'Rechnung-Müller-📄.pdf' }],
      ['an http link with a port', { link: 'http://127.0.0.1:8080/x' }],
    ])('accepts %s', (_label, document) => {
      expect(validateMessage(SendDocumentMessageDto, withDocument(document)).document).toEqual(document);
    });
  });

  describe('refused messages', () => {
    it.each([
      ['javascript:', 'javascript:alert(1)'],
      ['file:', 'file:///C:/invoice.pdf'],
      ['ftp:', 'ftp://example.com/invoice.pdf'],
      ['a relative path', 'relative/invoice.pdf'],
      ['an empty string', ''],
      ['"https://" without host', 'https://'],
      ['a URL with spaces', 'https://example.com/my invoice.pdf'],
    ])('refuses document.link as %s', (_label, link) => {
      expect(errorsFor(withDocument({ link }))).toEqual([URL_MESSAGE]);
    });

    it.each([
      ['link missing', { caption: 'x' }, 'document.link is required'],
      ['link null', { link: null }, 'document.link is required'],
      ['link a number', { link: 404 }, 'document.link must be a string'],
      [
        'caption of 1025 characters',
        { link: LINK, caption: 'c'.repeat(1025) },
        'document.caption must be at most 1024 characters',
      ],
      ['caption null', { link: LINK, caption: null }, 'document.caption must be a string'],
      ['caption blank', { link: LINK, caption: ' ' }, 'document.caption must not be empty'],
      [
        'filename of 241 characters',
        { link: LINK, filename: 'f'.repeat(241) },
        'document.filename must be at most 240 characters',
      ],
      ['filename null', { link: LINK, filename: null }, 'document.filename must be a string'],
      ['filename empty', { link: LINK, filename: '' }, 'document.filename must not be empty'],
      ['filename blank', { link: LINK, filename: '  ' }, 'document.filename must not be empty'],
      ['filename a number', { link: LINK, filename: 42 }, 'document.filename must be a string'],
      [
        'an unknown field document.name',
        { link: LINK, name: 'a.pdf' },
        'document.name is not a field Zixflow accepts here; remove it',
      ],
    ])('refuses %s', (_label, document, expected) => {
      expect(errorsFor(withDocument(document))).toEqual([expected]);
    });

    it.each([
      ['missing', undefined, 'document is required'],
      ['null', null, 'document is required'],
      ['a string', LINK, 'document must be an object'],
      ['an array', [], 'document must be an object'],
    ])('refuses document when it is %s', (_label, document, expected) => {
      expect(errorsFor(withDocument(document))).toEqual([expected]);
    });

    it.each([['audio'], ['file'], ['pdf'], [null]])('refuses type %p', (type) => {
      expect(errorsFor({ ...withDocument({ link: LINK }), type })).toEqual([
        'type must be "document" when calling sendDocument (or be left out)',
      ]);
    });

    it('refuses an unknown top-level field', () => {
      expect(errorsFor({ ...withDocument({ link: LINK }), filename: 'a.pdf' })).toEqual([
        'filename is not a field Zixflow accepts here; remove it',
      ]);
    });

    it.each([[null], ['document'], [1.5], [[]]])('refuses the non-object input %p', (input) => {
      expect(errorsFor(input)).toEqual(['message must be an object']);
    });
  });
});
