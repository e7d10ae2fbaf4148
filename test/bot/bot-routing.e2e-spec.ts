import { ZixflowBotTestbed } from '../../src/zixflow/testing';
import { AdminGuard, ContactDialog, FixtureBot } from './fixture-bots';

const CUSTOMER = '+1 302 389 5111';

describe('bot routing through the testbed (real app, sandbox, webhooks)', () => {
  let testbed: ZixflowBotTestbed;

  beforeAll(async () => {
    testbed = await ZixflowBotTestbed.create({ providers: [FixtureBot, ContactDialog, AdminGuard] });
  });
  afterAll(() => testbed.close());

  it('answers exact words whatever the case, spaces and end punctuation, with the session saved per turn', async () => {
    const chat = testbed.chat(CUSTOMER);
    expect((await chat.say('  Hi! ')).map((reply) => reply.text)).toEqual(['hello #1 [Cancel 1001]']);
    const [second] = await chat.say('MENU');
    expect(second.text).toBe('hello #2 [Cancel 1001]');
    expect(second.body).toEqual({
      to: '13023895111',
      phoneId: testbed.sandbox.phoneId,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'hello #2' },
        action: { buttons: [{ type: 'reply', reply: { id: 'order:1001:cancel', title: 'Cancel 1001' } }] },
      },
    });
    expect((await chat.say('menu please')).map((reply) => reply.text)).toEqual(['fallback: menu please']);
  });

  it('reads RegExp groups and reply-id parameters; an exact id beats a pattern', async () => {
    const chat = testbed.chat('+44 20 7946 0958');
    expect((await chat.say('Order 42'))[0].text).toBe('order 42');
    expect((await chat.tap('order:1001:cancel', 'Cancel 1001'))[0].text).toBe('cancelled 1001');
    expect((await chat.tap('order:special:cancel'))[0].text).toBe('exact id wins');
    expect((await chat.tap('unknown'))[0].text).toBe('fallback: reply');
  });

  it('routes by message type', async () => {
    const chat = testbed.chat('+91 98765 43210');
    const replies = await chat.send({ type: 'location', location: { latitude: 12.97, longitude: 77.59 } });
    expect(replies.map((reply) => reply.text)).toEqual(['got location']);
  });

  it('runs one customer’s turns one at a time, in arrival order, even when the first is slow', async () => {
    const chat = testbed.chat('+1 302 389 5112');
    await Promise.all([chat.say('slow'), chat.say('fast 1'), chat.say('fast 2')]);
    expect(chat.replies.map((reply) => reply.text)).toEqual(['slow done slow', 'fast 1', 'fast 2']);
  });

  it('lets a guard refuse without crashing, and the conversation goes on', async () => {
    const allowed = testbed.chat('+1 302 389 5111');
    expect((await allowed.say('admin'))[0].text).toBe('admin ok');
    const refused = testbed.chat('+1 302 389 5113');
    expect(await refused.say('admin')).toEqual([]);
    expect((await refused.say('hi'))[0].text).toBe('hello #1 [Cancel 1001]');
  });

  it('lets an exception filter answer, with the bot context type', async () => {
    const chat = testbed.chat('+1 302 389 5114');
    expect((await chat.say('boom'))[0].text).toBe('filter answered (zixflow-bot)');
  });

  it('apologises for an unhandled error and is not blocked', async () => {
    const chat = testbed.chat('+1 302 389 5115');
    expect((await chat.say('crash'))[0].text).toBe(
      'Sorry, something went wrong on our side. Please try again in a moment.',
    );
    expect((await chat.say('hi'))[0].text).toBe('hello #1 [Cancel 1001]');
  });

  it('hands a conversation to a human: bot routes are skipped until a resume route', async () => {
    const chat = testbed.chat('+1 302 389 5116');
    expect((await chat.say('agent'))[0].text).toBe('a human will answer');
    expect(await chat.say('hi')).toEqual([]);
    expect((await chat.say('bot'))[0].text).toBe('bot is back');
    expect((await chat.say('hi'))[0].text).toBe('hello #1 [Cancel 1001]');
  });
});
