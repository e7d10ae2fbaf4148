import type { ZixflowInboundEvent } from '../webhooks';

/** Names of the events `nestjs-zixflow/redis` emits through `@nestjs/event-emitter`. */
export const ZixflowRedisEvents = {
  /** An inbound event failed every attempt and was moved to the dead-letter list; payload `ZixflowRedisDeadLetterEvent`. */
  DeadLettered: 'zixflow.redis.inbound.dead-lettered',
} as const;

/** Payload of {@link ZixflowRedisEvents.DeadLettered}: act on it (alert, replay by hand); it is also kept in Redis. */
export interface ZixflowRedisDeadLetterEvent {
  /** The webhook event that could not be handled. */
  event: ZixflowInboundEvent;
  /** How often it was tried. */
  attempts: number;
  /** The last failure's message. */
  error: string;
}
