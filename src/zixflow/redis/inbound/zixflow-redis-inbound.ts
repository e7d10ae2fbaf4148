import { Logger } from '@nestjs/common';
import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { ZIXFLOW_FENCE, ZixflowFence } from '../../core/fencing/zixflow-fence';
import { maskPhoneNumber } from '../../core/phone/mask-phone-number';
import { ZixflowEvents, type ZixflowInboundEvent, type ZixflowInboundQueue } from '../../webhooks';
import { ACK, CLAIM, ENQUEUE, FAIL, RENEW } from '../stores/redis-scripts';
import type { ZixflowRedisDeadLetterEvent } from '../zixflow-redis.events';
import type { ZixflowRedisInboundOptions } from '../zixflow-redis-options.interface';
import { InboundEnvelope, parseEnvelope } from './inbound-envelope';

/** Conversations a claim looks at, so one held conversation never hides the others. */
const CLAIM_SCAN = 64;

/** Inbound options with defaults applied. */
export type ResolvedRedisInboundOptions = Required<ZixflowRedisInboundOptions>;

/**
 * The durable inbound pipeline. `enqueue` (the webhook's side) stores an event and its dedupe key
 * in one Lua script, so a webhook answered 200 is in Redis, once. Workers on every instance then
 * claim one conversation at a time with a lease and a fencing token, handle its events in arrival
 * order by emitting them as the webhooks module would (bots and `@OnWhatsappMessage` handlers run
 * as usual), and remove each only after its handlers succeeded: at least once, in order, one
 * instance per conversation. A dead instance's lease runs out and another takes over; a failing
 * event is retried with backoff, then moved to a dead-letter list with an event.
 *
 * Not BullMQ: BullMQ's open-source queues have no FIFO per group (BullMQ Pro's groups do), and
 * a conversation's order is the point here.
 */
export class ZixflowRedisInbound implements ZixflowInboundQueue {
  private readonly logger = new Logger('ZixflowRedisInbound');
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private wake: (() => void) | undefined;

  /**
   * @param redis - the connection (commands only: nothing blocks on it).
   * @param prefix - the key prefix.
   * @param dedupeTtlMs - how long an event id is remembered.
   * @param options - the workers' settings, or false to store only.
   */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly dedupeTtlMs: number,
    private readonly options: ResolvedRedisInboundOptions | false,
  ) {}

  /** {@inheritDoc ZixflowInboundQueue.enqueue} */
  async enqueue(event: ZixflowInboundEvent): Promise<boolean> {
    const envelope: InboundEnvelope = { event, attempts: 0, storedAt: Date.now() };
    // Reports without a message id and status cannot be recognised when repeated: a fresh key each.
    const dedupeKey = event.dedupeKey ?? `report:${Date.now()}:${Math.random()}`;
    const stored = (await this.redis.eval(
      ENQUEUE,
      3,
      `${this.prefix}:seen:${dedupeKey}`,
      `${this.prefix}:q:${event.conversationKey}`,
      `${this.prefix}:ready`,
      String(this.dedupeTtlMs),
      JSON.stringify(envelope),
      event.conversationKey,
      String(Date.now()),
    )) as number;
    if (stored === 1) this.wake?.();
    return stored === 1;
  }

  /** Starts this instance's workers. */
  start(emitter: EventEmitter2): void {
    if (this.options === false || this.running) return;
    this.running = true;
    for (let index = 0; index < this.options.concurrency; index += 1) {
      this.loops.push(this.work(emitter, this.options));
    }
  }

  /** Stops claiming; resolves once the events being handled are done (their leases released or acked). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await Promise.all(this.loops.splice(0));
  }

  /** Events that failed every attempt, oldest first. */
  async deadLetters(): Promise<InboundEnvelope[]> {
    return (await this.redis.lrange(`${this.prefix}:dead`, 0, -1)).map(parseEnvelope);
  }

  private async work(emitter: EventEmitter2, options: ResolvedRedisInboundOptions): Promise<void> {
    while (this.running) {
      let claimed: [string, string, string] | null;
      try {
        claimed = (await this.redis.eval(
          CLAIM,
          2,
          `${this.prefix}:ready`,
          `${this.prefix}:fence`,
          String(Date.now()),
          String(options.leaseMs),
          this.prefix,
          String(CLAIM_SCAN),
        )) as [string, string, string] | null;
      } catch (error) {
        this.logger.warn(`Could not reach Redis to take work (${describe(error)}); trying again shortly`);
        await this.idle(options.pollMs * 20);
        continue;
      }
      if (claimed === null) {
        await this.idle(options.pollMs);
        continue;
      }
      const [conversation, token, head] = claimed;
      await this.drain(
        emitter,
        options,
        conversation,
        { leaseKey: `${this.prefix}:lease:${conversation}`, token: Number(token) },
        head,
      );
    }
  }

  /** Handles a conversation's events in order while the lease holds. */
  private async drain(
    emitter: EventEmitter2,
    options: ResolvedRedisInboundOptions,
    conversation: string,
    fence: ZixflowFence,
    first: string,
  ): Promise<void> {
    const renewal = setInterval(
      () => {
        this.redis.eval(RENEW, 1, fence.leaseKey, String(fence.token), String(options.leaseMs)).catch(() => undefined);
      },
      Math.max(10, Math.floor(options.leaseMs / 3)),
    );
    try {
      let head: string | null = first;
      while (head !== null) {
        const envelope = parseEnvelope(head);
        const failure = await this.handle(emitter, envelope, fence);
        head =
          failure === undefined
            ? await this.ack(conversation, fence, options)
            : await this.fail(conversation, fence, options, envelope, failure);
      }
    } catch (error) {
      this.logger.warn(`Lost Redis while handling a conversation (${describe(error)}); its lease will pass on`);
    } finally {
      clearInterval(renewal);
    }
  }

  /** Emits the event and waits for every handler; resolves with the failure, if any. */
  private async handle(
    emitter: EventEmitter2,
    envelope: InboundEnvelope,
    fence: ZixflowFence,
  ): Promise<Error | undefined> {
    const event = envelope.event;
    const payload: object = event.kind === 'message' ? event.message : event.report;
    Object.defineProperty(payload, ZIXFLOW_FENCE, { value: fence, enumerable: false });
    try {
      await emitter.emitAsync(
        event.kind === 'message' ? ZixflowEvents.MessageReceived : ZixflowEvents.DeliveryReport,
        payload,
      );
      return undefined;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private async ack(
    conversation: string,
    fence: ZixflowFence,
    options: ResolvedRedisInboundOptions,
  ): Promise<string | null> {
    const next = (await this.redis.eval(
      ACK,
      3,
      fence.leaseKey,
      `${this.prefix}:q:${conversation}`,
      `${this.prefix}:ready`,
      String(fence.token),
      conversation,
      String(options.leaseMs),
    )) as string | number | null;
    if (next === -1)
      this.logger.warn('A conversation was taken over while its event was handled; the new holder goes on');
    return typeof next === 'string' ? next : null;
  }

  private async fail(
    conversation: string,
    fence: ZixflowFence,
    options: ResolvedRedisInboundOptions,
    envelope: InboundEnvelope,
    failure: Error,
  ): Promise<null> {
    const attempts = envelope.attempts + 1;
    const dead = attempts >= options.maxAttempts;
    const updated: InboundEnvelope = { ...envelope, attempts, lastError: failure.message };
    const retryAt = Date.now() + options.retryDelayMs * 2 ** (attempts - 1);
    await this.redis.eval(
      FAIL,
      4,
      fence.leaseKey,
      `${this.prefix}:q:${conversation}`,
      `${this.prefix}:ready`,
      `${this.prefix}:dead`,
      String(fence.token),
      conversation,
      String(retryAt),
      JSON.stringify(updated),
      dead ? '1' : '0',
    );
    const subject = describeEvent(envelope.event);
    if (dead) {
      this.logger.error(
        `Gave up on ${subject} after ${attempts} attempts (${failure.message}); it is in the dead-letter list`,
      );
      this.emitDeadLetter(updated);
    } else {
      this.logger.warn(
        `Handling ${subject} failed (${failure.message}); attempt ${attempts + 1} of ${options.maxAttempts} follows`,
      );
    }
    return null;
  }

  private emitDeadLetter(envelope: InboundEnvelope): void {
    const event: ZixflowRedisDeadLetterEvent = {
      event: envelope.event,
      attempts: envelope.attempts,
      error: envelope.lastError ?? 'unknown',
    };
    this.deadLetterListener?.(event);
  }

  /** @internal Set by the module to emit dead letters on the app's emitter. */
  deadLetterListener: ((event: ZixflowRedisDeadLetterEvent) => void) | undefined;

  private async idle(ms: number): Promise<void> {
    await Promise.race([sleep(ms * (0.5 + Math.random())), new Promise<void>((resolve) => (this.wake = resolve))]);
    this.wake = undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeEvent(event: ZixflowInboundEvent): string {
  return event.kind === 'message'
    ? `the message ${event.message.eventId} from ${maskPhoneNumber(event.message.sender.number)}`
    : `a delivery report for ${event.report.recipient === undefined ? 'an unknown recipient' : maskPhoneNumber(event.report.recipient)}`;
}
