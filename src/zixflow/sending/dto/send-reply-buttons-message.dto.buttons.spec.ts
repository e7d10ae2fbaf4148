import {
  BODY,
  NOT_A_FIELD,
  YES,
  button,
  errorsFor,
  withButtons,
  withInteractive,
} from './send-reply-buttons-message.dto.spec-helper';

describe('SendReplyButtonsMessageDto', () => {
  describe('buttons', () => {
    it.each([
      ['no buttons', [], 'interactive.action.buttons must hold at least 1 button'],
      [
        'four buttons',
        [button('a', 'A'), button('b', 'B'), button('c', 'C'), button('d', 'D')],
        'interactive.action.buttons must hold at most 3 buttons',
      ],
      [
        'duplicate titles',
        [button('a', 'Yes'), button('b', 'Yes')],
        'interactive.action.buttons must have unique titles',
      ],
      [
        'duplicate ids with distinct titles',
        [button('same', 'A'), button('same', 'B')],
        'interactive.action.buttons must have unique ids',
      ],
      [
        'a title of 21 characters',
        [YES, button('b', 't'.repeat(21))],
        'interactive.action.buttons.1.reply.title must be at most 20 characters',
      ],
      [
        'a title of 21 emoji',
        [button('a', '👍'.repeat(21))],
        'interactive.action.buttons.0.reply.title must be at most 20 characters',
      ],
      [
        'an id of 257 characters',
        [button('i'.repeat(257), 'A')],
        'interactive.action.buttons.0.reply.id must be at most 256 characters',
      ],
      ['an empty title', [YES, button('c', '')], 'interactive.action.buttons.1.reply.title must not be empty'],
      ['a blank id', [button('  ', 'A')], 'interactive.action.buttons.0.reply.id must not be empty'],
      [
        'a numeric title',
        [{ type: 'reply', reply: { id: 'a', title: 1 } }],
        'interactive.action.buttons.0.reply.title must be a string',
      ],
      [
        'a numeric id',
        [{ type: 'reply', reply: { id: 7, title: 'A' } }],
        'interactive.action.buttons.0.reply.id must be a string',
      ],
      [
        'a button type "url"',
        [{ type: 'url', reply: { id: 'a', title: 'A' } }],
        'interactive.action.buttons.0.type must be "reply"',
      ],
      [
        'a button type "REPLY"',
        [{ type: 'REPLY', reply: { id: 'a', title: 'A' } }],
        'interactive.action.buttons.0.type must be "reply"',
      ],
      ['a button without type', [{ reply: { id: 'a', title: 'A' } }], 'interactive.action.buttons.0.type is required'],
      ['a button without reply', [{ type: 'reply' }], 'interactive.action.buttons.0.reply is required'],
      ['a reply that is null', [{ type: 'reply', reply: null }], 'interactive.action.buttons.0.reply is required'],
      [
        'a reply that is a string',
        [{ type: 'reply', reply: 'Yes' }],
        'interactive.action.buttons.0.reply must be an object',
      ],
      ['a button that is null', [null], 'interactive.action.buttons.0 must be an object'],
      ['a button that is a string', ['Yes'], 'interactive.action.buttons.0 must be an object'],
      [
        'an unknown button field',
        [{ ...YES, url: 'https://example.com' }],
        `interactive.action.buttons.0.url ${NOT_A_FIELD}`,
      ],
      [
        'an unknown reply field',
        [{ type: 'reply', reply: { id: 'a', title: 'A', payload: 'x' } }],
        `interactive.action.buttons.0.reply.payload ${NOT_A_FIELD}`,
      ],
      ['buttons missing', undefined, 'interactive.action.buttons is required'],
      ['buttons null', null, 'interactive.action.buttons is required'],
    ])('refuses %s', (_label, buttons, expected) => {
      expect(errorsFor(withButtons(buttons))).toEqual([expected]);
    });

    it('reports a reply with neither id nor title', () => {
      expect(errorsFor(withButtons([{ type: 'reply', reply: {} }]))).toEqual([
        'interactive.action.buttons.0.reply.id is required',
        'interactive.action.buttons.0.reply.title is required',
      ]);
    });

    it('reports problems in several buttons, each by index', () => {
      const buttons = [
        YES,
        { type: 'reply', reply: { id: '', title: 't'.repeat(21) } },
        { type: 'reply', reply: { id: 'c', title: 5 } },
      ];

      expect(errorsFor(withButtons(buttons))).toEqual([
        'interactive.action.buttons.1.reply.id must not be empty',
        'interactive.action.buttons.1.reply.title must be at most 20 characters',
        'interactive.action.buttons.2.reply.title must be a string',
      ]);
    });

    it('reports duplicate titles together with per-button problems', () => {
      const long = 't'.repeat(21);

      expect(errorsFor(withButtons([button('a', long), button('b', long)]))).toEqual([
        'interactive.action.buttons must have unique titles',
        'interactive.action.buttons.0.reply.title must be at most 20 characters',
        'interactive.action.buttons.1.reply.title must be at most 20 characters',
      ]);
    });

    it('refuses buttons given as a single object', () => {
      expect(errorsFor(withButtons(YES))).toEqual(['interactive.action.buttons must be a list of 1 to 3 buttons']);
    });

    it('refuses buttons given as a string with one line about buttons', () => {
      expect(errorsFor(withButtons('Yes'))).toEqual([expect.stringMatching(/^interactive\.action\.buttons must /)]);
    });

    // A non-array `buttons` is reported as a list problem, not as "must be an object".
    it.each([
      ['a string', 'Yes'],
      ['a number', 3],
      ['true', true],
    ])('tells the caller buttons must be a list when it is %s', (_label, buttons) => {
      expect(errorsFor(withButtons(buttons))).toEqual(['interactive.action.buttons must be a list of 1 to 3 buttons']);
    });

    // An object where the list belongs gets one line about the list, not lines about its inside.
    it('refuses a button-like object instead of a list with a single line', () => {
      expect(errorsFor(withButtons({ type: 'reply' }))).toEqual([
        'interactive.action.buttons must be a list of 1 to 3 buttons',
      ]);
    });

    // Buttons that lack a title are not duplicates of each other.
    it('does not report missing titles as duplicates', () => {
      expect(errorsFor(withButtons([{ type: 'reply' }, { type: 'reply' }]))).toEqual([
        'interactive.action.buttons.0.reply is required',
        'interactive.action.buttons.1.reply is required',
      ]);
    });

    it.each([
      ['missing', undefined, 'interactive.action is required'],
      ['null', null, 'interactive.action is required'],
      ['a list of buttons', [YES], 'interactive.action must be an object'],
    ])('refuses action when it is %s', (_label, action, expected) => {
      expect(errorsFor(withInteractive({ body: BODY, action }))).toContain(expected);
    });

    it.each([
      ['sections (list messages)', { sections: [] }],
      ['button (list messages)', { button: 'Menu' }],
    ])('refuses action.%s', (_label, extra) => {
      const field = Object.keys(extra)[0];

      expect(errorsFor(withInteractive({ body: BODY, action: { buttons: [YES], ...extra } }))).toEqual([
        `interactive.action.${field} ${NOT_A_FIELD}`,
      ]);
    });
  });
});
