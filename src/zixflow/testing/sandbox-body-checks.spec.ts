import { checkSessionMessageBody, checkTemplateMessageBody } from './sandbox-body-checks';

const envelope = { to: '919876543210', phoneId: '104898309288724' };

const validSessionBodies: Record<string, Record<string, unknown>> = {
  text: { ...envelope, type: 'text', text: { body: 'Hello https://example.com', preview_url: true } },
  image: { ...envelope, type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'A' } },
  video: {
    ...envelope,
    type: 'video',
    video: { link: 'https://example.com/clip.mp4', caption: 'Demo' },
    source: 'API',
    linkWithRecord: false,
    reportURL: 'https://example.com/zixflow/report',
    submissionStatus: true,
  },
  audio: { ...envelope, type: 'audio', audio: { link: 'http://example.com/a.mp3' } },
  document: {
    ...envelope,
    type: 'document',
    document: { link: 'https://example.com/a.pdf', caption: 'Invoice', filename: 'a.pdf' },
  },
  location: {
    ...envelope,
    type: 'location',
    location: { latitude: '-12.9716', longitude: '180', name: 'HQ', address: 'Main St' },
  },
  interactive: {
    ...envelope,
    type: 'interactive',
    interactive: {
      type: 'button',
      header: { type: 'image', image: { link: 'https://example.com/h.png' } },
      body: { text: 'Pick one' },
      footer: { text: 'Thanks' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
          { type: 'reply', reply: { id: 'no', title: 'No' } },
          { type: 'reply', reply: { id: 'later', title: 'Later' } },
        ],
      },
    },
  },
};

const validTemplateBody = {
  ...envelope,
  templateName: 'marketing_sample_2',
  language: 'en_US',
  variables: { video: 'https://example.com/small.mp4' },
  reportURL: 'https://example.com/zixflow/report',
  submissionStatus: true,
};

function withInteractive(patch: Record<string, unknown>): Record<string, unknown> {
  const base = validSessionBodies.interactive.interactive as Record<string, unknown>;
  return { ...validSessionBodies.interactive, interactive: { ...base, ...patch } };
}

function withButtons(buttons: unknown): Record<string, unknown> {
  return withInteractive({ action: { buttons } });
}

const reply = (id: string, title: string): Record<string, unknown> => ({ type: 'reply', reply: { id, title } });

describe('checkSessionMessageBody', () => {
  it.each(Object.entries(validSessionBodies))('accepts a valid %s message', (_type, body) => {
    expect(checkSessionMessageBody(body)).toEqual([]);
  });

  it('accepts every interactive header type and a body without header or footer', () => {
    const headers = [
      { type: 'text', text: 'x'.repeat(60) },
      { type: 'video', video: { link: 'https://example.com/v.mp4' } },
      { type: 'document', document: { link: 'https://example.com/d.pdf' } },
    ];
    for (const header of headers) expect(checkSessionMessageBody(withInteractive({ header }))).toEqual([]);
    expect(checkSessionMessageBody(withInteractive({ header: undefined, footer: undefined }))).toEqual([]);
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
    ['a list interactive', withInteractive({ type: 'list' }), 'interactive.type: must be "button" (got "list")'],
    ['a missing interactive body', withInteractive({ body: undefined }), 'interactive.body: is required'],
    [
      'an empty interactive body text',
      withInteractive({ body: { text: '' } }),
      'interactive.body.text: must be 1-1024 characters (got 0)',
    ],
    [
      'a 1025-char interactive body',
      withInteractive({ body: { text: 'b'.repeat(1025) } }),
      'interactive.body.text: must be 1-1024 characters (got 1025)',
    ],
    [
      'a 61-char footer',
      withInteractive({ footer: { text: 'f'.repeat(61) } }),
      'interactive.footer.text: must be 1-60 characters (got 61)',
    ],
    [
      'a 61-char text header',
      withInteractive({ header: { type: 'text', text: 'h'.repeat(61) } }),
      'interactive.header.text: must be 1-60 characters (got 61)',
    ],
    [
      'an unsupported header type',
      withInteractive({ header: { type: 'audio' } }),
      'interactive.header.type: must be one of text, image, video, document (got "audio")',
    ],
    [
      'a media header without its object',
      withInteractive({ header: { type: 'video' } }),
      'interactive.header.video: is required',
    ],
    [
      'a media header with a bad link',
      withInteractive({ header: { type: 'image', image: { link: 'nope' } } }),
      'interactive.header.image.link: must be an absolute http(s) URL (got "nope")',
    ],
    [
      'a header with a key of another type',
      withInteractive({ header: { type: 'text', text: 'h', image: { link: 'https://e.com/a' } } }),
      'interactive.header.image: unknown field',
    ],
    ['a missing action', withInteractive({ action: undefined }), 'interactive.action: is required'],
    ['no buttons', withButtons([]), 'interactive.action.buttons: must contain 1-3 buttons (got 0)'],
    [
      'four buttons',
      withButtons([reply('1', 'A'), reply('2', 'B'), reply('3', 'C'), reply('4', 'D')]),
      'interactive.action.buttons: must contain 1-3 buttons (got 4)',
    ],
    ['buttons that are not an array', withButtons({}), 'interactive.action.buttons: must be an array (got object)'],
    [
      'a non-reply button',
      withButtons([{ type: 'url', reply: { id: '1', title: 'A' } }]),
      'interactive.action.buttons[0].type: must be "reply" (got "url")',
    ],
    ['a button without reply', withButtons([{ type: 'reply' }]), 'interactive.action.buttons[0].reply: is required'],
    [
      'an extra key on a button',
      withButtons([{ ...reply('1', 'A'), url: 'x' }]),
      'interactive.action.buttons[0].url: unknown field',
    ],
    [
      'a 21-char button title',
      withButtons([reply('1', 't'.repeat(21))]),
      'interactive.action.buttons[0].reply.title: must be 1-20 characters (got 21)',
    ],
    [
      'an empty button id',
      withButtons([reply('', 'A')]),
      'interactive.action.buttons[0].reply.id: must be 1-256 characters (got 0)',
    ],
    [
      'a 257-char button id',
      withButtons([reply('i'.repeat(257), 'A')]),
      'interactive.action.buttons[0].reply.id: must be 1-256 characters (got 257)',
    ],
    [
      'duplicate button titles',
      withButtons([reply('1', 'Yes'), reply('2', 'Yes')]),
      'interactive.action.buttons: reply titles must be unique ("Yes" is repeated)',
    ],
    [
      'duplicate button ids',
      withButtons([reply('1', 'Yes'), reply('1', 'No')]),
      'interactive.action.buttons: reply ids must be unique ("1" is repeated)',
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

describe('checkTemplateMessageBody', () => {
  it('accepts a valid template message', () => {
    expect(checkTemplateMessageBody(validTemplateBody)).toEqual([]);
  });

  it('accepts empty variables for a template without placeholders', () => {
    expect(
      checkTemplateMessageBody({ ...envelope, templateName: 'hello_world', language: 'en', variables: {} }),
    ).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a null body', null, 'body: must be a JSON object (got null)'],
    [
      'a + prefix on to',
      { ...validTemplateBody, to: '+13023895111' },
      `to: must be 7-15 digits in international format, without '+' or a leading 0 (got "+13023895111")`,
    ],
    ['a missing phoneId', { ...validTemplateBody, phoneId: undefined }, 'phoneId: is required'],
    ['a missing templateName', { ...validTemplateBody, templateName: undefined }, 'templateName: is required'],
    ['an empty language', { ...validTemplateBody, language: '' }, 'language: must not be empty'],
    [
      'missing variables',
      { ...validTemplateBody, variables: undefined },
      'variables: is required (send {} when the template has none)',
    ],
    ['variables as an array', { ...validTemplateBody, variables: ['a'] }, 'variables: must be an object (got array)'],
    [
      'a numeric variable',
      { ...validTemplateBody, variables: { otp: 1234 } },
      'variables.otp: must be a string (got number)',
    ],
    [
      'a null variable',
      { ...validTemplateBody, variables: { name: null } },
      'variables.name: must be a string (got null)',
    ],
    ['a type key', { ...validTemplateBody, type: 'template' }, 'type: unknown field'],
    ['an unknown key set to null', { ...validTemplateBody, text: null }, 'text: unknown field'],
    [
      'a non-URL reportURL',
      { ...validTemplateBody, reportURL: 'example.com/report' },
      'reportURL: must be an absolute http(s) URL (got "example.com/report")',
    ],
    [
      'a string submissionStatus',
      { ...validTemplateBody, submissionStatus: 'true' },
      'submissionStatus: must be a boolean (got string)',
    ],
  ])('rejects %s', (_case, body, problem) => {
    expect(checkTemplateMessageBody(body)).toContain(problem);
  });
});
