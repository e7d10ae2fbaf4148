import { validateMessage } from '../validation/validate-message';
import { validationErrorsOf } from './dto.spec-helper';
import { SendVideoMessageDto, VideoContentDto } from './send-video-message.dto';

const TO = '13023895111';
const PHONE_ID = '104898309288724';
const LINK = 'https://example.com/clip.mp4';
const URL_MESSAGE = 'video.link must be an http or https URL, e.g. https://example.com/clip.mp4';

/** A valid message with `video` replaced. */
function withVideo(video: unknown): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, video };
}

const errorsFor = (input: unknown): readonly string[] => validationErrorsOf(SendVideoMessageDto, input);

describe('SendVideoMessageDto', () => {
  describe('valid messages', () => {
    it('accepts a minimal message and normalises the number', () => {
      const result = validateMessage(SendVideoMessageDto, { to: '+1 (302) 389-5111', video: { link: LINK } });

      expect(result).toBeInstanceOf(SendVideoMessageDto);
      expect(result.video).toBeInstanceOf(VideoContentDto);
      expect(result).toEqual({ to: TO, video: { link: LINK } });
      expect(Object.keys(result).sort()).toEqual(['to', 'video']);
      expect(Object.keys(result.video)).toEqual(['link']);
    });

    it('accepts the full documented example unchanged', () => {
      const message = {
        to: '919876543210',
        phoneId: PHONE_ID,
        type: 'video',
        video: { link: LINK, caption: 'Demo' },
        source: 'API',
        linkWithRecord: false,
        reportURL: 'https://example.com/zixflow/report',
        submissionStatus: true,
      };

      const result = validateMessage(SendVideoMessageDto, message);

      expect(result).toBeInstanceOf(SendVideoMessageDto);
      expect(result).toEqual(message);
    });

    it.each([
      ['http with a host', 'http://example.com/clip.mp4'],
      ['https with a host', 'https://cdn.example.com/path/clip.mp4?sig=abc&x=1#t=2'],
      ['an IPv4 host with a port', 'http://127.0.0.1:8080/x'],
      ['an upper-case scheme', 'HTTPS://EXAMPLE.COM/clip.mp4'],
      ['a single-label host', 'http://localhost/clip.mp4'],
      ['an IPv6 host', 'https://[::1]/clip.mp4'],
    ])('accepts video.link as %s', (_label, link) => {
      const result = validateMessage(SendVideoMessageDto, withVideo({ link }));

      expect(result.video).toEqual({ link });
    });

    it.each([
      ['1024 characters', 'c'.repeat(1024)],
      ['1024 emoji (an emoji counts as one character)', '😀'.repeat(1024)],
      ['one character', 'x'],
      ['text with surrounding spaces', '  Demo  '],
    ])('accepts a caption of %s', (_label, caption) => {
      const result = validateMessage(SendVideoMessageDto, withVideo({ link: LINK, caption }));

      expect(result.video).toEqual({ link: LINK, caption });
    });

    it.each([
      ['left out', {}],
      ['"video"', { type: 'video' }],
      ['undefined', { type: undefined }],
    ])('accepts type %s', (_label, type) => {
      const result = validateMessage(SendVideoMessageDto, { ...withVideo({ link: LINK }), ...type });

      expect(result).toEqual({ to: TO, phoneId: PHONE_ID, video: { link: LINK }, ...type });
    });

    it('treats an undefined caption as left out', () => {
      const result = validateMessage(SendVideoMessageDto, withVideo({ link: LINK, caption: undefined }));

      expect(result.video).toEqual({ link: LINK });
    });
  });

  describe('video.link', () => {
    it.each([
      ['javascript:', 'javascript:alert(1)'],
      ['file:', 'file:///etc/passwd'],
      ['ftp:', 'ftp://example.com/clip.mp4'],
      ['mailto:', 'mailto:someone@example.com'],
      ['data:', 'data:video/mp4;base64,AAAA'],
      ['a relative path', '/media/clip.mp4'],
      ['a path without slash', 'clip.mp4'],
      ['a host without scheme', 'example.com/clip.mp4'],
      ['"https://" without host', 'https://'],
      ['a URL with a space', 'https://exa mple.com/clip.mp4'],
      ['a URL with a space in the path', 'https://example.com/my clip.mp4'],
      ['a URL with a leading space', ' https://example.com/clip.mp4'],
      ['a URL with a trailing newline', 'https://example.com/clip.mp4\n'],
      ['an out-of-range port', 'https://example.com:99999/clip.mp4'],
      ['an empty string', ''],
      ['a blank string', '   '],
    ])('refuses %s', (_label, link) => {
      expect(errorsFor(withVideo({ link }))).toEqual([URL_MESSAGE]);
    });

    it.each([
      ['missing', {}, 'video.link is required'],
      ['null', { link: null }, 'video.link is required'],
      ['a number', { link: 123 }, 'video.link must be a string'],
      ['an array', { link: [LINK] }, 'video.link must be a string'],
      ['an object', { link: { href: LINK } }, 'video.link must be a string'],
      ['a boolean', { link: true }, 'video.link must be a string'],
    ])('refuses a link that is %s', (_label, video, expected) => {
      expect(errorsFor(withVideo(video))).toEqual([expected]);
    });

    // URL parsing silently repairs malformed special-scheme URLs (missing or extra slashes,
    // backslashes) but the string is sent as typed, so such links must be refused.
    it.each([
      ['one slash', 'https:/example.com/clip.mp4'],
      ['no slash', 'https:example.com/clip.mp4'],
      ['three slashes', 'https:///example.com/clip.mp4'],
      ['backslashes', 'https:\\\\example.com\\clip.mp4'],
    ])('refuses a malformed URL with %s (sent verbatim otherwise)', (_label, link) => {
      expect(errorsFor(withVideo({ link }))).toEqual([URL_MESSAGE]);
    });
  });

  describe('video.caption', () => {
    it.each([
      ['1025 characters', 'c'.repeat(1025), 'video.caption must be at most 1024 characters'],
      ['1025 emoji', '😀'.repeat(1025), 'video.caption must be at most 1024 characters'],
      ['null', null, 'video.caption must be a string'],
      ['empty', '', 'video.caption must not be empty'],
      ['blank', ' \t\n ', 'video.caption must not be empty'],
      ['a number', 42, 'video.caption must be a string'],
      ['an array', ['Demo'], 'video.caption must be a string'],
    ])('refuses a caption of %s', (_label, caption, expected) => {
      expect(errorsFor(withVideo({ link: LINK, caption }))).toEqual([expected]);
    });
  });

  describe('video object', () => {
    it.each([
      ['missing', undefined, 'video is required'],
      ['null', null, 'video is required'],
      ['a string', LINK, 'video must be an object'],
      ['an array', [{ link: LINK }], 'video must be an object'],
      ['a number', 1, 'video must be an object'],
    ])('refuses video when it is %s', (_label, video, expected) => {
      expect(errorsFor(withVideo(video))).toEqual([expected]);
    });

    it.each([
      ['video.foo', { link: LINK, foo: 1 }],
      ['video.filename', { link: LINK, filename: 'clip.mp4' }],
      ['video.url', { link: LINK, url: LINK }],
    ])('refuses the unknown field %s', (path, video) => {
      expect(errorsFor(withVideo(video))).toEqual([`${path} is not a field Zixflow accepts here; remove it`]);
    });

    it('takes an uploaded media id instead of a link (the AI API; the service refuses it on the campaign API)', () => {
      expect(validateMessage(SendVideoMessageDto, withVideo({ id: '1234', caption: 'Hi' })).video).toEqual({
        id: '1234',
        caption: 'Hi',
      });
    });

    it.each<[string, Record<string, unknown>, string]>([
      [
        'both link and id',
        { link: LINK, id: '1234' },
        'video.id cannot be given with link: send the media by uploaded id or by link, not both',
      ],
      ['neither', { caption: 'Hi' }, 'video.link is required'],
      ['a blank id', { id: ' ' }, 'video.id must not be empty'],
    ])('refuses %s', (_label, video, expected) => {
      expect(errorsFor(withVideo(video))).toEqual([expected]);
    });

    it('refuses an unknown field even when its value is undefined', () => {
      expect(errorsFor(withVideo({ link: LINK, foo: undefined }))).toEqual([
        'video.foo is not a field Zixflow accepts here; remove it',
      ]);
    });

    it('reports every problem of the video object at once', () => {
      expect([...errorsFor(withVideo({ link: 'ftp://x', caption: '', foo: 1 }))].sort()).toEqual(
        [
          URL_MESSAGE,
          'video.caption must not be empty',
          'video.foo is not a field Zixflow accepts here; remove it',
        ].sort(),
      );
    });
  });

  describe('type and other fields', () => {
    it.each([['image'], ['VIDEO'], ['text'], [''], [null], [1]])('refuses type %p', (type) => {
      expect(errorsFor({ ...withVideo({ link: LINK }), type })).toEqual([
        'type must be "video" when calling sendVideo (or be left out)',
      ]);
    });

    it.each([
      ['foo', { foo: 'bar' }],
      ['image', { image: { link: LINK } }],
      ['caption', { caption: 'Demo' }],
    ])('refuses the unknown top-level field %s', (field, extra) => {
      expect(errorsFor({ ...withVideo({ link: LINK }), ...extra })).toEqual([
        `${field} is not a field Zixflow accepts here; remove it`,
      ]);
    });

    it('refuses a message whose media object is under the wrong key', () => {
      expect([...errorsFor({ to: TO, image: { link: LINK } })].sort()).toEqual(
        ['image is not a field Zixflow accepts here; remove it', 'video is required'].sort(),
      );
    });

    it('reports missing required fields of an empty object', () => {
      expect([...errorsFor({})].sort()).toEqual(['to is required', 'video is required']);
    });

    it.each([[null], [undefined], ['video'], [42], [[]], [[{ to: TO, video: { link: LINK } }]], [true]])(
      'refuses the non-object input %p',
      (input) => {
        expect(errorsFor(input)).toEqual(['message must be an object']);
      },
    );
  });
});
