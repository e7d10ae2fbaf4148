import { registerAs } from '@nestjs/config';
import { readEnvOption, readEnvOptions } from '../core/options';
import { ZixflowQueueModuleOptions, ZixflowQueueWorkerOptions } from './zixflow-queue-options.interface';
import {
  ZIXFLOW_QUEUE_OPTION_FIELDS,
  ZIXFLOW_QUEUE_OPTIONS_OWNER,
  ZIXFLOW_QUEUE_RATE_LIMIT_FIELDS,
  ZIXFLOW_QUEUE_WORKER_FIELDS,
  ZIXFLOW_QUEUE_WORKER_SWITCH,
} from './zixflow-queue-options.schema';

const OWNER = ZIXFLOW_QUEUE_OPTIONS_OWNER;

function readWorker(): ZixflowQueueWorkerOptions | false {
  if (readEnvOption(OWNER, 'worker', ZIXFLOW_QUEUE_WORKER_SWITCH) === false) {
    return false;
  }
  const concurrency = readEnvOption(OWNER, 'worker.concurrency', ZIXFLOW_QUEUE_WORKER_FIELDS.concurrency);
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
  // Top-level variables come from the options' `.fromEnv()` declarations; nested ones are read here.
  const { connection, prefix } = readEnvOptions(OWNER, ZIXFLOW_QUEUE_OPTION_FIELDS);
  const perSecond = readEnvOption(OWNER, 'rateLimit.max', ZIXFLOW_QUEUE_RATE_LIMIT_FIELDS.max);
  return {
    connection: connection ?? '',
    worker: readWorker(),
    ...(perSecond === undefined ? {} : { rateLimit: { max: perSecond, durationMs: 1000 } }),
    ...(prefix === undefined ? {} : { prefix }),
  };
});
