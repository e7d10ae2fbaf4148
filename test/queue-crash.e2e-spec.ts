import { ZixflowSandbox } from '../src/zixflow/testing';
import { WorkerProcessConfig } from './fixtures/queue-worker.protocol';
import {
  API_KEY,
  describeWithRedis,
  LocalRedis,
  QueueApp,
  removeQueue,
  startLocalRedis,
  startQueueApp,
  startWorkerProcess,
  textMessage,
  uniqueQueueName,
  waitFor,
  WorkerProcess,
} from './queue.helpers';

const MESSAGES = 2000;
const CONCURRENCY = 8;

/**
 * The durability claim, tested with real processes: a worker instance is killed with SIGKILL in the
 * middle of a run, as a crash or an OOM kill would, and a second instance finishes the queue. Short
 * lock and stalled-check intervals make the recovery take about a second instead of a minute.
 */
describeWithRedis('queue: a worker process killed mid-run', () => {
  let redis: LocalRedis;
  let sandbox: ZixflowSandbox;
  let producer: QueueApp;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startLocalRedis();
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
    // Every send takes a few milliseconds, so the kill catches sends in flight.
    sandbox.respondAlways({ status: 200, body: { status: true, message: 'Message sent successfully' }, delayMs: 5 });
    producer = await startQueueApp({
      redisUrl: redis.url,
      queueName: uniqueQueueName('crash'),
      queue: { worker: false },
    });
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    if (producer) {
      await removeQueue(producer.queue);
      await producer.close();
    }
    await sandbox?.stop();
    await redis?.stop();
  });

  it(`every one of ${MESSAGES} messages reaches Zixflow, duplicates at most the ${CONCURRENCY} in flight at the kill`, async () => {
    const config: WorkerProcessConfig = {
      apiKey: API_KEY,
      baseUrl: sandbox.url,
      queueName: producer.outbox.queueName,
      queue: {
        connection: redis.url,
        worker: { concurrency: CONCURRENCY, lockDurationMs: 1000, stalledIntervalMs: 500 },
      },
    };
    const bodies = Array.from({ length: MESSAGES }, (_, index) => `message ${index}`);
    await producer.outbox.enqueueMany(bodies.map((body) => ({ message: textMessage(body) })));

    const first = await startWorkerProcess(config);
    workers.push(first);
    await waitFor(
      'the first worker to be a third of the way',
      () => sandbox.requests.length >= MESSAGES / 3,
      30_000,
      2,
    );
    await first.kill();
    const receivedAtKill = sandbox.requests.length;
    const inFlightAtKill = await producer.queue.getActiveCount();

    const second = await startWorkerProcess(config);
    workers.push(second);
    await waitFor(
      'every job to complete',
      async () => (await producer.queue.getCompletedCount()) === MESSAGES,
      30_000,
      50,
    );
    await second.close();

    const received = sandbox.requests.map((request) => (request.body as { text: { body: string } }).text.body);
    const duplicates = received.length - new Set(received).size;
    expect(receivedAtKill).toBeLessThan(MESSAGES);
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(inFlightAtKill).toBeLessThanOrEqual(CONCURRENCY);
    expect(new Set(received)).toEqual(new Set(bodies));
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
    expect(await producer.queue.getFailedCount()).toBe(0);
    expect(await producer.queue.getWaitingCount()).toBe(0);
  }, 60_000);
});
