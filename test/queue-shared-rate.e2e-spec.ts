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

/** 100 messages per second, shared by every worker of the queue. */
const LIMIT = { max: 100, durationMs: 1000 };
/**
 * Windows measured: from the first request of window 2 to the first of window 6. Window 1 is left
 * out because each worker's first sends open connections and run cold code, which delays it.
 */
const WINDOWS = 4;
/** Window 1, the measured windows, and half of one more whose first request closes the last. */
const MESSAGES = (1 + WINDOWS) * LIMIT.max + LIMIT.max / 2;

/**
 * The pacing claim, tested with real processes: two worker instances with the same global limit
 * together stay at the limit, not at twice it. BullMQ's limiter counts started jobs per fixed
 * window in Redis, so the rate is measured over whole windows: from the first request of one window
 * to the first request of the window four later, during which four windows' worth were sent.
 */
describeWithRedis('queue: a rate limit shared by two worker processes', () => {
  let redis: LocalRedis;
  let sandbox: ZixflowSandbox;
  let producer: QueueApp;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startLocalRedis();
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
    sandbox.respondAlways({ status: 200, body: { status: true, message: 'Message sent successfully' }, delayMs: 5 });
    producer = await startQueueApp({
      redisUrl: redis.url,
      queueName: uniqueQueueName('rate'),
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

  it(`two workers sharing ${LIMIT.max} msg/s send at most ${LIMIT.max} msg/s (+5 %), both taking part`, async () => {
    const config: WorkerProcessConfig = {
      apiKey: API_KEY,
      baseUrl: sandbox.url,
      queueName: producer.outbox.queueName,
      queue: { connection: redis.url, worker: { concurrency: 8 }, rateLimit: LIMIT },
    };
    workers.push(...(await Promise.all([startWorkerProcess(config), startWorkerProcess(config)])));

    // Both workers are idle and waiting when the whole batch lands.
    await producer.outbox.enqueueMany(
      Array.from({ length: MESSAGES }, (_, index) => ({ message: textMessage(`message ${index}`) })),
    );
    await waitFor(`${MESSAGES} requests`, () => sandbox.requests.length >= MESSAGES, (WINDOWS + 5) * LIMIT.durationMs);

    const times = sandbox.requests.map((request) => request.receivedAt.getTime()).sort((a, b) => a - b);
    const [from, to] = [LIMIT.max, (1 + WINDOWS) * LIMIT.max];
    const perSecond = ((to - from) / (times[to] - times[from])) * 1000;
    await waitFor('every job to complete', async () => (await producer.queue.getCompletedCount()) === MESSAGES);
    const stats = await Promise.all(workers.map((worker) => worker.stats()));

    // The claim is the ceiling: two workers together never exceed the shared limit. The floor only
    // shows the limit is not far stricter than set; it is loose because a loaded machine (CI's
    // neighbours) can fall behind 100 msg/s on its own, which says nothing about the limiter.
    expect(perSecond).toBeLessThanOrEqual(LIMIT.max * 1.05);
    expect(perSecond).toBeGreaterThanOrEqual(LIMIT.max * 0.7);
    expect(stats.every(({ sent: byWorker }) => byWorker > 0)).toBe(true);
    expect(stats.reduce((total, { sent: byWorker }) => total + byWorker, 0)).toBe(MESSAGES);
  }, 60_000);
});
