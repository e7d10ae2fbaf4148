import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, type JobsOptions } from 'bullmq';
import { join } from 'node:path';
import {
  getZixflowQueueToken,
  ZixflowOutbox,
  ZixflowQueueModule,
  type ZixflowOutboxItem,
} from '../../src/zixflow/queue';
import { startChild, type BenchChild } from '../common/child-process';
import { fixed, log, median, medianRatio } from '../common/stats';
import { startLoopbackZixflow, type LoopbackZixflow } from './loopback-zixflow';
import type { BenchWorkerConfig } from './queue-bench-worker';

/**
 * The queue (issue 16 goal 6), on the benchmark's Redis with a loopback fake Zixflow:
 *  - `enqueueMany` (validation included) against a bare `queue.addBulk` of the same messages already
 *    in their stored form: calls of one batch each, alternating, each pair a round;
 *  - one library worker process (`ZixflowQueueModule` with a worker) against one bare BullMQ worker
 *    process doing the same HTTP post with plain axios, same concurrency: each queue is paused,
 *    filled with the same jobs, resumed, and timed until every job is completed in Redis; rounds
 *    alternate.
 * Short rounds, many of them: on a shared machine a pair of rounds close in time sees the same load.
 * BENCH_QUEUE_MESSAGES (jobs drained per round, default 5000), BENCH_QUEUE_ROUNDS (12),
 * BENCH_ENQUEUE_ROUNDS (60), BENCH_QUEUE_BATCH (1000), BENCH_QUEUE_CONCURRENCY (32).
 */
export interface QueueFigures {
  rounds: number;
  drainedPerRound: number;
  enqueueRounds: number;
  batch: number;
  concurrencyPerWorker: number;
  workerMsgsPerSec: number;
  bareWorkerMsgsPerSec: number;
  workerVsBare: number;
  enqueueManyPerSec: number;
  addBulkPerSec: number;
  enqueueManyVsAddBulk: number;
}

const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 12);
const DRAINED = Number(process.env.BENCH_QUEUE_MESSAGES ?? 5000);
const ENQUEUE_ROUNDS = Number(process.env.BENCH_ENQUEUE_ROUNDS ?? 60);
const ENQUEUE_WARM_UP = 5;
const BATCH = Number(process.env.BENCH_QUEUE_BATCH ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_QUEUE_CONCURRENCY ?? 32);
const PHONE_ID = '104898309288724';

/** The message as a caller writes it; recipients are distinct, as in a campaign. */
function items(count: number, offset: number): ZixflowOutboxItem[] {
  return Array.from({ length: count }, (_, index) => {
    const line = String((offset + index) % 10_000_000).padStart(7, '0');
    return {
      message: {
        type: 'text',
        to: `+1 (302) ${line.slice(0, 3)}-${line.slice(3)}`,
        text: { body: `bench message ${offset + index}` },
      },
    };
  });
}

/** The same messages as stored jobs: what a bare producer would add. */
function storedJobs(count: number, offset: number): Array<{ name: string; data: object; opts?: JobsOptions }> {
  return Array.from({ length: count }, (_, index) => ({
    name: 'text',
    data: {
      message: {
        to: `1302${String((offset + index) % 10_000_000).padStart(7, '0')}`,
        text: { body: `bench message ${offset + index}` },
        type: 'text',
      },
    },
  }));
}

async function waitForCompleted(queue: Queue, count: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await queue.getCompletedCount()) < count) {
    if (Date.now() > deadline) {
      throw new Error(`queue ${queue.name}: ${await queue.getCompletedCount()} of ${count} jobs completed in 120 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Pauses, fills with the same jobs, resumes, and times the drain by its worker: from the resume to
 * the last job's post reaching the fake (counted in this process, so the end is exact to a
 * millisecond); then waits, untimed, for every job to be completed in Redis.
 */
async function drain(queue: Queue, messages: number, server: LoopbackZixflow): Promise<number> {
  await queue.pause();
  for (let offset = 0; offset < messages; offset += BATCH) {
    await queue.addBulk(storedJobs(Math.min(BATCH, messages - offset), offset));
  }
  const target = server.requests() + messages;
  const deadline = Date.now() + 120_000;
  const startedAt = performance.now();
  await queue.resume();
  while (server.requests() < target && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const perSecond = messages / ((performance.now() - startedAt) / 1000);
  await waitForCompleted(queue, messages);
  if (server.requests() !== target) {
    throw new Error(`queue ${queue.name}: ${server.requests() - target + messages} posts for ${messages} jobs`);
  }
  await queue.obliterate({ force: true });
  return perSecond;
}

/** Times one call that enqueues `count` items; messages per second. */
async function timeBatch(add: () => Promise<unknown>, count: number): Promise<number> {
  const startedAt = performance.now();
  await add();
  return count / ((performance.now() - startedAt) / 1000);
}

async function startProducer(redisUrl: string, queueName: string): Promise<INestApplicationContext> {
  @Module({ imports: [ZixflowQueueModule.forRoot({ connection: redisUrl, queueName, worker: false })] })
  class BenchProducerModule {}
  return NestFactory.createApplicationContext(BenchProducerModule, { logger: ['error'] });
}

/** Runs the queue section against the Redis at `redisUrl`. */
export async function measureQueue(redisUrl: string): Promise<QueueFigures> {
  const names = { library: `zixflow-bench-${process.pid}`, bare: `bare-bench-${process.pid}` };
  const server: LoopbackZixflow = await startLoopbackZixflow();
  const producer = await startProducer(redisUrl, names.library);
  const outbox = producer.get(ZixflowOutbox);
  const libraryQueue = producer.get<Queue>(getZixflowQueueToken(names.library));
  const { hostname, port } = new URL(redisUrl);
  const bareQueue = new Queue(names.bare, {
    connection: { host: hostname, port: Number(port || 6379) },
    defaultJobOptions: libraryQueue.defaultJobOptions,
  });
  const workers: BenchChild<object>[] = [];
  try {
    await Promise.all([libraryQueue.obliterate({ force: true }), bareQueue.obliterate({ force: true })]);
    const enqueueMany: number[] = [];
    const addBulk: number[] = [];
    for (let index = -ENQUEUE_WARM_UP; index < ENQUEUE_ROUNDS; index += 1) {
      if (index % 10 === 0) {
        await Promise.all([libraryQueue.obliterate({ force: true }), bareQueue.obliterate({ force: true })]);
      }
      const offset = (index + ENQUEUE_WARM_UP) * BATCH;
      const library = await timeBatch(() => outbox.enqueueMany(items(BATCH, offset)), BATCH);
      const bare = await timeBatch(() => bareQueue.addBulk(storedJobs(BATCH, offset)), BATCH);
      if (index >= 0) {
        enqueueMany.push(library);
        addBulk.push(bare);
      }
    }
    await Promise.all([libraryQueue.obliterate({ force: true }), bareQueue.obliterate({ force: true })]);

    const config = (queueName: string): Record<string, string> => {
      const worker: BenchWorkerConfig = {
        baseUrl: server.url,
        redisUrl,
        queueName,
        concurrency: CONCURRENCY,
        apiKey: 'bench-api-key',
        phoneId: PHONE_ID,
      };
      return { BENCH_QUEUE_WORKER: JSON.stringify(worker) };
    };
    workers.push(await startChild(join(__dirname, 'queue-bench-worker.js'), 'queue-worker', config(names.library)));
    workers.push(await startChild(join(__dirname, 'bare-bullmq-worker.process.js'), 'bare-worker', config(names.bare)));
    await drain(libraryQueue, Math.min(500, DRAINED), server);
    await drain(bareQueue, Math.min(500, DRAINED), server);
    const library: number[] = [];
    const bare: number[] = [];
    for (let index = 0; index < ROUNDS; index += 1) {
      library.push(await drain(libraryQueue, DRAINED, server));
      bare.push(await drain(bareQueue, DRAINED, server));
    }
    return {
      rounds: ROUNDS,
      drainedPerRound: DRAINED,
      enqueueRounds: ENQUEUE_ROUNDS,
      batch: BATCH,
      concurrencyPerWorker: CONCURRENCY,
      workerMsgsPerSec: median(library),
      bareWorkerMsgsPerSec: median(bare),
      workerVsBare: medianRatio(library, bare, 'queueWorkerVsBareBullmq'),
      enqueueManyPerSec: median(enqueueMany),
      addBulkPerSec: median(addBulk),
      enqueueManyVsAddBulk: medianRatio(enqueueMany, addBulk, 'enqueueManyVsAddBulk'),
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.close()));
    await Promise.all([libraryQueue.obliterate({ force: true }), bareQueue.obliterate({ force: true })]).catch(
      () => undefined,
    );
    await bareQueue.close();
    await producer.close();
    await server.stop();
  }
}

/** The section's lines of the printed report. */
export function printQueue(figures: QueueFigures): void {
  log(
    `\nQueue on Redis, loopback fake Zixflow, ${figures.rounds} alternating rounds; ` +
      `one worker process each, concurrency ${figures.concurrencyPerWorker}\n`,
  );
  log(
    `worker:      library ${fixed(figures.workerMsgsPerSec, 0)} msgs/s, bare BullMQ + axios ` +
      `${fixed(figures.bareWorkerMsgsPerSec, 0)} msgs/s (${figures.drainedPerRound} per round): ${fixed(figures.workerVsBare, 3)}×`,
  );
  log(
    `enqueue:     enqueueMany ${fixed(figures.enqueueManyPerSec, 0)} msgs/s, bare addBulk ` +
      `${fixed(figures.addBulkPerSec, 0)} msgs/s (${figures.enqueueRounds} alternating calls of ${figures.batch} each): ` +
      `${fixed(figures.enqueueManyVsAddBulk, 3)}×`,
  );
}
