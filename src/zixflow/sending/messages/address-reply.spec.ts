import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { addressReply } from './address-reply';
import { ZixflowReplyMessage, ZixflowReplyTarget } from './zixflow-reply-message.type';

const INCOMING: ZixflowReplyTarget = { sender: { number: '919999999999' }, phoneId: '104898309288724' };

function problemsOf(incoming: unknown, reply: unknown): readonly string[] {
  try {
    addressReply(incoming as ZixflowReplyTarget, reply as ZixflowReplyMessage);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowValidationError);
    return (error as ZixflowValidationError).errors;
  }
  throw new Error('expected the reply to be refused');
}

describe('addressReply', () => {
  it('sends to the sender, from the number they wrote to', () => {
    expect(
      addressReply(INCOMING, {
        type: 'video',
        video: { link: 'https://cdn.example.com/v.mp4' },
        reportURL: 'https://example.com/r',
      }),
    ).toEqual({
      type: 'video',
      message: {
        to: '919999999999',
        phoneId: '104898309288724',
        video: { link: 'https://cdn.example.com/v.mp4' },
        reportURL: 'https://example.com/r',
      },
    });
  });

  it('leaves phoneId out when the incoming message has none, so defaultPhoneId applies', () => {
    expect(
      addressReply({ sender: { number: '919999999999' } }, { type: 'text', text: { body: 'Hi' } }).message,
    ).toEqual({
      to: '919999999999',
      text: { body: 'Hi' },
    });
  });

  it('does not modify the caller’s reply', () => {
    const reply: ZixflowReplyMessage = { type: 'text', text: { body: 'Hi' } };
    addressReply(INCOMING, reply);
    expect(reply).toEqual({ type: 'text', text: { body: 'Hi' } });
  });

  it.each<[string, unknown, unknown, string[]]>([
    [
      'no incoming message',
      undefined,
      { type: 'text', text: { body: 'x' } },
      ['incoming.sender.number is required to reply: pass the incoming message'],
    ],
    [
      'a template',
      INCOMING,
      { type: 'template', templateName: 'x' },
      [
        'type must be one of text, image, video, audio, document, location, interactive, sticker, contacts, reaction, list, cta_url, location_request, address_request',
      ],
    ],
    [
      'a missing type',
      INCOMING,
      { text: { body: 'x' } },
      [
        'type must be one of text, image, video, audio, document, location, interactive, sticker, contacts, reaction, list, cta_url, location_request, address_request',
      ],
    ],
    [
      'a reply with to',
      INCOMING,
      { type: 'text', to: '4420', text: { body: 'x' } },
      ['to is taken from the incoming message; remove it from the reply'],
    ],
    [
      'a reply with phoneId',
      INCOMING,
      { type: 'text', phoneId: '1', text: { body: 'x' } },
      ['phoneId is taken from the incoming message; remove it from the reply'],
    ],
    ['a reply that is not an object', INCOMING, 'hello', ['reply must be an object']],
  ])('refuses %s', (_case, incoming, reply, problems) => {
    expect(problemsOf(incoming, reply)).toEqual(problems);
  });
});
