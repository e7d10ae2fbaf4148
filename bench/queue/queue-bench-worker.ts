/*
 * One worker instance of an application, in a process of its own: ZixflowModule pointed at the
 * loopback fake and ZixflowQueueModule with a worker, as an app runs it. It tells the benchmark
 * when it is running, and closes gracefully when asked.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ZixflowModule } from '../../src/zixflow';
import { ZixflowQueueModule } from '../../src/zixflow/queue';
import { failChild, serveParent } from '../common/child-process';

/** What the benchmark passes in `BENCH_QUEUE_WORKER`, to this worker and to the bare one. */
export interface BenchWorkerConfig {
  baseUrl: string;
  redisUrl: string;
  queueName: string;
  concurrency: number;
  apiKey: string;
  phoneId: string;
}

const config = JSON.parse(process.env.BENCH_QUEUE_WORKER ?? '{}') as BenchWorkerConfig;

@Module({
  imports: [
    ZixflowModule.forRoot({
      apiKey: config.apiKey,
      baseUrl: config.baseUrl,
      defaultPhoneId: config.phoneId,
      isGlobal: true,
    }),
    ZixflowQueueModule.forRoot({
      connection: config.redisUrl,
      queueName: config.queueName,
      worker: { concurrency: config.concurrency },
    }),
  ],
})
class BenchWorkerModule {}

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(BenchWorkerModule, { logger: ['error'] });
  serveParent(
    {},
    () => undefined,
    () => app.close(),
  );
}

main().catch(failChild('queue worker'));
