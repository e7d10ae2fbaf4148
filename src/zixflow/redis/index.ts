/**
 * `nestjs-zixflow/redis`: several instances behave as one. A durable inbound pipeline (webhooks
 * answered only once stored, handled in order per conversation by one instance at a time, taken
 * over when an instance dies, retried then dead-lettered), the bot's conversation store and the
 * webhook dedupe store, all on one Redis. Needs `ioredis` (BullMQ brings it). See docs/scaling.md.
 * @packageDocumentation
 */
export { ZixflowRedisModule } from './zixflow-redis.module';
export { ZIXFLOW_REDIS_MODULE_OPTIONS } from './zixflow-redis.module-definition';
export type { ZixflowRedisModuleOptions, ZixflowRedisInboundOptions } from './zixflow-redis-options.interface';
export { ZixflowRedisInbound } from './inbound/zixflow-redis-inbound';
export type { InboundEnvelope as ZixflowRedisInboundEnvelope } from './inbound/inbound-envelope';
export { ZixflowRedisConversationStore } from './stores/zixflow-redis-conversation.store';
export { ZixflowRedisDedupeStore } from './stores/zixflow-redis-dedupe.store';
export { ZixflowRedisReplyLog } from './stores/zixflow-redis-reply-log';
export { ZixflowRedisBotTimers } from './stores/zixflow-redis-bot-timers';
export { ZixflowRedisEvents } from './zixflow-redis.events';
export type { ZixflowRedisDeadLetterEvent } from './zixflow-redis.events';
export { zixflowRedisBotOptions, zixflowRedisWebhooksOptions } from './zixflow-redis.wiring';
