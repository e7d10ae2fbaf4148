import { registerAs } from '@nestjs/config';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { ZixflowQueueModuleOptions, ZixflowQueueWorkerOptions } from './zixflow-queue-options.interface';

/** Empty environment variables mean "not set", as shells and `.env` files often leave them empty. */
function readEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readWhole(name: string): number | undefined {
  const raw = readEnv(name);
  if (raw === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ZixflowConfigurationError(`${name} must be a whole number of 1 or more (got "${raw}").`);
  }
  return Number(raw);
}

function readWorker(): ZixflowQueueWorkerOptions | false {
  const enabled = readEnv('ZIXFLOW_QUEUE_WORKER');
  if (enabled !== undefined && !/^(true|false)$/i.test(enabled)) {
    throw new ZixflowConfigurationError(`ZIXFLOW_QUEUE_WORKER must be true or false (got "${enabled}").`);
  }
  if (enabled?.toLowerCase() === 'false') {
    return false;
  }
  const concurrency = readWhole('ZIXFLOW_QUEUE_CONCURRENCY');
  return concurrency === undefined ? {} : { concurrency };
}

/**
 * `@nestjs/config` namespace `zixflowQueue`, read from `REDIS_URL` (the Redis server),
 * `ZIXFLOW_QUEUE_WORKER` (`false` for an instance that only enqueues), `ZIXFLOW_QUEUE_CONCURRENCY`
 * (sends at once per instance), `ZIXFLOW_QUEUE_RATE_PER_SECOND` (a limit shared by all workers) and
 * `ZIXFLOW_QUEUE_PREFIX` (the Redis key prefix, for applications sharing one Redis).
 * Use it as `ZixflowQueueModule.forRootAsync(zixflowQueueConfig.asProvider())`. An unset `REDIS_URL`
 * is passed on empty so the module's start-up check reports it by name.
 */
export const zixflowQueueConfig = registerAs('zixflowQueue', (): ZixflowQueueModuleOptions => {
  const perSecond = readWhole('ZIXFLOW_QUEUE_RATE_PER_SECOND');
  const prefix = readEnv('ZIXFLOW_QUEUE_PREFIX');
  return {
    connection: readEnv('REDIS_URL') ?? '',
    worker: readWorker(),
    ...(perSecond === undefined ? {} : { rateLimit: { max: perSecond, durationMs: 1000 } }),
    ...(prefix === undefined ? {} : { prefix }),
  };
});
