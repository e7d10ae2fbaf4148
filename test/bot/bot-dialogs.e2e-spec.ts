import { ZixflowBotEvents, ZixflowBotTurnFailedEvent, ZixflowInMemoryConversationStore } from '../../src/zixflow/bot';
import { ZixflowBotTestbed } from '../../src/zixflow/testing';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AdminGuard, ContactDialog, FixtureBot } from './fixture-bots';

const texts = (replies: Array<{ text: string }>): string[] => replies.map((reply) => reply.text);

describe('bot dialogs: prompts, retries, restarts, time-outs, versions, failed saves', () => {
  let testbed: ZixflowBotTestbed;

  beforeEach(async () => {
    testbed = await ZixflowBotTestbed.create({ providers: [FixtureBot, ContactDialog, AdminGuard] });
  });
  afterEach(() => testbed.close());

  it('asks, validates, re-asks, carries values from step to step and ends', async () => {
    const chat = testbed.chat('+1 302 389 5111');
    expect(texts(await chat.say('contact'))).toEqual(['Topic? billing or delivery']);
    expect(texts(await chat.say('other'))).toEqual(['Please answer billing or delivery.']);
    expect(texts(await chat.say('billing'))).toEqual(['Email for billing?']);
    expect(texts(await chat.say('not-an-email'))).toEqual(['That is not an email address.']);
    expect(texts(await chat.say('ada@example.com'))).toEqual(['Ticket: billing / ada@example.com']);
    expect(texts(await chat.say('hi'))).toEqual(['hello #1 [Cancel 1001]']);
  });

  it('gives up after too many wrong answers: the way out', async () => {
    const chat = testbed.chat('+1 302 389 5111');
    await chat.say('contact');
    await chat.say('x');
    expect(texts(await chat.say('y'))).toEqual(['Giving up on the form.']);
    expect(texts(await chat.say('billing'))).toEqual(['fallback: billing']);
  });

  it('lets an interrupt run before the active dialog', async () => {
    const chat = testbed.chat('+1 302 389 5111');
    await chat.say('contact');
    expect(texts(await chat.say('Cancel'))).toEqual(['cancelled everything']);
    expect(texts(await chat.say('billing'))).toEqual(['fallback: billing']);
  });

  it('resumes a dialog at its saved position after a restart', async () => {
    const chat = testbed.chat('+1 302 389 5111');
    await chat.say('contact');
    await chat.say('delivery');
    await testbed.restart();
    expect(texts(await chat.say('ada@example.com'))).toEqual(['Ticket: delivery / ada@example.com']);
  });

  it('nudges, then ends the dialog on the fake clock, and a timer does nothing once the customer answered', async () => {
    const chat = testbed.chat('+1 302 389 5111');
    await chat.say('contact');
    expect(texts(await chat.wait(5 * 60_000))).toEqual(['Still there?']);
    expect(texts(await chat.wait(5 * 60_000))).toEqual(['Closed for inactivity.']);
    expect(texts(await chat.say('billing'))).toEqual(['fallback: billing']);

    const other = testbed.chat('+44 20 7946 0958');
    await other.say('contact');
    await testbed.advance(4 * 60_000);
    expect(texts(await other.say('billing'))).toEqual(['Email for billing?']);
    expect(texts(await other.wait(4 * 60_000))).toEqual([]);
    expect(texts(await other.wait(60_000))).toEqual(['Still there?']);
  });

  it('ends a dialog whose time-out passed while its in-memory timer was lost to a restart', async () => {
    const chat = testbed.chat('+1 302 389 5111');
    await chat.say('contact');
    await testbed.restart();
    testbed.clock.advance(11 * 60_000);
    expect(texts(await chat.say('billing'))).toEqual(['Closed for inactivity.', 'fallback: billing']);
  });

  it('skips a prompt whose value was given to beginDialog', async () => {
    const chat = testbed.chat('+1 302 389 5111');
    expect(texts(await chat.say('contact billing'))).toEqual(['Email for billing?']);
    expect(texts(await chat.say('ada@example.com'))).toEqual(['Ticket: billing / ada@example.com']);
  });

  it('ends a conversation saved by an older dialog version cleanly, with a message', async () => {
    const chat = testbed.chat('+1 302 389 5111');
    await chat.say('contact');
    const key = `${testbed.sandbox.phoneId}:13023895111`;
    const stored = await testbed.store.load(key);
    const old = structuredClone(stored!.state);
    old.dialogs[0].version = 1;
    await testbed.store.compareAndSet(key, stored!.version, old, 60_000);
    expect(texts(await chat.say('billing'))).toEqual([
      'Sorry, we have updated this conversation since your last message. Let us start again.',
      'fallback: billing',
    ]);
  });
});

describe('bot turns whose state cannot be saved', () => {
  it('send nothing and are reported with an event', async () => {
    const store = new ZixflowInMemoryConversationStore();
    const testbed = await ZixflowBotTestbed.create({
      providers: [FixtureBot, ContactDialog, AdminGuard],
      bot: { store },
    });
    try {
      const failures: ZixflowBotTurnFailedEvent[] = [];
      testbed.application
        .get(EventEmitter2)
        .on(ZixflowBotEvents.TurnFailed, (event: ZixflowBotTurnFailedEvent) => failures.push(event));
      jest.spyOn(store, 'compareAndSet').mockRejectedValueOnce(new Error('store unavailable'));
      const chat = testbed.chat('+1 302 389 5111');
      expect(await chat.say('hi')).toEqual([]);
      expect(failures).toEqual([
        expect.objectContaining({ error: expect.objectContaining({ message: 'store unavailable' }) }),
      ]);
      expect(texts(await chat.say('hi'))).toEqual(['hello #1 [Cancel 1001]']);
    } finally {
      await testbed.close();
    }
  });

  it('are run again on the newer state when another save came first', async () => {
    const store = new ZixflowInMemoryConversationStore();
    const testbed = await ZixflowBotTestbed.create({
      providers: [FixtureBot, ContactDialog, AdminGuard],
      bot: { store },
    });
    try {
      const chat = testbed.chat('+1 302 389 5111');
      await chat.say('hi');
      const real = store.compareAndSet.bind(store);
      const key = `${testbed.sandbox.phoneId}:13023895111`;
      jest.spyOn(store, 'compareAndSet').mockImplementationOnce(async (...args) => {
        // Someone else saves first: a greeting counted elsewhere.
        const current = await store.load(key);
        await real(key, current!.version, { ...current!.state, session: { greeted: 10 } }, 60_000);
        return real(...args);
      });
      expect(texts(await chat.say('hi'))).toEqual(['hello #11 [Cancel 1001]']);
    } finally {
      await testbed.close();
    }
  });
});
