import { validateMessage } from '../validation/validate-message';
import { validationErrorsOf } from './dto.spec-helper';
import { MediaLinkDto } from './media-link.dto';
import {
  InteractiveBodyDto,
  InteractiveHeaderDto,
  InteractiveReplyButtonsDto,
  ReplyButtonDto,
  ReplyButtonReplyDto,
  ReplyButtonsActionDto,
  SendReplyButtonsMessageDto,
} from './send-reply-buttons-message.dto';

const TO = '13023895111';
const PHONE_ID = '104898309288724';
const BODY = { text: 'Was your delivery on time?' };
const NOT_A_FIELD = 'is not a field Zixflow accepts here; remove it';

interface Button {
  type: string;
  reply: { id: string; title: string };
}

function button(id: string, title: string): Button {
  return { type: 'reply', reply: { id, title } };
}

const YES = button('yes', 'Yes');

/** A valid message whose `interactive` object is `interactive`. */
function withInteractive(interactive: unknown): Record<string, unknown> {
  return { to: TO, phoneId: PHONE_ID, interactive };
}

/** A valid message with the given buttons (and optional extra interactive fields). */
function withButtons(buttons: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return withInteractive({ body: BODY, action: { buttons }, ...extra });
}

/** A valid message with the given header. */
function withHeader(header: unknown): Record<string, unknown> {
  return withButtons([YES], { header });
}

const errorsFor = (input: unknown): readonly string[] => validationErrorsOf(SendReplyButtonsMessageDto, input);

describe('SendReplyButtonsMessageDto', () => {
  describe('valid messages', () => {
    it('accepts a minimal message: one button and a body', () => {
      const result = validateMessage(SendReplyButtonsMessageDto, {
        to: '+1 (302) 389-5111',
        interactive: { body: BODY, action: { buttons: [YES] } },
      });

      expect(result).toBeInstanceOf(SendReplyButtonsMessageDto);
      expect(result.interactive).toBeInstanceOf(InteractiveReplyButtonsDto);
      expect(result.interactive.body).toBeInstanceOf(InteractiveBodyDto);
      expect(result.interactive.action).toBeInstanceOf(ReplyButtonsActionDto);
      expect(result.interactive.action.buttons[0]).toBeInstanceOf(ReplyButtonDto);
      expect(result.interactive.action.buttons[0].reply).toBeInstanceOf(ReplyButtonReplyDto);
      expect(result).toEqual({ to: TO, interactive: { body: BODY, action: { buttons: [YES] } } });
      expect(Object.keys(result.interactive).sort()).toEqual(['action', 'body']);
    });

    it('accepts a full message with header, footer and three buttons unchanged', () => {
      const message = {
        to: TO,
        phoneId: PHONE_ID,
        type: 'interactive',
        interactive: {
          type: 'button',
          header: { type: 'text', text: 'Order #42 🚚' },
          body: { text: 'Was your delivery *on time*? https://example.com/o/42' },
          footer: { text: 'Reply to rate us' },
          action: { buttons: [button('yes', 'Yes'), button('no', 'No'), button('later', 'Ask me later')] },
        },
        source: 'Survey',
        linkWithRecord: true,
        reportURL: 'https://example.com/zixflow/report',
        submissionStatus: true,
      };

      expect(validateMessage(SendReplyButtonsMessageDto, message)).toEqual(message);
    });

    it.each([
      ['image', { type: 'image', image: { link: 'https://example.com/h.jpg' } }],
      ['video', { type: 'video', video: { link: 'https://example.com/h.mp4' } }],
      ['document', { type: 'document', document: { link: 'http://127.0.0.1:8080/x' } }],
      ['text of 60 characters', { type: 'text', text: 'h'.repeat(60) }],
      ['text of 60 emoji', { type: 'text', text: '🎉'.repeat(60) }],
    ])('accepts a %s header', (_label, header) => {
      const result = validateMessage(SendReplyButtonsMessageDto, withHeader(header));

      expect(result.interactive.header).toBeInstanceOf(InteractiveHeaderDto);
      expect(result.interactive.header).toEqual(header);
    });

    it('builds the media header as a MediaLinkDto', () => {
      const result = validateMessage(
        SendReplyButtonsMessageDto,
        withHeader({ type: 'image', image: { link: 'https://example.com/h.jpg' } }),
      );

      expect(result.interactive.header?.image).toBeInstanceOf(MediaLinkDto);
    });

    it.each([
      ['two buttons', [button('a', 'A'), button('b', 'B')]],
      ['a title of 20 characters', [button('a', 't'.repeat(20))]],
      ['a title of 20 emoji', [button('a', '👍'.repeat(20))]],
      ['an id of 256 characters', [button('i'.repeat(256), 'A')]],
      ['titles that differ only in case', [button('a', 'Yes'), button('b', 'yes')]],
    ])('accepts %s', (_label, buttons) => {
      expect(validateMessage(SendReplyButtonsMessageDto, withButtons(buttons)).interactive.action.buttons).toEqual(
        buttons,
      );
    });

    it.each([
      ['a body of 1024 characters', { body: { text: 'b'.repeat(1024) } }],
      ['a footer of 60 characters', { footer: { text: 'f'.repeat(60) } }],
    ])('accepts %s', (_label, extra) => {
      const interactive = { body: BODY, action: { buttons: [YES] }, ...extra };

      expect(validateMessage(SendReplyButtonsMessageDto, withInteractive(interactive)).interactive).toEqual(
        interactive,
      );
    });
  });

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

  describe('header', () => {
    it.each([
      ['text without text', { type: 'text' }, 'interactive.header.text is required when header.type is "text"'],
      ['image without image', { type: 'image' }, 'interactive.header.image is required when header.type is "image"'],
      ['video without video', { type: 'video' }, 'interactive.header.video is required when header.type is "video"'],
      [
        'document without document',
        { type: 'document' },
        'interactive.header.document is required when header.type is "document"',
      ],
      [
        'text with an image',
        { type: 'text', text: 'Hi', image: { link: 'https://example.com/h.jpg' } },
        'interactive.header.image is only allowed when header.type is "image"',
      ],
      [
        'image with text',
        { type: 'image', text: 'Hi', image: { link: 'https://example.com/h.jpg' } },
        'interactive.header.text is only allowed when header.type is "text"',
      ],
      [
        'video with a document',
        {
          type: 'video',
          video: { link: 'https://example.com/v.mp4' },
          document: { link: 'https://example.com/d.pdf' },
        },
        'interactive.header.document is only allowed when header.type is "document"',
      ],
      [
        'text of 61 characters',
        { type: 'text', text: 'h'.repeat(61) },
        'interactive.header.text must be at most 60 characters',
      ],
      [
        'text of 61 emoji',
        { type: 'text', text: '🎉'.repeat(61) },
        'interactive.header.text must be at most 60 characters',
      ],
      ['blank text', { type: 'text', text: '  ' }, 'interactive.header.text must not be empty'],
      ['null text', { type: 'text', text: null }, 'interactive.header.text is required'],
      ['numeric text', { type: 'text', text: 60 }, 'interactive.header.text must be a string'],
      ['image without link', { type: 'image', image: {} }, 'interactive.header.image.link is required'],
      [
        'image as a string',
        { type: 'image', image: 'https://example.com/h.jpg' },
        'interactive.header.image must be an object',
      ],
      ['image that is null', { type: 'image', image: null }, 'interactive.header.image is required'],
      [
        'image with a javascript: link',
        { type: 'image', image: { link: 'javascript:alert(1)' } },
        'interactive.header.image.link must be an http or https URL, e.g. https://example.com/media.mp4',
      ],
      [
        'video with a relative link',
        { type: 'video', video: { link: '/h.mp4' } },
        'interactive.header.video.link must be an http or https URL, e.g. https://example.com/media.mp4',
      ],
      [
        'image with a caption',
        { type: 'image', image: { link: 'https://example.com/h.jpg', caption: 'c' } },
        `interactive.header.image.caption ${NOT_A_FIELD}`,
      ],
      [
        'type "sticker"',
        { type: 'sticker' },
        'interactive.header.type must be one of "text", "image", "video", "document"',
      ],
      ['an unknown field', { type: 'text', text: 'Hi', link: 'x' }, `interactive.header.link ${NOT_A_FIELD}`],
      ['null', null, 'interactive.header must be an object'],
      ['a string', 'Hi', 'interactive.header must be an object'],
    ])('refuses a header: %s', (_label, header, expected) => {
      expect(errorsFor(withHeader(header))).toEqual([expected]);
    });

    // With a wrong or missing type, the type line comes with a second line about the field of the
    // intended type (see the report: arguably noise), so only the type line is pinned here.
    it.each([
      ['without type', { text: 'Hi' }, 'interactive.header.type is required'],
      [
        'with type "TEXT"',
        { type: 'TEXT', text: 'Hi' },
        'interactive.header.type must be one of "text", "image", "video", "document"',
      ],
      [
        'with type "photo"',
        { type: 'photo', image: { link: 'https://example.com/h.jpg' } },
        'interactive.header.type must be one of "text", "image", "video", "document"',
      ],
    ])('refuses a header %s', (_label, header, expected) => {
      const errors = errorsFor(withHeader(header));

      expect(errors[0]).toBe(expected);
      expect(errors).toHaveLength(2);
    });
  });

  describe('body, footer and interactive.type', () => {
    it.each([
      ['body missing', { action: { buttons: [YES] } }, 'interactive.body is required'],
      ['body null', { body: null, action: { buttons: [YES] } }, 'interactive.body is required'],
      ['body as a string', { body: 'Hi', action: { buttons: [YES] } }, 'interactive.body must be an object'],
      [
        'body text of 1025 characters',
        { body: { text: 'b'.repeat(1025) }, action: { buttons: [YES] } },
        'interactive.body.text must be at most 1024 characters',
      ],
      [
        'body text blank',
        { body: { text: ' \n ' }, action: { buttons: [YES] } },
        'interactive.body.text must not be empty',
      ],
      ['body text missing', { body: {}, action: { buttons: [YES] } }, 'interactive.body.text is required'],
      [
        'body text a number',
        { body: { text: 5 }, action: { buttons: [YES] } },
        'interactive.body.text must be a string',
      ],
      [
        'footer of 61 characters',
        { body: BODY, footer: { text: 'f'.repeat(61) }, action: { buttons: [YES] } },
        'interactive.footer.text must be at most 60 characters',
      ],
      ['footer null', { body: BODY, footer: null, action: { buttons: [YES] } }, 'interactive.footer must be an object'],
      [
        'footer as a string',
        { body: BODY, footer: 'small print', action: { buttons: [YES] } },
        'interactive.footer must be an object',
      ],
      [
        'footer text empty',
        { body: BODY, footer: { text: '' }, action: { buttons: [YES] } },
        'interactive.footer.text must not be empty',
      ],
      [
        'interactive.type "list"',
        { type: 'list', body: BODY, action: { buttons: [YES] } },
        'interactive.type must be "button"',
      ],
      [
        'interactive.type "cta_url"',
        { type: 'cta_url', body: BODY, action: { buttons: [YES] } },
        'interactive.type must be "button"',
      ],
      [
        'interactive.type null',
        { type: null, body: BODY, action: { buttons: [YES] } },
        'interactive.type must be "button"',
      ],
      [
        'an unknown interactive field',
        { body: BODY, action: { buttons: [YES] }, foo: 1 },
        `interactive.foo ${NOT_A_FIELD}`,
      ],
    ])('refuses %s', (_label, interactive, expected) => {
      expect(errorsFor(withInteractive(interactive))).toEqual([expected]);
    });

    it.each([
      ['missing', undefined, 'interactive is required'],
      ['null', null, 'interactive is required'],
      ['an array', [], 'interactive must be an object'],
      ['a string', 'buttons', 'interactive must be an object'],
    ])('refuses interactive when it is %s', (_label, interactive, expected) => {
      expect(errorsFor(withInteractive(interactive))).toEqual([expected]);
    });

    it.each([['button'], ['text'], ['reply_buttons'], [null]])('refuses message type %p', (type) => {
      expect(errorsFor({ ...withButtons([YES]), type })).toEqual([
        'type must be "interactive" when calling sendReplyButtons (or be left out)',
      ]);
    });

    it.each([[null], ['interactive'], [3], [[]]])('refuses the non-object input %p', (input) => {
      expect(errorsFor(input)).toEqual(['message must be an object']);
    });
  });
});
