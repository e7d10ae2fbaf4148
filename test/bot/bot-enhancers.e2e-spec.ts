import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  Hears,
  Resume,
  ZixflowBot,
  ZixflowBotContext,
  ZixflowBotEvents,
  ZixflowBotHandoffEvent,
  ZixflowDialog,
  ZixflowDialogDefinition,
  prompt,
} from '../../src/zixflow/bot';
import { ZixflowBotTestbed } from '../../src/zixflow/testing';
import { AddressDialog, EnhancedBot, OuterDialog, ShoutInterceptor, ToNumberPipe } from './fixture-enhancers';

const texts = (replies: Array<{ text: string }>): string[] => replies.map((reply) => reply.text);

describe('bot handlers with Nest interceptors and pipes, and nested dialogs', () => {
  let testbed: ZixflowBotTestbed;
  beforeAll(async () => {
    testbed = await ZixflowBotTestbed.create({
      providers: [EnhancedBot, OuterDialog, AddressDialog, ShoutInterceptor, ToNumberPipe],
    });
  });
  afterAll(() => testbed.close());

  it('runs an interceptor around the handler, with the bot context type', async () => {
    expect(texts(await testbed.chat('+1 302 389 5111').say('shout'))).toEqual(['HELLO (zixflow-bot)']);
  });

  it('runs a pipe on a handler parameter', async () => {
    expect(texts(await testbed.chat('+1 302 389 5111').say('double 21'))).toEqual(['number 42']);
  });

  it('runs a dialog begun from a step of another, and gives its values back to it', async () => {
    const chat = testbed.chat('+44 20 7946 0958');
    expect(texts(await chat.say('nested'))).toEqual(['Name?']);
    expect(texts(await chat.say('Ada'))).toEqual(['Street?']);
    expect(texts(await chat.say('1 Main St'))).toEqual(['Done: Ada at 1 Main St']);
  });
});

type Wait = { answer?: string };

@ZixflowDialog({
  id: 'slow',
  idleTimeoutMs: 48 * 60 * 60_000,
  nudge: { afterMs: 25 * 60 * 60_000, message: 'Still there?' },
})
@Injectable()
class SlowDialog implements ZixflowDialogDefinition<Wait> {
  readonly steps = [prompt<Wait>({ name: 'answer', ask: 'Take your time.', parse: (ctx) => ctx.text })];
}

@ZixflowBot()
@Injectable()
class WindowBot {
  @Hears('wait')
  wait(ctx: ZixflowBotContext): void {
    ctx.beginDialog('slow');
  }

  @Hears('agent')
  agent(ctx: ZixflowBotContext): string {
    ctx.handoff('asked for a human');
    return 'A human will answer.';
  }

  @Resume('bot')
  back(ctx: ZixflowBotContext): string {
    ctx.resume();
    return 'Back.';
  }
}

describe('bot replies and the 24-hour window; handoff events', () => {
  it('refuses a timer reply after the window closed (nothing sent), by default', async () => {
    const testbed = await ZixflowBotTestbed.create({
      providers: [WindowBot, SlowDialog],
      bot: { sessionTtlMs: 72 * 60 * 60_000 },
    });
    try {
      const chat = testbed.chat('+1 302 389 5111');
      expect(texts(await chat.say('wait'))).toEqual(['Take your time.']);
      expect(await chat.wait(25 * 60 * 60_000)).toEqual([]);
    } finally {
      await testbed.close();
    }
  });

  it('sends the configured template instead, to the customer, outside the window', async () => {
    const testbed = await ZixflowBotTestbed.create({
      providers: [WindowBot, SlowDialog],
      bot: {
        sessionTtlMs: 72 * 60 * 60_000,
        windowClosedTemplate: { type: 'template', templateName: 'we_miss_you', language: 'en', variables: {} },
      },
    });
    try {
      const chat = testbed.chat('+1 302 389 5111');
      await chat.say('wait');
      const [reply] = await chat.wait(25 * 60 * 60_000);
      expect(reply.body).toEqual({
        to: '13023895111',
        phoneId: testbed.sandbox.phoneId,
        templateName: 'we_miss_you',
        language: 'en',
        variables: {},
      });
    } finally {
      await testbed.close();
    }
  });

  it('emits the handoff events an app can forward to its helpdesk', async () => {
    const testbed = await ZixflowBotTestbed.create({ providers: [WindowBot, SlowDialog] });
    try {
      const events: Array<[string, ZixflowBotHandoffEvent]> = [];
      const emitter = testbed.application.get(EventEmitter2);
      emitter.on(ZixflowBotEvents.HandoffStarted, (event: ZixflowBotHandoffEvent) => events.push(['started', event]));
      emitter.on(ZixflowBotEvents.HandoffEnded, (event: ZixflowBotHandoffEvent) => events.push(['ended', event]));
      const chat = testbed.chat('+1 302 389 5111');
      await chat.say('agent');
      await chat.say('bot');
      const conversationKey = `${testbed.sandbox.phoneId}:13023895111`;
      expect(events).toEqual([
        ['started', { conversationKey, customer: '13023895111', reason: 'asked for a human' }],
        ['ended', { conversationKey, customer: '13023895111' }],
      ]);
    } finally {
      await testbed.close();
    }
  });
});
