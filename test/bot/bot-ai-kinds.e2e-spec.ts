import { ZixflowBotTestbed } from '../../src/zixflow/testing';
import { EveryKindBot } from './fixture-every-kind.bot';

describe('bot context reply helpers for every kind, on the AI API', () => {
  let testbed: ZixflowBotTestbed;

  beforeAll(async () => {
    testbed = await ZixflowBotTestbed.create({ providers: [EveryKindBot], api: 'ai' });
  });
  afterAll(() => testbed.close());

  it('sends a list, and a picked row comes back to @OnReply, answered with a reaction and a CTA button', async () => {
    const chat = testbed.chat('+91 98765 43210');
    const [list] = await chat.say('menu');
    expect(list.text).toBe('How can we help? [Options] (Track my order) (Talk to us)');
    expect(list.body).toEqual({
      recipient: '919876543210',
      phone_id: testbed.sandbox.phoneId,
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Support' },
        footer: { text: 'Pick one' },
        body: { text: 'How can we help?' },
        action: {
          button: 'Options',
          sections: [
            { title: 'Orders', rows: [{ id: 'track', title: 'Track my order', description: 'Where is it?' }] },
            { title: 'Other', rows: [{ id: 'human', title: 'Talk to us' }] },
          ],
        },
      },
    });

    const replies = await chat.pick('track', 'Track my order');

    expect(replies.map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^reaction 👍 to wamid\./),
      'Your parcel is on its way [Track it → https://shop.example.com/o/42]',
    ]);
    // The reaction points at the customer's pick: the wamid its webhook carried.
    const incoming = testbed.sandbox.conversations[0].entries.filter((entry) => entry.direction === 'incoming');
    expect(replies[0].body.reaction).toEqual({ message_id: incoming[incoming.length - 1].id, emoji: '👍' });
  });

  it('asks for a location and an address, and sends a sticker and a contact card', async () => {
    const chat = testbed.chat('+91 98765 43211');
    expect((await chat.say('deliver')).map((reply) => reply.text)).toEqual([
      'Where should we deliver? [Send location]',
      'Or type the address [Address form IN]',
    ]);
    expect((await chat.say('thanks')).map((reply) => reply.text)).toEqual([
      'sticker https://cdn.example.com/thanks.webp',
      'contacts Support desk',
    ]);
    expect(
      (await chat.send({ type: 'location', location: { latitude: 18.52, longitude: 73.85 } })).map((r) => r.text),
    ).toEqual(['got location']);
  });
});
