import { Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ZIXFLOW_FENCE, ZixflowFenced } from '../../src/zixflow/core/fencing/zixflow-fence';
import {
  ZixflowRedisConversationStore,
  ZixflowRedisDeadLetterEvent,
  ZixflowRedisDedupeStore,
  ZixflowRedisInbound,
} from '../../src/zixflow/redis';
import { ZixflowEvents, type ZixflowIncomingMessage } from '../../src/zixflow/webhooks';
import { describeWithRedis, LocalRedis, startLocalRedis, waitFor } from '../queue.helpers';

function incoming(text: string): ZixflowIncomingMessage {
  return {
    eventId: randomUUID(),
    timestamp: new Date('2026-01-01T09:00:00Z'),
    receivedAt: new Date('2026-01-01T09:00:01Z'),
    phoneId: 'phone-1',
    wabaId: undefined,
    messageId: undefined,
    sender: { name: 'Ada', number: '13023895111' },
    message: { type: 'text', text: { body: text } },
    raw: {},
  };
}

describeWithRedis('Redis stores and the inbound pipeline against a real redis-server', () => {
  let server: LocalRedis;
  let redis: Redis;
  let prefix: string;

  beforeAll(async () => {
    // The pipeline logs every failed attempt; these tests make them on purpose.
    Logger.overrideLogger(false);
    server = await startLocalRedis();
    redis = new Redis(server.url);
  });
  beforeEach(() => (prefix = `stores-${randomUUID().slice(0, 8)}`));
  afterAll(async () => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']);
    await redis?.quit();
    await server?.stop();
  });

  it('conversation store: compare-and-set on the version, and refused once the fence’s lease is someone else’s', async () => {
    const store = new ZixflowRedisConversationStore(redis, prefix);
    const state = { session: { n: 1 }, dialogs: [] };
    expect(await store.load('c')).toBeUndefined();
    expect(await store.compareAndSet('c', 0, state, 60_000)).toBe(1);
    expect(await store.compareAndSet('c', 0, state, 60_000)).toBeUndefined();
    expect(await store.compareAndSet('c', 1, { ...state, session: { n: 2 } }, 60_000)).toBe(2);
    expect(await store.load('c')).toEqual({ version: 2, state: { session: { n: 2 }, dialogs: [] } });

    const leaseKey = `${prefix}:lease:c`;
    await redis.set(leaseKey, '7');
    expect(await store.compareAndSet('c', 2, state, 60_000, { leaseKey, token: 6 })).toBeUndefined();
    expect(await store.compareAndSet('c', 2, state, 60_000, { leaseKey, token: 7 })).toBe(3);
    expect(await redis.pttl(`${prefix}:conv:c`)).toBeGreaterThan(59_000);
    await store.delete('c');
    expect(await store.load('c')).toBeUndefined();
  });

  it('dedupe store: the first caller wins, with a TTL', async () => {
    const store = new ZixflowRedisDedupeStore(redis, prefix);
    expect(await store.setIfAbsent('incoming:e1', 60_000)).toBe(true);
    expect(await store.setIfAbsent('incoming:e1', 60_000)).toBe(false);
    expect(await redis.pttl(`${prefix}:seen:incoming:e1`)).toBeGreaterThan(59_000);
  });

  it('retries a failing event with backoff, handles it once it succeeds, with a fence on the payload', async () => {
    const emitter = new EventEmitter2();
    const inbound = new ZixflowRedisInbound(redis, prefix, 60_000, {
      concurrency: 2,
      leaseMs: 1000,
      maxAttempts: 5,
      retryDelayMs: 20,
      pollMs: 10,
    });
    const seen: Array<{ text: string; token: number | undefined }> = [];
    let failures = 2;
    emitter.on(ZixflowEvents.MessageReceived, async (message: ZixflowIncomingMessage & ZixflowFenced) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('handler down');
      }
      seen.push({
        text: (message.message as { text: { body: string } }).text.body,
        token: message[ZIXFLOW_FENCE]?.token,
      });
    });
    inbound.start(emitter);
    try {
      const message = incoming('hello');
      const event = {
        kind: 'message' as const,
        dedupeKey: `incoming:${message.eventId}`,
        conversationKey: 'phone-1:13023895111',
        message,
      };
      expect(await inbound.enqueue(event)).toBe(true);
      expect(await inbound.enqueue(event)).toBe(false);
      expect(await inbound.enqueue({ ...event, dedupeKey: 'incoming:other', message: incoming('second') })).toBe(true);
      await waitFor('both handled', () => seen.length === 2, 10_000);
      expect(seen.map((entry) => entry.text)).toEqual(['hello', 'second']);
      expect(seen.every((entry) => typeof entry.token === 'number')).toBe(true);
      expect(await inbound.deadLetters()).toEqual([]);
    } finally {
      await inbound.stop();
    }
  });

  it('moves an event that fails every attempt to the dead-letter list, with an event, and goes on', async () => {
    const emitter = new EventEmitter2();
    const inbound = new ZixflowRedisInbound(redis, prefix, 60_000, {
      concurrency: 1,
      leaseMs: 1000,
      maxAttempts: 3,
      retryDelayMs: 10,
      pollMs: 10,
    });
    const dead: ZixflowRedisDeadLetterEvent[] = [];
    inbound.deadLetterListener = (event) => dead.push(event);
    const handled: string[] = [];
    emitter.on(ZixflowEvents.MessageReceived, async (message: ZixflowIncomingMessage) => {
      const text = (message.message as { text: { body: string } }).text.body;
      if (text === 'poison') throw new Error('cannot handle this one');
      handled.push(text);
    });
    inbound.start(emitter);
    try {
      for (const text of ['poison', 'after']) {
        const message = incoming(text);
        await inbound.enqueue({
          kind: 'message',
          dedupeKey: `incoming:${message.eventId}`,
          conversationKey: 'phone-1:13023895111',
          message,
        });
      }
      await waitFor('the next event handled', () => handled.length === 1, 10_000);
      expect(handled).toEqual(['after']);
      expect(dead).toEqual([expect.objectContaining({ attempts: 3, error: 'cannot handle this one' })]);
      const letters = await inbound.deadLetters();
      expect(letters).toHaveLength(1);
      expect(letters[0].event.kind === 'message' && letters[0].event.message.timestamp).toEqual(
        new Date('2026-01-01T09:00:00Z'),
      );
    } finally {
      await inbound.stop();
    }
  });
});
