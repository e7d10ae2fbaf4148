/*
 * One worker instance of an application, in a process of its own, for `npm run bench:queue`:
 * ZixflowModule pointed at the loopback server and ZixflowQueueModule with a worker. It tells the
 * benchmark when it is running, and closes gracefully when asked.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ZixflowModule } from '../../src/zixflow';
import { ZixflowQueueModule } from '../../src/zixflow/queue';

/** What the benchmark passes in `BENCH_QUEUE_WORKER`. */
export interface BenchWorkerConfig {
  baseUrl: string;
  redisUrl: string;
  queueName: string;
  concurrency: number;
}

const config = JSON.parse(process.env.BENCH_QUEUE_WORKER ?? '{}') as BenchWorkerConfig;

@Module({
  imports: [
    ZixflowModule.forRoot({
      apiKey: 'bench-key',
      baseUrl: config.baseUrl,
      defaultPhoneId: '104898309288724',
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
  process.on('message', (message: string) => {
    if (message === 'close') {
      void app.close().then(() => process.disconnect?.());
    }
  });
  process.send?.('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
