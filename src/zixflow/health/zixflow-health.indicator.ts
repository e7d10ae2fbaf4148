import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ZIXFLOW_QUEUE } from '../queue/zixflow-queue.constants';
import { ZIXFLOW_REDIS_CONNECTION } from '../redis/zixflow-redis.constants';
import { ZixflowWhatsappService } from '../sending/zixflow-whatsapp.service';
import { ZixflowWebhookDeliveries } from '../webhooks/zixflow-webhook-deliveries';
import { probeZixflow, type ZixflowProbeOutcome } from '../sending/data/probe-zixflow';
import type {
  ZixflowReachableCheckOptions,
  ZixflowRedisCheckOptions,
  ZixflowWebhookCheckOptions,
} from './zixflow-health-checks.interface';
import {
  ZIXFLOW_HEALTH_DEFAULT_CACHE_MS,
  ZIXFLOW_HEALTH_DEFAULT_REDIS_TIMEOUT_MS,
  ZIXFLOW_HEALTH_KEYS,
  ZIXFLOW_HEALTH_PROBE_TEMPLATE,
} from './zixflow-health.constants';

/**
 * `@nestjs/terminus` checks for an app that uses `nestjs-zixflow`, each one call in
 * `health.check([...])`: Zixflow (the key works, through one cheap authenticated request), Redis
 * (a PING through the connection of `ZixflowRedisModule`, or else the outbox's queue) and the
 * webhook routes (their last successful delivery). A check whose part is not registered in the app
 * is up and says `configured: false`. No answer names a key, a secret or a Redis URL.
 */
@Injectable()
export class ZixflowHealthIndicator {
  /** The last answer of each check key, reused for `cacheMs`. */
  private readonly probes = new Map<string, { at: number; outcome: ZixflowProbeOutcome }>();

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Up when Zixflow accepts the configured key; down with why (refused key, unreachable, time-out, 5xx). */
  async isZixflowReachable<const Key extends string = typeof ZIXFLOW_HEALTH_KEYS.zixflow>(
    key: Key = ZIXFLOW_HEALTH_KEYS.zixflow as Key,
    options: ZixflowReachableCheckOptions = {},
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.indicators.check(key);
    const whatsapp = this.find<ZixflowWhatsappService>(ZixflowWhatsappService);
    if (whatsapp === undefined) {
      return indicator.down({ message: 'ZixflowModule is not registered in this application' });
    }
    const cacheMs = options.cacheMs ?? ZIXFLOW_HEALTH_DEFAULT_CACHE_MS;
    const now = Date.now();
    let probe = this.probes.get(key);
    if (probe === undefined || now - probe.at >= cacheMs) {
      probe = {
        at: now,
        outcome: await probeZixflow(whatsapp, options.probeTemplate ?? ZIXFLOW_HEALTH_PROBE_TEMPLATE),
      };
      this.probes.set(key, probe);
    }
    const { outcome, at } = probe;
    const checkedAt = new Date(at).toISOString();
    return outcome.up
      ? indicator.up({ ...outcome.details, checkedAt })
      : indicator.down({ message: outcome.message, checkedAt });
  }

  /**
   * Up when Redis answers a PING within `timeoutMs`, through `ZixflowRedisModule`'s connection, or
   * the outbox queue's when only `ZixflowQueueModule` uses Redis.
   */
  async isRedisUp<const Key extends string = typeof ZIXFLOW_HEALTH_KEYS.redis>(
    key: Key = ZIXFLOW_HEALTH_KEYS.redis as Key,
    options: ZixflowRedisCheckOptions = {},
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.indicators.check(key);
    const redis = await this.redisClient();
    if (redis === undefined) return indicator.up({ configured: false });
    const timeoutMs = options.timeoutMs ?? ZIXFLOW_HEALTH_DEFAULT_REDIS_TIMEOUT_MS;
    const startedAt = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer to PING within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([redis.ping(), timedOut]);
      return indicator.up({ pingMs: Date.now() - startedAt });
    } catch (error) {
      return indicator.down({
        message: `Redis is unreachable: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Up while the webhook routes are mounted, with the time of the last successful delivery; with
   * `maxSilenceMs`, down once no webhook arrived for that long (counted from start-up until the first).
   */
  isWebhookReceiving<const Key extends string = typeof ZIXFLOW_HEALTH_KEYS.webhooks>(
    key: Key = ZIXFLOW_HEALTH_KEYS.webhooks as Key,
    options: ZixflowWebhookCheckOptions = {},
  ): HealthIndicatorResult<Key> {
    const indicator = this.indicators.check(key);
    const deliveries = this.find<ZixflowWebhookDeliveries>(ZixflowWebhookDeliveries);
    if (deliveries === undefined) return indicator.up({ configured: false });
    const last = deliveries.lastDeliveryAt();
    const silentForMs = Date.now() - (last ?? deliveries.startedAt).getTime();
    const details = { lastDeliveryAt: last?.toISOString() ?? null, silentForMs };
    if (options.maxSilenceMs !== undefined && silentForMs > options.maxSilenceMs) {
      const since = last === undefined ? 'since start-up' : `since ${last.toISOString()}`;
      return indicator.down({
        ...details,
        message: `No webhook from Zixflow ${since} (more than ${options.maxSilenceMs} ms)`,
      });
    }
    return indicator.up(details);
  }

  /** A provider from anywhere in the app, or undefined when its module is not registered. */
  private find<T>(token: unknown): T | undefined {
    try {
      return this.moduleRef.get<T>(token as string, { strict: false });
    } catch {
      return undefined;
    }
  }

  private async redisClient(): Promise<{ ping(): Promise<unknown> } | undefined> {
    const connection = this.find<Redis>(ZIXFLOW_REDIS_CONNECTION);
    if (connection !== undefined) return connection;
    const queue = this.find<Queue>(ZIXFLOW_QUEUE);
    // BullMQ's client is an ioredis connection; its type names only what BullMQ itself uses.
    return queue === undefined ? undefined : ((await queue.client) as unknown as Pick<Redis, 'ping'>);
  }
}
