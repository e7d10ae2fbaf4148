/*
 * The baseline of the queue benchmark: a bare BullMQ worker, in a process of its own, with the same
 * concurrency and lock settings as the library's, doing the same HTTP post to the same fake with
 * plain axios configured as the library configures its own instance (bench-clients.ts). It sends
 * the job's stored message as the wire body, unvalidated: what is left when the library's work per
 * job (validation, mapping, its delivery pipeline, events) is taken away.
 */
import axios from 'axios';
import { Worker } from 'bullmq';
import { Agent } from 'node:http';
import { failChild, serveParent } from '../common/child-process';
import type { BenchWorkerConfig } from './queue-bench-worker';

const config = JSON.parse(process.env.BENCH_QUEUE_WORKER ?? '{}') as BenchWorkerConfig;
const PATH = '/api/v1/campaign/whatsapp/message/send';

function main(): void {
  const redisUrl = new URL(config.redisUrl);
  const http = axios.create({
    baseURL: config.baseUrl,
    timeout: 10_000,
    headers: {
      authorization: `Bearer ${config.apiKey}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    httpAgent: new Agent({ keepAlive: true }),
    validateStatus: () => true,
    maxRedirects: 0,
  });
  const worker = new Worker<{ message: Record<string, unknown> }>(
    config.queueName,
    async (job) => {
      const { to, type, ...content } = job.data.message;
      const response = await http.post<{ status?: unknown }>(PATH, { to, phoneId: config.phoneId, type, ...content });
      if (response.data?.status !== true) {
        throw new Error(`unexpected answer ${response.status}`);
      }
      return response.data;
    },
    {
      connection: { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) },
      concurrency: config.concurrency,
      lockDuration: 30_000,
      stalledInterval: 30_000,
      maxStalledCount: 1,
    },
  );
  worker.on('error', () => undefined);
  serveParent(
    {},
    () => undefined,
    () => worker.close(),
  );
}

try {
  main();
} catch (error) {
  failChild('bare BullMQ worker')(error);
}
