import type { DynamicModule } from '@nestjs/common';
import { ZixflowBotModule } from '../zixflow/bot';
import { ZixflowRedisModule, zixflowRedisBotOptions, zixflowRedisWebhooksOptions } from '../zixflow/redis';
import { ZixflowWebhooksModule, zixflowWebhooksConfig } from '../zixflow/webhooks';

/**
 * Webhooks are mounted whenever a secret is configured. Without one the app still sends (the
 * library refuses to open the webhook routes unprotected), and `main.ts` says that the bot is off.
 * A blank-but-set value is let through on purpose, so the module's start-up check names the problem.
 */
function hasWebhookSecret(env: NodeJS.ProcessEnv): boolean {
  return env.ZIXFLOW_WEBHOOK_SECRET !== undefined && env.ZIXFLOW_WEBHOOK_SECRET !== '';
}

/** One instance: webhooks handled in this process, conversations in memory. */
function inMemory(webhooks: boolean): DynamicModule[] {
  return [
    ...(webhooks ? [ZixflowWebhooksModule.forRootAsync(zixflowWebhooksConfig.asProvider())] : []),
    ZixflowBotModule.forRoot(),
  ];
}

/**
 * Several instances on one Redis (`REDIS_URL`): webhooks answered once stored in Redis, handled in
 * order per conversation by one instance at a time, sessions, sent replies and dialog timers shared.
 */
function onRedis(redisUrl: string, webhooks: boolean): DynamicModule[] {
  const webhooksOnRedis = ZixflowWebhooksModule.forRootAsync(
    zixflowRedisWebhooksOptions(zixflowWebhooksConfig.asProvider()),
  );
  return [
    ZixflowRedisModule.forRoot({ connection: redisUrl }),
    ...(webhooks ? [webhooksOnRedis] : []),
    ZixflowBotModule.forRootAsync(zixflowRedisBotOptions()),
  ];
}

/**
 * The inbound side of the example: in memory with nothing configured (zero set-up for `npm start`),
 * on Redis when `REDIS_URL` is set; webhooks when `ZIXFLOW_WEBHOOK_SECRET` is set. Plain decisions
 * on `env`: call it after `ConfigModule.forRoot()`, which has read `.env` into `process.env` by then.
 */
export function conversationModules(env: NodeJS.ProcessEnv = process.env): DynamicModule[] {
  const redisUrl = env.REDIS_URL?.trim();
  const webhooks = hasWebhookSecret(env);
  return redisUrl ? onRedis(redisUrl, webhooks) : inMemory(webhooks);
}
