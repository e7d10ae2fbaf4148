import { envelope, validSessionBodies } from './body-checks.spec-helper';
import { checkSessionMessageBody } from './session-message.checks';

describe('checkSessionMessageBody', () => {
  it.each(Object.entries(validSessionBodies))('accepts a valid %s message', (_type, body) => {
    expect(checkSessionMessageBody(body)).toEqual([]);
  });

  it('accepts text exactly at the 4096 limit, counting an emoji as one character', () => {
    const body = { ...envelope, type: 'text', text: { body: '😀'.repeat(4096) } };
    expect(checkSessionMessageBody(body)).toEqual([]);
  });

  it('treats keys set to undefined as absent, because JSON.stringify drops them', () => {
    expect(checkSessionMessageBody({ ...validSessionBodies.text, source: undefined, extra: undefined })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a non-object body', [], 'body: must be a JSON object (got array)'],
    ['missing to', { ...validSessionBodies.text, to: undefined }, 'to: is required'],
    ['a numeric to', { ...validSessionBodies.text, to: 919876543210 }, 'to: must be a string (got number)'],
    [
      'a + prefix on to',
      { ...validSessionBodies.text, to: '+919876543210' },
      `to: must be 7-15 digits in international format, without '+' or a leading 0 (got "+919876543210")`,
    ],
    [
      'a too-short to',
      { ...validSessionBodies.text, to: '123456' },
      `to: must be 7-15 digits in international format, without '+' or a leading 0 (got "123456")`,
    ],
    ['an empty phoneId', { ...validSessionBodies.text, phoneId: ' ' }, 'phoneId: must not be empty'],
    ['missing type', { ...envelope, text: { body: 'x' } }, 'type: is required'],
    [
      'an unsupported type',
      { ...envelope, type: 'sticker', sticker: {} },
      'type: must be one of text, image, video, audio, document, location, interactive (got "sticker")',
    ],
    ['a missing type object', { ...envelope, type: 'image' }, 'image: is required when type is "image"'],
    [
      'a type object that is a string',
      { ...envelope, type: 'text', text: 'hi' },
      'text: must be an object (got string)',
    ],
    [
      'a sibling type object',
      { ...validSessionBodies.video, image: { link: 'https://example.com/a.jpg' } },
      'image: not allowed when type is "video"',
    ],
    [
      'a sibling type object set to null',
      { ...validSessionBodies.text, image: null },
      'image: not allowed when type is "text"',
    ],
    ['an unknown top-level key', { ...validSessionBodies.text, templateName: 'x' }, 'templateName: unknown field'],
    ['an unknown top-level key set to null', { ...validSessionBodies.text, context: null }, 'context: unknown field'],
    ['a null optional field', { ...validSessionBodies.text, source: null }, 'source: must be a string (got null)'],
    [
      'a string linkWithRecord',
      { ...validSessionBodies.text, linkWithRecord: 'true' },
      'linkWithRecord: must be a boolean (got string)',
    ],
    [
      'a numeric submissionStatus',
      { ...validSessionBodies.text, submissionStatus: 1 },
      'submissionStatus: must be a boolean (got number)',
    ],
    [
      'a relative reportURL',
      { ...validSessionBodies.text, reportURL: '/report' },
      'reportURL: must be an absolute http(s) URL (got "/report")',
    ],
    [
      'an empty text body',
      { ...envelope, type: 'text', text: { body: '' } },
      'text.body: must be 1-4096 characters (got 0)',
    ],
    [
      'a 4097-char text body',
      { ...envelope, type: 'text', text: { body: 'x'.repeat(4097) } },
      'text.body: must be 1-4096 characters (got 4097)',
    ],
    [
      'a string preview_url',
      { ...envelope, type: 'text', text: { body: 'x', preview_url: 'yes' } },
      'text.preview_url: must be a boolean (got string)',
    ],
    [
      'an unknown key in text',
      { ...envelope, type: 'text', text: { body: 'x', caption: 'c' } },
      'text.caption: unknown field',
    ],
    ['a missing image link', { ...envelope, type: 'image', image: { caption: 'c' } }, 'image.link: is required'],
    [
      'an ftp video link',
      { ...envelope, type: 'video', video: { link: 'ftp://example.com/v.mp4' } },
      'video.link: must be an absolute http(s) URL (got "ftp://example.com/v.mp4")',
    ],
    [
      'a host-less link',
      { ...envelope, type: 'image', image: { link: 'https:///a.jpg' } },
      'image.link: must be an absolute http(s) URL (got "https:///a.jpg")',
    ],
    [
      'a link with a space',
      { ...envelope, type: 'image', image: { link: 'https://example.com/a b.jpg' } },
      'image.link: must be an absolute http(s) URL (got "https://example.com/a b.jpg")',
    ],
    [
      'a 1025-char caption',
      { ...envelope, type: 'image', image: { link: 'https://e.com/a', caption: 'c'.repeat(1025) } },
      'image.caption: must be at most 1024 characters (got 1025)',
    ],
    [
      'a caption on audio',
      { ...envelope, type: 'audio', audio: { link: 'https://e.com/a.mp3', caption: 'c' } },
      'audio.caption: unknown field',
    ],
    [
      'a numeric document filename',
      { ...envelope, type: 'document', document: { link: 'https://e.com/a', filename: 1 } },
      'document.filename: must be a string (got number)',
    ],
    [
      'a numeric latitude',
      { ...envelope, type: 'location', location: { latitude: 12.9, longitude: '77.5' } },
      'location.latitude: must be a string (got number)',
    ],
    [
      'a latitude out of range',
      { ...envelope, type: 'location', location: { latitude: '90.5', longitude: '77.5' } },
      'location.latitude: must be a decimal string between -90 and 90 (got "90.5")',
    ],
    [
      'a non-decimal longitude',
      { ...envelope, type: 'location', location: { latitude: '1', longitude: '1e2' } },
      'location.longitude: must be a decimal string between -180 and 180 (got "1e2")',
    ],
    [
      'a missing longitude',
      { ...envelope, type: 'location', location: { latitude: '1' } },
      'location.longitude: is required',
    ],
  ])('rejects %s', (_case, body, problem) => {
    expect(checkSessionMessageBody(body)).toContain(problem);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = checkSessionMessageBody({ to: '+1', type: 'location', location: { latitude: 1, longitude: 2 } });
    expect(problems).toEqual([
      `to: must be 7-15 digits in international format, without '+' or a leading 0 (got "+1")`,
      'phoneId: is required',
      'location.latitude: must be a string (got number)',
      'location.longitude: must be a string (got number)',
    ]);
  });
});
