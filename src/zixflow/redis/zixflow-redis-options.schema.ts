import type { RedisOptions } from 'ioredis';
import {
  custom,
  durationMs,
  group,
  optionError,
  OptionOwner,
  OptionShapeOf,
  resolveOptions,
  text,
  wholeNumber,
} from '../core/options';
import { redisOptionsFromUrl } from '../queue/connection/redis-url-options';
import type { ZixflowRedisInboundOptions, ZixflowRedisModuleOptions } from './zixflow-redis-options.interface';

/** How `ZixflowRedisModule` is named in its messages. */
const OWNER: OptionOwner = { name: 'ZixflowRedisModule', extras: ['isGlobal'] };

/** Zixflow's whole retry span (≈ 3.8 days) and a margin. */
const FOUR_DAYS_MS = 4 * 24 * 60 * 60 * 1000;

const INBOUND_FIELDS = {
  concurrency: wholeNumber({ min: 1 }).default(8),
  leaseMs: durationMs(100).default(10_000),
  maxAttempts: wholeNumber({ min: 1 }).default(5),
  retryDelayMs: durationMs(1).default(1000),
  pollMs: durationMs(1).default(50),
} as const satisfies OptionShapeOf<ZixflowRedisInboundOptions>;

const FIELDS = {
  connection: custom<RedisOptions>((value, site) => {
    if (typeof value === 'string') {
      const options = redisOptionsFromUrl(value);
      if (options === undefined)
        throw optionError(site, 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379');
      return options as RedisOptions;
    }
    if (typeof value !== 'object' || value === null)
      throw optionError(site, 'must be a redis:// URL or ioredis options');
    return value as RedisOptions;
  }),
  prefix: text({ test: (prefix) => /^[\w:.-]+$/.test(prefix), rule: 'must be letters, digits, _ : . or -' }).default(
    'zixflow',
  ),
  dedupeTtlMs: durationMs(60_000).default(FOUR_DAYS_MS),
  inbound: group(INBOUND_FIELDS, { allowFalse: true }),
} as const satisfies OptionShapeOf<ZixflowRedisModuleOptions>;

/** The options with defaults applied. */
export type ResolvedZixflowRedisOptions = ReturnType<typeof resolveZixflowRedisOptions>;

/** Checks the options at start-up, with the toolkit every module uses. */
export function resolveZixflowRedisOptions(options: ZixflowRedisModuleOptions | undefined) {
  return resolveOptions(OWNER, FIELDS, options);
}
