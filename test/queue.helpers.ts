import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { EventEmitterModule, OnEvent } from '@nestjs/event-emitter';
import { Test, TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ZixflowModule, ZixflowModuleOptions } from '../src/zixflow';
import {
  getZixflowQueueToken,
  ZixflowOutbox,
  ZixflowQueueEvents,
  ZixflowQueueMessageFailedEvent,
  ZixflowQueueMessageSentEvent,
  ZixflowQueueModule,
  ZixflowQueueModuleOptions,
} from '../src/zixflow/queue';
import { REDIS_HOW_TO, redisAvailable } from './queue-redis';
import { FromWorker, ToWorker, WORKER_CONFIG_ENV, WorkerProcessConfig } from './fixtures/queue-worker.protocol';
import { RecordingLogger } from './reliability.helpers';

export { startLocalRedis, type LocalRedis } from './queue-redis';

/** The key every queue suite configures; distinctive, so a copy in Redis or a log is easy to find. */
export const API_KEY = 'zx-live-queue-7c1e9a5f3b2d8e6a4c0f';

export const PHONE_ID = '104898309288724';

/**
 * `describe` for suites that need Redis. Without `REDIS_URL` or a `redis-server` binary the suite is
 * skipped with one line on stderr that says how to enable it, except under `CI=true`, where a
 * missing Redis is a failure: the crash and shared-rate tests are what prove the queue.
 */
export function describeWithRedis(name: string, suite: () => void): void {
  if (redisAvailable()) {
    describe(name, suite);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Redis', () => {
        throw new Error(`CI=true but no Redis for the queue tests: ${REDIS_HOW_TO}.`);
      });
    });
    return;
  }
  process.stderr.write(`\n*** SKIPPED queue suite "${name}": no Redis. To run it, ${REDIS_HOW_TO}. ***\n\n`);
  describe.skip(name, suite);
}

/** A queue name no other test (or run sharing the same REDIS_URL) uses. */
export function uniqueQueueName(label: string): string {
  return `zixflow-test-${label}-${randomUUID().slice(0, 8)}`;
}

/** A text message with a recognisable body, as callers type it. */
export function textMessage(
  body: string,
  to = '+1 302 389 5111',
): { type: 'text'; to: string; phoneId: string; text: { body: string } } {
  return { type: 'text', to, phoneId: PHONE_ID, text: { body } };
}

/** Records the queue's events, as an application's listener would receive them. */
@Injectable()
export class QueueEventRecorder {
  readonly sent: ZixflowQueueMessageSentEvent[] = [];
  readonly failed: ZixflowQueueMessageFailedEvent[] = [];

  @OnEvent(ZixflowQueueEvents.MessageSent)
  onSent(event: ZixflowQueueMessageSentEvent): void {
    this.sent.push(event);
  }

  @OnEvent(ZixflowQueueEvents.MessageFailed)
  onFailed(event: ZixflowQueueMessageFailedEvent): void {
    this.failed.push(event);
  }
}

@Module({ providers: [QueueEventRecorder], exports: [QueueEventRecorder] })
class QueueEventRecorderModule {}

/** An application instance with the queue, as a test drives it. */
export interface QueueApp {
  moduleRef: TestingModule;
  outbox: ZixflowOutbox;
  queue: Queue;
  events: QueueEventRecorder;
  logger: RecordingLogger;
  close: () => Promise<void>;
}

/** What {@link startQueueApp} builds: queue options and, for instances with a worker, the Zixflow client. */
export interface QueueAppOptions {
  redisUrl: string;
  queueName: string;
  queue?: Omit<ZixflowQueueModuleOptions, 'connection'>;
  /** `ZixflowModule` options; left out, the instance has no Zixflow client (a producer). */
  zixflow?: Partial<ZixflowModuleOptions> & { baseUrl: string };
}

/** Compiles and initialises an application instance with `ZixflowQueueModule`, recording logs and events. */
export async function startQueueApp(options: QueueAppOptions): Promise<QueueApp> {
  const logger = new RecordingLogger();
  const zixflow: DynamicModule[] = options.zixflow
    ? [ZixflowModule.forRoot({ apiKey: API_KEY, isGlobal: true, ...options.zixflow })]
    : [];
  const moduleRef = await Test.createTestingModule({
    imports: [
      EventEmitterModule.forRoot(),
      ...zixflow,
      ZixflowQueueModule.forRoot({ connection: options.redisUrl, queueName: options.queueName, ...options.queue }),
      QueueEventRecorderModule,
    ],
  })
    .setLogger(logger)
    .compile();
  try {
    await moduleRef.init();
  } catch (error) {
    // Nest cannot close a context whose start-up failed, and the queue's Redis connection is open by
    // now: left open, it would keep the test process alive.
    await moduleRef.get<Queue>(getZixflowQueueToken(options.queueName)).close();
    throw error;
  }
  return {
    moduleRef,
    outbox: moduleRef.get(ZixflowOutbox),
    queue: moduleRef.get<Queue>(getZixflowQueueToken(options.queueName)),
    events: moduleRef.get(QueueEventRecorder),
    logger,
    close: () => moduleRef.close(),
  };
}

/** Removes every key of a test queue, so a shared REDIS_URL is left clean. */
export async function removeQueue(queue: Queue): Promise<void> {
  await queue.obliterate({ force: true });
}

/**
 * Removes the test queues named, once their instances are closed, when the tests run against an
 * external `REDIS_URL`; a private redis-server is thrown away whole instead.
 */
export async function removeQueuesFromSharedRedis(
  redisUrl: string,
  queueNames: Iterable<string>,
  prefix?: string,
): Promise<void> {
  if (!process.env.REDIS_URL) {
    return;
  }
  for (const queueName of new Set(queueNames)) {
    const cleaner = await startQueueApp({ redisUrl, queueName, queue: { worker: false, prefix } });
    await removeQueue(cleaner.queue);
    await cleaner.close();
  }
}

/** ioredis's generic command call; BullMQ's client forwards it to the ioredis instance it wraps. */
interface RawRedis {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** How to read a key of each Redis type whole. */
const READ_WHOLE: Record<string, (key: string) => string[]> = {
  string: (key) => ['GET', key],
  hash: (key) => ['HGETALL', key],
  list: (key) => ['LRANGE', key, '0', '-1'],
  set: (key) => ['SMEMBERS', key],
  zset: (key) => ['ZRANGE', key, '0', '-1'],
  stream: (key) => ['XRANGE', key, '-', '+'],
};

/** Every key of the queue with its whole value as text, to search Redis for a leaked secret. */
export async function dumpQueue(queue: Queue): Promise<string> {
  const client = (await queue.client) as unknown as RawRedis;
  const keys = (await client.call('KEYS', `${queue.opts.prefix ?? 'bull'}:${queue.name}:*`)) as string[];
  const parts: string[] = [];
  for (const key of keys) {
    const type = (await client.call('TYPE', key)) as string;
    const [command, ...args] = READ_WHOLE[type]?.(key) ?? ['TYPE', key];
    parts.push(`${key} ${JSON.stringify(await client.call(command, ...args))}`);
  }
  return parts.join('\n');
}

/** The keys of the queue, without their prefix and queue name (`meta`, `wait`, `<job id>`, …). */
export async function queueKeys(queue: Queue): Promise<string[]> {
  const client = (await queue.client) as unknown as RawRedis;
  const prefix = `${queue.opts.prefix ?? 'bull'}:${queue.name}:`;
  const keys = (await client.call('KEYS', `${prefix}*`)) as string[];
  return keys.map((key) => key.slice(prefix.length)).sort();
}

/** Polls `check` until it returns true, failing with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  intervalMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A worker instance running in its own process (test/fixtures/queue-worker.process.ts). */
export interface WorkerProcess {
  pid: number;
  /** Sends `SIGKILL`: the process dies mid-send, as in a crash or an OOM kill. */
  kill: () => Promise<void>;
  /** Closes the application gracefully and waits for the process to exit. */
  close: () => Promise<void>;
  /** Messages this process sent and failed, from the queue's events. */
  stats: () => Promise<{ sent: number; failed: number }>;
  /** What the process wrote to stderr, for failure messages. */
  stderr: () => string;
}

const WORKER_SCRIPT = join(__dirname, 'fixtures', 'queue-worker.process.ts');
const TS_REGISTER = join(__dirname, 'fixtures', 'ts-transpile.register.cjs');

/** Forks a worker process and resolves once its application has started (its worker is running). */
export async function startWorkerProcess(config: WorkerProcessConfig, startTimeoutMs = 30_000): Promise<WorkerProcess> {
  const child = fork(WORKER_SCRIPT, [], {
    execArgv: ['--require', TS_REGISTER],
    env: { ...process.env, [WORKER_CONFIG_ENV]: JSON.stringify(config) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await nextMessage(child, 'ready', startTimeoutMs).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\nworker stderr:\n${stderr}`);
  });
  return {
    pid: child.pid ?? -1,
    kill: async () => {
      const exited = exitOf(child);
      child.kill('SIGKILL');
      await exited;
    },
    close: async () => {
      const exited = exitOf(child);
      child.send({ type: 'close' } satisfies ToWorker);
      await exited;
    },
    stats: async () => {
      const reply = nextMessage(child, 'stats', 5000);
      child.send({ type: 'stats' } satisfies ToWorker);
      const { sent, failed } = (await reply) as Extract<FromWorker, { type: 'stats' }>;
      return { sent, failed };
    },
    stderr: () => stderr,
  };
}

function nextMessage(child: ChildProcess, type: FromWorker['type'], timeoutMs: number): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`worker process sent no "${type}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: FromWorker): void => {
      if (message.type === type) {
        done(undefined, message);
      }
    };
    const onExit = (code: number | null): void =>
      done(new Error(`worker process exited (code ${code}) before "${type}"`));
    function done(error?: Error, message?: FromWorker): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message as FromWorker);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
