import { validateMessage } from '../validation/validate-message';
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
import {
  BODY,
  NOT_A_FIELD,
  PHONE_ID,
  TO,
  YES,
  button,
  errorsFor,
  withButtons,
  withHeader,
  withInteractive,
} from './send-reply-buttons-message.dto.spec-helper';

// Valid messages, and the body, footer, interactive.type and message-level checks. Buttons and
// headers are refused in send-reply-buttons-message.dto.buttons.spec.ts and .header.spec.ts.

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
