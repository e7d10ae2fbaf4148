import { ZixflowWebhookPayloadError } from '../errors/zixflow-webhook-payload.error';
import { isOtherWebhookEvent, parseZixflowIncomingMessage } from './parse-incoming-message';

const RECEIVED_AT = new Date('2026-01-02T03:04:05.000Z');

/** The payload as Zixflow documents it (zixflow-api.md §4.3). */
function documented(message: unknown = { type: 'text', text: { body: 'Hi' } }): Record<string, unknown> {
  return {
    event: 'incoming.whatsapp.message',
    eventId: '3472dff5-7c06-40e6-be06-a28a335ac263',
    timestamp: 1744346001738,
    phoneId: '104898309288724',
    wabaId: '102290129340398',
    messageId: 'wamid.HBgMOTE5OTk5OTk5OTk5FQIAEhgg',
    sender: { name: 'John Doe', number: '919999999999' },
    message,
  };
}

function problemsOf(payload: unknown): readonly string[] {
  try {
    parseZixflowIncomingMessage(payload, RECEIVED_AT);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowWebhookPayloadError);
    return (error as ZixflowWebhookPayloadError).problems;
  }
  throw new Error('expected the payload to be refused');
}

describe('parseZixflowIncomingMessage', () => {
  it('parses the documented payload', () => {
    const payload = documented();
    expect(parseZixflowIncomingMessage(payload, RECEIVED_AT)).toEqual({
      eventId: '3472dff5-7c06-40e6-be06-a28a335ac263',
      timestamp: new Date(1744346001738),
      receivedAt: RECEIVED_AT,
      phoneId: '104898309288724',
      wabaId: '102290129340398',
      messageId: 'wamid.HBgMOTE5OTk5OTk5OTk5FQIAEhgg',
      sender: { name: 'John Doe', number: '919999999999' },
      message: { type: 'text', text: { body: 'Hi' } },
      raw: payload,
    });
  });

  it.each<[string, unknown, Record<string, unknown>]>([
    ['an emoji-only text', { type: 'text', text: { body: '👍' } }, { type: 'text', text: { body: '👍' } }],
    ['a text given as a bare string', { type: 'text', text: 'hello' }, { type: 'text', text: { body: 'hello' } }],
    [
      'an image (documented fields)',
      {
        type: 'image',
        image: {
          caption: 'Receipt',
          mime_type: 'image/jpeg',
          link: 'https://cdn.zixflow.com/a.jpg',
          name: 'a.jpg',
          size: 52311,
        },
      },
      {
        type: 'image',
        image: {
          caption: 'Receipt',
          mimeType: 'image/jpeg',
          link: 'https://cdn.zixflow.com/a.jpg',
          name: 'a.jpg',
          size: 52311,
        },
      },
    ],
    [
      'a video with only a caption',
      { type: 'video', video: { caption: 'Unboxing' } },
      {
        type: 'video',
        video: { caption: 'Unboxing', mimeType: undefined, link: undefined, name: undefined, size: undefined },
      },
    ],
    [
      'an audio note',
      { type: 'audio', audio: { link: 'https://cdn.zixflow.com/a.ogg', mime_type: 'audio/ogg; codecs=opus' } },
      {
        type: 'audio',
        audio: {
          link: 'https://cdn.zixflow.com/a.ogg',
          mimeType: 'audio/ogg; codecs=opus',
          caption: undefined,
          name: undefined,
          size: undefined,
        },
      },
    ],
    [
      'a document with filename and a numeric-string size',
      { type: 'document', document: { url: 'https://cdn.zixflow.com/i.pdf', filename: 'invoice.pdf', size: '1024' } },
      {
        type: 'document',
        document: {
          link: 'https://cdn.zixflow.com/i.pdf',
          name: 'invoice.pdf',
          size: 1024,
          caption: undefined,
          mimeType: undefined,
        },
      },
    ],
    [
      'a location with string coordinates',
      { type: 'location', location: { latitude: '12.9716', longitude: 77.5946, name: 'HQ', address: 'MG Road' } },
      { type: 'location', location: { latitude: 12.9716, longitude: 77.5946, name: 'HQ', address: 'MG Road' } },
    ],
    [
      "Meta's interactive button_reply",
      {
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'track', title: 'Track order' } },
      },
      { type: 'reply', reply: { id: 'track', title: 'Track order', description: undefined, source: 'button_reply' } },
    ],
    [
      "Meta's interactive list_reply",
      {
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'row-2', title: 'Returns', description: 'Send it back' } },
      },
      { type: 'reply', reply: { id: 'row-2', title: 'Returns', description: 'Send it back', source: 'list_reply' } },
    ],
    [
      'an interactive reply without interactive.type',
      { type: 'interactive', interactive: { button_reply: { id: 'yes', title: 'Yes' } } },
      { type: 'reply', reply: { id: 'yes', title: 'Yes', description: undefined, source: 'button_reply' } },
    ],
    [
      'a flattened button_reply',
      { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
      { type: 'reply', reply: { id: 'yes', title: 'Yes', description: undefined, source: 'button_reply' } },
    ],
    [
      'a template quick-reply button { payload, text }',
      { type: 'button', button: { payload: 'track', text: 'Track order' } },
      { type: 'reply', reply: { id: 'track', title: 'Track order', description: undefined, source: 'button' } },
    ],
    [
      'a template button without payload (the text is the id)',
      { type: 'button', button: { text: 'Stop' } },
      { type: 'reply', reply: { id: 'Stop', title: 'Stop', description: undefined, source: 'button' } },
    ],
  ])('parses %s', (_case, message, expected) => {
    expect(parseZixflowIncomingMessage(documented(message), RECEIVED_AT).message).toEqual(expected);
  });

  it.each<[string, unknown, string | undefined]>([
    ['a type it does not model', { type: 'sticker', sticker: { link: 'https://x/s.webp' } }, 'sticker'],
    ['a reaction', { type: 'reaction', reaction: { emoji: '❤️', message_id: 'wamid.1' } }, 'reaction'],
    ['a text without body', { type: 'text', text: {} }, 'text'],
    ['an image whose image is a string', { type: 'image', image: 'https://x/a.jpg' }, 'image'],
    ['a location out of range', { type: 'location', location: { latitude: 91, longitude: 0 } }, 'location'],
    [
      'a location with words for numbers',
      { type: 'location', location: { latitude: 'north', longitude: '1' } },
      'location',
    ],
    [
      'an interactive reply without id',
      { type: 'interactive', interactive: { type: 'button_reply', button_reply: { title: 'Yes' } } },
      'interactive',
    ],
    [
      'an interactive nfm_reply',
      { type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: {} } },
      'interactive',
    ],
    ['a button with neither payload nor text', { type: 'button', button: {} }, 'button'],
    ['a message without type', { text: { body: 'hi' } }, undefined],
    ['a prototype key as type', { type: 'constructor' }, 'constructor'],
  ])('turns %s into unknown, keeping the raw object', (_case, message, originalType) => {
    expect(parseZixflowIncomingMessage(documented(message), RECEIVED_AT).message).toEqual({
      type: 'unknown',
      originalType,
      raw: message,
    });
  });

  it.each([undefined, null, 'hi', ['text']])(
    'turns a message of %j into unknown with an empty raw object',
    (message) => {
      expect(parseZixflowIncomingMessage({ ...documented(), message }, RECEIVED_AT).message).toEqual({
        type: 'unknown',
        originalType: undefined,
        raw: {},
      });
    },
  );

  it.each<[string, unknown, Date]>([
    ['epoch milliseconds', 1744346001738, new Date(1744346001738)],
    ['epoch milliseconds as a string', '1744346001738', new Date(1744346001738)],
    ['epoch seconds', 1744346001, new Date(1744346001000)],
    ['ISO-8601 with nanoseconds', '2026-01-28T17:17:59.254174911Z', new Date('2026-01-28T17:17:59.254Z')],
    ['a missing timestamp', undefined, RECEIVED_AT],
    ['garbage', 'yesterday', RECEIVED_AT],
    ['zero', 0, RECEIVED_AT],
    ['a negative number', -5, RECEIVED_AT],
  ])('reads the timestamp from %s', (_case, timestamp, expected) => {
    expect(parseZixflowIncomingMessage({ ...documented(), timestamp }, RECEIVED_AT).timestamp).toEqual(expected);
  });

  it('reads ids given as numbers, and leaves missing ones undefined', () => {
    const payload = { ...documented(), phoneId: 104898309288724, wabaId: undefined, messageId: '' };
    const parsed = parseZixflowIncomingMessage(payload, RECEIVED_AT);
    expect([parsed.phoneId, parsed.wabaId, parsed.messageId]).toEqual(['104898309288724', undefined, undefined]);
  });

  it('reduces a formatted sender number to digits and tolerates a missing name', () => {
    const parsed = parseZixflowIncomingMessage({ ...documented(), sender: { number: '+91 99999-99999' } }, RECEIVED_AT);
    expect(parsed.sender).toEqual({ name: undefined, number: '919999999999' });
  });

  it.each<[string, unknown, string[]]>([
    ['an array', [], ['body must be a JSON object']],
    ['null', null, ['body must be a JSON object']],
    ['a string', 'hi', ['body must be a JSON object']],
    [
      'an empty object',
      {},
      ['eventId is required (a non-empty string)', 'sender is required (an object with the customer number)'],
    ],
    ['a blank eventId', { ...documented(), eventId: '  ' }, ['eventId is required (a non-empty string)']],
    ['a numeric eventId', { ...documented(), eventId: 42 }, ['eventId is required (a non-empty string)']],
    ['a huge eventId', { ...documented(), eventId: 'e'.repeat(201) }, ['eventId must be at most 200 characters']],
    [
      'a sender without number',
      { ...documented(), sender: { name: 'Ann' } },
      ['sender.number is required (country code and number, digits only)'],
    ],
    [
      'a sender number with letters',
      { ...documented(), sender: { number: 'abc123456' } },
      ['sender.number is required (country code and number, digits only)'],
    ],
    [
      'a sender given as a string',
      { ...documented(), sender: '919999999999' },
      ['sender is required (an object with the customer number)'],
    ],
  ])('refuses %s', (_case, payload, problems) => {
    expect(problemsOf(payload)).toEqual(problems);
  });

  it('never puts the sender number into a problem', () => {
    const problems = problemsOf({ ...documented(), eventId: undefined });
    expect(problems.join(' ')).not.toContain('919999999999');
  });
});

describe('isOtherWebhookEvent', () => {
  it.each<[unknown, boolean]>([
    ['incoming.whatsapp.message', false],
    [undefined, false],
    ['incoming.rcs.message', true],
  ])('event %j → %s', (event, expected) => {
    expect(isOtherWebhookEvent({ event })).toBe(expected);
  });
});
