import type { LoggedConversation } from '../sandbox-conversation.log';
import type { SandboxConversationEntry } from '../zixflow-sandbox.types';
import { incomingContentView, outgoingContentView } from './inbox-content.view';
import { conversationView, previewOf } from './inbox-conversation.view';

const ai = { recipient: '919876543210', phone_id: '100000000000001' };

describe('the inbox views of the AI API bodies and the new kinds', () => {
  it('reads an AI body by the kind the sandbox recorded (it has no type)', () => {
    expect(outgoingContentView({ ...ai, text: { body: 'Hi' } }, 'text')).toEqual({
      kind: 'text',
      text: [{ text: 'Hi' }],
    });
    expect(outgoingContentView({ ...ai, template_name: 'welcome', language: 'en' }, 'template')).toMatchObject({
      kind: 'template',
      name: 'welcome',
    });
  });

  it('shows a list with its menu button and the rows a customer can pick', () => {
    const interactive = {
      type: 'list',
      header: { type: 'text', text: 'Support' },
      body: { text: 'Pick one' },
      action: {
        button: 'Options',
        sections: [
          { title: 'Orders', rows: [{ id: 'track', title: 'Track', description: 'Where is it?' }, { junk: 1 }] },
        ],
      },
    };
    const view = {
      kind: 'list',
      header: 'Support',
      body: [{ text: 'Pick one' }],
      button: 'Options',
      sections: [{ title: 'Orders', rows: [{ id: 'track', title: 'Track', description: 'Where is it?' }] }],
    };
    expect(outgoingContentView({ ...ai, interactive }, 'list')).toEqual(view);
    // The campaign API's inferred list: type "interactive" with interactive.type "list".
    expect(outgoingContentView({ to: '1', phoneId: '2', type: 'interactive', interactive })).toEqual(view);
  });

  it('shows a CTA URL button as a checked link, and a javascript: address as text only', () => {
    const cta = (url: string): Record<string, unknown> => ({
      ...ai,
      interactive: {
        body: { text: 'Track it' },
        action: { name: 'cta_url', parameters: { display_text: 'Open', url } },
      },
    });
    expect(outgoingContentView(cta('https://shop.example.com/o/1'), 'cta_url')).toMatchObject({
      kind: 'cta-url',
      label: 'Open',
      link: { href: 'https://shop.example.com/o/1' },
    });
    expect(outgoingContentView(cta('javascript:alert(1)'), 'cta_url')).toMatchObject({
      link: { text: 'javascript:alert(1)' },
    });
    expect((outgoingContentView(cta('javascript:alert(1)'), 'cta_url') as { link: object }).link).not.toHaveProperty(
      'href',
    );
  });

  it('shows location and address requests, contact cards, a sticker and media by id', () => {
    const request = { interactive: { body: { text: 'Where?' }, action: { name: 'send_location' } } };
    expect(outgoingContentView({ ...ai, ...request }, 'location_request')).toEqual({
      kind: 'location-request',
      body: [{ text: 'Where?' }],
    });
    const address = {
      interactive: { body: { text: 'Address?' }, action: { parameters: { country: 'IN', values: { city: 'Pune' } } } },
    };
    expect(outgoingContentView({ ...ai, ...address }, 'address_request')).toEqual({
      kind: 'address-request',
      body: [{ text: 'Address?' }],
      country: 'IN',
      values: [{ name: 'city', value: 'Pune' }],
    });
    const contacts = [{ name: { formatted_name: 'Ada' }, phones: [{ phone: '+44 20' }], org: { company: 'AE' } }];
    expect(outgoingContentView({ ...ai, contacts }, 'contacts')).toEqual({
      kind: 'contacts',
      contacts: [{ name: 'Ada', phones: ['+44 20'], emails: [], org: 'AE' }],
    });
    expect(outgoingContentView({ ...ai, sticker: { id: 's-1' } }, 'sticker')).toEqual({
      kind: 'media',
      media: 'sticker',
      mediaId: 's-1',
    });
  });

  it('shows a picked list row as a tap from a list, and a customer contacts message', () => {
    expect(
      incomingContentView({
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'a', title: 'A' } },
      }),
    ).toEqual({ kind: 'button-tap', id: 'a', title: 'A', fromList: true });
    expect(incomingContentView({ type: 'contacts', contacts: [{ name: { formatted_name: 'Bo' } }] })).toMatchObject({
      kind: 'contacts',
    });
  });

  it.each<[Parameters<typeof previewOf>[0], string]>([
    [{ kind: 'list', body: [{ text: 'Pick' }], button: 'Go', sections: [] }, 'Pick'],
    [{ kind: 'contacts', contacts: [{ name: 'Ada', phones: [], emails: [] }] }, 'Contact: Ada'],
    [{ kind: 'reaction', emoji: '👍', messageId: 'w' }, 'Reacted 👍'],
  ])('previews %j', (content, preview) => {
    expect(previewOf(content)).toBe(preview);
  });
});

describe('reactions in a conversation', () => {
  const at = new Date('2026-01-02T03:04:05Z');
  const incoming = (id: string, message: Record<string, unknown>): SandboxConversationEntry => ({
    direction: 'incoming',
    id,
    at,
    eventId: `e-${id}`,
    message,
    webhook: { status: 200 },
  });
  const reaction = (id: string, target: string, emoji: string): SandboxConversationEntry => ({
    direction: 'outgoing',
    id,
    at,
    status: 'sent',
    path: '/api/ingest/whatsapp/v1/message/reaction/send',
    kind: 'reaction',
    body: { ...ai, reaction: { message_id: target, emoji } },
  });
  const viewOf = (entries: SandboxConversationEntry[]): ReturnType<typeof conversationView> =>
    conversationView({
      conversation: { id: 'c', customer: '919876543210', phoneId: '1', entries },
      revision: 1,
    } as LoggedConversation);

  it('draws the latest reaction of each side on the bubble it reacts to, and "" takes it back', () => {
    const view = viewOf([
      incoming('wamid.A', { type: 'text', text: { body: 'Hi' } }),
      reaction('r1', 'wamid.A', '👍'),
      reaction('r2', 'wamid.A', '❤️'),
      incoming('wamid.B', { type: 'reaction', reaction: { message_id: 'wamid.A', emoji: '😂' } }),
      incoming('wamid.C', { type: 'text', text: { body: 'Again' } }),
      reaction('r3', 'wamid.C', '👍'),
      reaction('r4', 'wamid.C', ''),
    ]);
    expect(view.entries.map((entry) => [entry.id, entry.reactions])).toEqual([
      ['wamid.A', ['❤️', '😂']],
      ['wamid.C', undefined],
    ]);
  });

  it('keeps a reaction to a message it does not hold as a bubble of its own', () => {
    const view = viewOf([reaction('r1', 'wamid.elsewhere', '👍')]);
    expect(view.entries.map((entry) => entry.content)).toEqual([
      { kind: 'reaction', emoji: '👍', messageId: 'wamid.elsewhere' },
    ]);
  });
});
