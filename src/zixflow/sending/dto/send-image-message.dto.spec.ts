import { validateMessage } from '../validation/validate-message';
import { validationErrorsOf } from './dto.spec-helper';
import { ImageContentDto, SendImageMessageDto } from './send-image-message.dto';

const TO = '13023895111';
const PHONE_ID = '104898309288724';
const LINK = 'https://example.com/photo.jpg';
const URL_MESSAGE = 'image.link must be an http or https URL, e.g. https://example.com/photo.jpg';

/** A valid message with `image` replaced. */
function withImage(image: unknown): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, image };
}

const errorsFor = (input: unknown): readonly string[] => validationErrorsOf(SendImageMessageDto, input);

describe('SendImageMessageDto', () => {
  describe('valid messages', () => {
    it('accepts a minimal message and normalises the number', () => {
      const result = validateMessage(SendImageMessageDto, { to: '001 302 389 5111', image: { link: LINK } });

      expect(result).toBeInstanceOf(SendImageMessageDto);
      expect(result.image).toBeInstanceOf(ImageContentDto);
      expect(result).toEqual({ to: TO, image: { link: LINK } });
      expect(Object.keys(result).sort()).toEqual(['image', 'to']);
    });

    it('accepts a full message unchanged', () => {
      const message = {
        to: TO,
        phoneId: PHONE_ID,
        type: 'image',
        image: { link: LINK, caption: 'Your receipt 🧾' },
        source: 'CRM',
        linkWithRecord: true,
        reportURL: 'http://127.0.0.1:8080/x',
        submissionStatus: false,
      };

      expect(validateMessage(SendImageMessageDto, message)).toEqual(message);
    });

    it.each([
      ['http', 'http://example.com/photo.jpg'],
      ['https with query', 'https://example.com/photo.jpg?size=large'],
      ['an IPv4 host with a port', 'http://127.0.0.1:8080/x'],
    ])('accepts image.link over %s', (_label, link) => {
      expect(validateMessage(SendImageMessageDto, withImage({ link })).image).toEqual({ link });
    });

    it.each([
      ['1024 characters', 'c'.repeat(1024)],
      ['1024 emoji', '📷'.repeat(1024)],
    ])('accepts a caption of %s', (_label, caption) => {
      expect(validateMessage(SendImageMessageDto, withImage({ link: LINK, caption })).image).toEqual({
        link: LINK,
        caption,
      });
    });
  });

  describe('refused messages', () => {
    it.each([
      ['javascript:', 'javascript:alert(1)'],
      ['file:', 'file:///tmp/photo.jpg'],
      ['ftp:', 'ftp://example.com/photo.jpg'],
      ['a relative path', 'images/photo.jpg'],
      ['an empty string', ''],
      ['"https://" without host', 'https://'],
      ['a URL with spaces', 'https://example.com/my photo.jpg'],
    ])('refuses image.link as %s', (_label, link) => {
      expect(errorsFor(withImage({ link }))).toEqual([URL_MESSAGE]);
    });

    it.each([
      ['link missing', {}, 'image.link is required'],
      ['link null', { link: null }, 'image.link is required'],
      ['link a number', { link: 1 }, 'image.link must be a string'],
      [
        'caption of 1025 characters',
        { link: LINK, caption: 'c'.repeat(1025) },
        'image.caption must be at most 1024 characters',
      ],
      [
        'caption of 1025 emoji',
        { link: LINK, caption: '📷'.repeat(1025) },
        'image.caption must be at most 1024 characters',
      ],
      ['caption null', { link: LINK, caption: null }, 'image.caption must be a string'],
      ['caption empty', { link: LINK, caption: '' }, 'image.caption must not be empty'],
      ['caption blank', { link: LINK, caption: '   ' }, 'image.caption must not be empty'],
      ['caption a boolean', { link: LINK, caption: true }, 'image.caption must be a string'],
      [
        'an unknown field image.filename',
        { link: LINK, filename: 'a.jpg' },
        'image.filename is not a field Zixflow accepts here; remove it',
      ],
      [
        'an unknown field image.foo',
        { link: LINK, foo: 'bar' },
        'image.foo is not a field Zixflow accepts here; remove it',
      ],
    ])('refuses %s', (_label, image, expected) => {
      expect(errorsFor(withImage(image))).toEqual([expected]);
    });

    it.each([
      ['missing', undefined, 'image is required'],
      ['null', null, 'image is required'],
      ['a string', LINK, 'image must be an object'],
      ['an array', [], 'image must be an object'],
    ])('refuses image when it is %s', (_label, image, expected) => {
      expect(errorsFor(withImage(image))).toEqual([expected]);
    });

    it.each([['video'], ['IMAGE'], ['document'], [null]])('refuses type %p', (type) => {
      expect(errorsFor({ ...withImage({ link: LINK }), type })).toEqual([
        'type must be "image" when calling sendImage (or be left out)',
      ]);
    });

    it('refuses an unknown top-level field', () => {
      expect(errorsFor({ ...withImage({ link: LINK }), caption: 'x' })).toEqual([
        'caption is not a field Zixflow accepts here; remove it',
      ]);
    });

    it('reports all problems of the image object at once', () => {
      expect(
        [...errorsFor(withImage({ link: 'ftp://x/p.jpg', caption: 'x'.repeat(1025), filename: 'a' }))].sort(),
      ).toEqual(
        [
          'image.caption must be at most 1024 characters',
          'image.filename is not a field Zixflow accepts here; remove it',
          URL_MESSAGE,
        ].sort(),
      );
    });

    it.each([[null], ['image'], [7], [[]]])('refuses the non-object input %p', (input) => {
      expect(errorsFor(input)).toEqual(['message must be an object']);
    });
  });
});
