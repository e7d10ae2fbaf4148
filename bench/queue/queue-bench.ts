import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { getZixflowQueueToken, ZixflowOutbox, ZixflowOutboxItem, ZixflowQueueModule } from '../../src/zixflow/queue';
import { startLocalRedis } from '../../test/queue-redis';
import { startLoopbackZixflow, type LoopbackZixflow } from './loopback-zixflow';
import type { BenchWorkerConfig } from './queue-bench-worker';

/**
 * `npm run bench:queue`: the durable queue end to end on one machine. A private redis-server (or
 * REDIS_URL), a loopback Zixflow, and worker instances in processes of their own. Measures
 *   - enqueueMany: messages per second put on the queue (validation included), in batches;
 *   - the queue with 1 and then 2 worker processes: the queue is paused, filled, and resumed once the
 *     workers run; messages per second from the resume until every job is completed in Redis.
 * Prints a summary, and as the very last line one JSON object.
 *
 * BENCH_QUEUE_MESSAGES (default 10 000), BENCH_QUEUE_BATCH (1000) and BENCH_QUEUE_CONCURRENCY (32
 * per worker process) override the sizes.
 */

const MESSAGES = Number(process.env.BENCH_QUEUE_MESSAGES ?? 10_000);
const BATCH = Number(process.env.BENCH_QUEUE_BATCH ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_QUEUE_CONCURRENCY ?? 32);
const QUEUE_NAME = `zixflow-bench-${process.pid}`;
const WORKER_SCRIPT = join(__dirname, 'queue-bench-worker.js');

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function items(count: number, offset: number): ZixflowOutboxItem[] {
  return Array.from({ length: count }, (_, index) => ({
    message: { type: 'text', to: '+1 302 389 5111', text: { body: `bench message ${offset + index}` } },
  }));
}

/** Enqueues `MESSAGES` in batches of `BATCH`; resolves with messages per second. */
async function enqueueAll(outbox: ZixflowOutbox): Promise<number> {
  const startedAt = performance.now();
  for (let offset = 0; offset < MESSAGES; offset += BATCH) {
    await outbox.enqueueMany(items(Math.min(BATCH, MESSAGES - offset), offset));
  }
  return MESSAGES / ((performance.now() - startedAt) / 1000);
}

function startWorker(config: BenchWorkerConfig): Promise<ChildProcess> {
  const child = fork(WORKER_SCRIPT, [], { env: { ...process.env, BENCH_QUEUE_WORKER: JSON.stringify(config) } });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bench worker exited with code ${code} before it was ready`)));
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.send('close');
  });
}

async function waitForCompleted(queue: Queue, count: number): Promise<void> {
  while ((await queue.getCompletedCount()) < count) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Fills the paused queue, starts `workers` processes, resumes, and times the queue's drain. */
async function measureWorkers(
  outbox: ZixflowOutbox,
  queue: Queue,
  server: LoopbackZixflow,
  redisUrl: string,
  workers: number,
): Promise<number> {
  await queue.pause();
  await enqueueAll(outbox);
  const config: BenchWorkerConfig = { baseUrl: server.url, redisUrl, queueName: QUEUE_NAME, concurrency: CONCURRENCY };
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(config)));
  const startedAt = performance.now();
  await queue.resume();
  await waitForCompleted(queue, MESSAGES);
  const perSecond = MESSAGES / ((performance.now() - startedAt) / 1000);
  await Promise.all(children.map(stopWorker));
  await queue.obliterate({ force: true });
  return perSecond;
}

async function startProducer(redisUrl: string): Promise<INestApplicationContext> {
  @Module({ imports: [ZixflowQueueModule.forRoot({ connection: redisUrl, queueName: QUEUE_NAME, worker: false })] })
  class BenchProducerModule {}
  return NestFactory.createApplicationContext(BenchProducerModule, { logger: ['error'] });
}

async function main(): Promise<void> {
  const redis = await startLocalRedis();
  const server = await startLoopbackZixflow();
  const producer = await startProducer(redis.url);
  try {
    const outbox = producer.get(ZixflowOutbox);
    const queue = producer.get<Queue>(getZixflowQueueToken(QUEUE_NAME));
    await queue.obliterate({ force: true });

    const enqueueManyPerSec = await enqueueAll(outbox);
    await queue.obliterate({ force: true });
    log(`enqueueMany: ${MESSAGES} messages in batches of ${BATCH}: ${enqueueManyPerSec.toFixed(0)} msgs/s`);
    const oneWorker = await measureWorkers(outbox, queue, server, redis.url, 1);
    log(`1 worker process, concurrency ${CONCURRENCY}: ${oneWorker.toFixed(0)} msgs/s through the queue`);
    const twoWorkers = await measureWorkers(outbox, queue, server, redis.url, 2);
    log(`2 worker processes, concurrency ${CONCURRENCY} each: ${twoWorkers.toFixed(0)} msgs/s through the queue`);
    log(`(loopback server answered ${server.requests()} requests; Node ${process.version}; ${cpus().length} CPUs)`);
    log(
      JSON.stringify({
        messages: MESSAGES,
        concurrencyPerWorker: CONCURRENCY,
        queueMsgsPerSec1Worker: Math.round(oneWorker),
        queueMsgsPerSec2Workers: Math.round(twoWorkers),
        enqueueManyPerSec: Math.round(enqueueManyPerSec),
      }),
    );
  } finally {
    await producer.close();
    await server.stop();
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
