import { reply, withButtons, withInteractive } from './body-checks.spec-helper';
import { checkSessionMessageBody } from './session-message.checks';

describe('checkSessionMessageBody on interactive (reply buttons) messages', () => {
  it('accepts every interactive header type and a body without header or footer', () => {
    const headers = [
      { type: 'text', text: 'x'.repeat(60) },
      { type: 'video', video: { link: 'https://example.com/v.mp4' } },
      { type: 'document', document: { link: 'https://example.com/d.pdf' } },
    ];
    for (const header of headers) expect(checkSessionMessageBody(withInteractive({ header }))).toEqual([]);
    expect(checkSessionMessageBody(withInteractive({ header: undefined, footer: undefined }))).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    [
      'a carousel interactive',
      withInteractive({ type: 'carousel' }),
      'interactive.type: must be "button" (got "carousel")',
    ],
    [
      'reply buttons marked as a list (checked as a list)',
      withInteractive({ type: 'list' }),
      'interactive.action.button: is required',
    ],
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
});
