import type { Job } from 'bullmq';
import {
  ZixflowBadRequestError,
  ZixflowMessage,
  ZixflowConfigurationError,
  ZixflowServerError,
  ZixflowValidationError,
  ZIXFLOW_TEMPLATE_MESSAGE_PATH,
} from '../src/zixflow';
import { ZixflowSandbox } from '../src/zixflow/testing';
import {
  API_KEY,
  describeWithRedis,
  dumpQueue,
  LocalRedis,
  PHONE_ID,
  QueueApp,
  QueueAppOptions,
  queueKeys,
  removeQueuesFromSharedRedis,
  startLocalRedis,
  startQueueApp,
  textMessage,
  uniqueQueueName,
  waitFor,
} from './queue.helpers';

const OK = { status: 200, body: { status: true, message: 'Message sent successfully' } } as const;
const BAD_REQUEST = { status: 400, body: { status: false, message: 'Invalid data Provided' } } as const;
const BUSY = { status: 503, body: { status: false, message: 'Service unavailable' } } as const;
/** Millisecond back-off, so retry tests do not wait for the production defaults. */
const FAST_BACKOFF = { minDelayMs: 5, maxDelayMs: 20 } as const;
const LINK = 'https://cdn.example.com/media';

/** One valid message of every kind; `phoneId` is left out, so the worker's `defaultPhoneId` applies. */
const ONE_OF_EACH: ZixflowMessage[] = [
  { type: 'video', to: '+1 302 389 5111', video: { link: `${LINK}/v.mp4`, caption: 'Clip' } },
  { type: 'image', to: '+44 20 7946 0958', image: { link: `${LINK}/i.jpg` } },
  { type: 'audio', to: '+91 98765 43210', audio: { link: `${LINK}/a.ogg` } },
  { type: 'document', to: '+49 171 1234567', document: { link: `${LINK}/d.pdf`, filename: 'd.pdf' } },
  { type: 'text', to: '+1 302 389 5112', text: { body: 'Hello' } },
  { type: 'location', to: '+1 302 389 5113', location: { latitude: 52.52, longitude: '13.405', name: 'Berlin' } },
  {
    type: 'interactive',
    to: '+1 302 389 5114',
    interactive: {
      body: { text: 'Pick one' },
      action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] },
    },
  },
  { type: 'template', to: '+1 302 389 5115', templateName: 'order_update', language: 'en', variables: { name: 'Ada' } },
];

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describeWithRedis('ZixflowQueueModule against a real Redis', () => {
  let redis: LocalRedis;
  let sandbox: ZixflowSandbox;
  const apps: QueueApp[] = [];

  beforeAll(async () => {
    redis = await startLocalRedis();
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
  });

  afterAll(async () => {
    await sandbox?.stop();
    await redis?.stop();
  });

  afterEach(async () => {
    const finished = apps.splice(0).reverse();
    // Closed in reverse, so the producer used to inspect a queue outlives the worker instances.
    for (const app of finished) {
      await app.close();
    }
    await removeQueuesFromSharedRedis(
      redis.url,
      finished.map((app) => app.outbox.queueName),
    );
    sandbox.clear();
  });

  /** An instance with a worker sending to the sandbox (unless `queue.worker` is false). */
  async function start(options: Partial<QueueAppOptions> = {}): Promise<QueueApp> {
    const app = await startQueueApp({
      redisUrl: redis.url,
      queueName: options.queueName ?? uniqueQueueName('e2e'),
      zixflow: { baseUrl: sandbox.url, defaultPhoneId: PHONE_ID },
      ...options,
      queue: { backoff: FAST_BACKOFF, ...options.queue },
    });
    apps.push(app);
    return app;
  }

  /** A producer-only instance on the queue of `app`, to look at jobs after `app` has stopped. */
  async function observer(queueName: string): Promise<QueueApp> {
    return start({ queueName, zixflow: undefined, queue: { worker: false } });
  }

  async function finishedJob(app: QueueApp, jobId: string, timeoutMs = 10_000): Promise<Job> {
    let job: Job | undefined;
    await waitFor(
      `job ${jobId} to finish`,
      async () => {
        job = await app.queue.getJob(jobId);
        return job?.finishedOn !== undefined;
      },
      timeoutMs,
    );
    return job as Job;
  }

  describe('enqueue and send', () => {
    it('enqueue → the sandbox receives exactly the message, and the job keeps Zixflow’s result', async () => {
      const app = await start();
      const jobId = await app.outbox.enqueue({
        type: 'video',
        to: '+1 (302) 389-5111',
        phoneId: PHONE_ID,
        video: { link: 'https://cdn.example.com/welcome.mp4', caption: 'Welcome!' },
        submissionStatus: true,
      });

      const job = await finishedJob(app, jobId);
      expect(sandbox.messages).toHaveLength(1);
      expect(sandbox.messages[0].body).toEqual({
        to: '13023895111',
        phoneId: PHONE_ID,
        type: 'video',
        video: { link: 'https://cdn.example.com/welcome.mp4', caption: 'Welcome!' },
        submissionStatus: true,
      });
      expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(await job.getState()).toBe('completed');
      expect(job.name).toBe('video');
      expect(job.returnvalue).toEqual({
        status: true,
        message: expect.any(String),
        messageId: sandbox.messages[0].messageId,
        campaignId: sandbox.messages[0].campaignId,
      });
      expect(app.events.sent).toEqual([
        { jobId, idempotencyKey: undefined, message: job.data.message, result: job.returnvalue, attempts: 1 },
      ]);
    });

    it('stores only the validated message: `to` normalised, no key, nothing else', async () => {
      const app = await start({ queue: { worker: false } });
      const jobId = await app.outbox.enqueue(textMessage('Hi', '001 302 389 5111'), { idempotencyKey: 'welcome-1' });

      const job = (await app.queue.getJob(jobId)) as Job;
      expect(job.data).toEqual({
        message: { type: 'text', to: '13023895111', phoneId: PHONE_ID, text: { body: 'Hi' } },
        idempotencyKey: 'welcome-1',
      });
      expect(await dumpQueue(app.queue)).not.toContain(API_KEY);
    });

    it('sends every message kind, enqueued in one enqueueMany; phoneId comes from the worker’s defaultPhoneId', async () => {
      const app = await start();
      const jobIds = await app.outbox.enqueueMany(ONE_OF_EACH.map((message) => ({ message })));

      expect(jobIds).toHaveLength(ONE_OF_EACH.length);
      expect(new Set(jobIds).size).toBe(ONE_OF_EACH.length);
      await Promise.all(jobIds.map((jobId) => finishedJob(app, jobId)));
      expect(sandbox.messages).toHaveLength(ONE_OF_EACH.length);
      expect(sandbox.requests.every((request) => (request.body as { phoneId?: string }).phoneId === PHONE_ID)).toBe(
        true,
      );
      const location = sandbox.messages.find((message) => message.body.type === 'location');
      expect(location?.body.location).toEqual({ latitude: '52.52', longitude: '13.405', name: 'Berlin' });
      const template = sandbox.messages.find((message) => message.path === ZIXFLOW_TEMPLATE_MESSAGE_PATH);
      expect(template?.body).toEqual({
        to: '13023895115',
        phoneId: PHONE_ID,
        templateName: 'order_update',
        language: 'en',
        variables: { name: 'Ada' },
      });
      for (const jobId of jobIds) {
        expect(await (await app.queue.getJob(jobId))?.getState()).toBe('completed');
      }
    });

    it('delayMs holds the message back; priority is passed to BullMQ', async () => {
      const app = await start();
      const enqueuedAt = Date.now();
      const jobId = await app.outbox.enqueue(textMessage('Later'), { delayMs: 400, priority: 7 });

      expect(await (await app.queue.getJob(jobId))?.getState()).toBe('delayed');
      const [request] = await sandbox.waitForRequests(1);
      expect(request.receivedAt.getTime() - enqueuedAt).toBeGreaterThanOrEqual(390);
      expect((await finishedJob(app, jobId)).opts).toMatchObject({ delay: 400, priority: 7 });
    });
  });

  describe('refused at enqueue', () => {
    it('an invalid message is rejected with ZixflowValidationError and nothing reaches Redis', async () => {
      const app = await start({ queue: { worker: false } });
      const keysBefore = await queueKeys(app.queue);

      await expect(app.outbox.enqueue(textMessage('Hi', '0301 234567'))).rejects.toThrow(ZixflowValidationError);
      await expect(app.outbox.enqueue({ type: 'text', to: '+1 302 389 5111' } as ZixflowMessage)).rejects.toThrow(
        'text is required',
      );
      await expect(
        app.outbox.enqueue({ type: 'fax', to: '+1 302 389 5111' } as unknown as ZixflowMessage),
      ).rejects.toThrow('type must be one of');

      expect(await queueKeys(app.queue)).toEqual(keysBefore);
      expect(Object.values(await app.queue.getJobCounts()).every((count) => count === 0)).toBe(true);
    });

    it('enqueueMany is all or nothing: one invalid item rejects the batch, its problems listed by index', async () => {
      const app = await start({ queue: { worker: false } });
      const keysBefore = await queueKeys(app.queue);

      const error = await app.outbox
        .enqueueMany([
          { message: textMessage('ok') },
          { message: textMessage('bad', '0301 234567') },
          { message: textMessage('') },
        ])
        .then(
          () => undefined,
          (rejection: unknown) => rejection,
        );

      expect(error).toBeInstanceOf(ZixflowValidationError);
      expect((error as ZixflowValidationError).errors).toEqual([
        expect.stringMatching(/^1\.to /),
        expect.stringMatching(/^2\.text\.body /),
      ]);
      expect(await queueKeys(app.queue)).toEqual(keysBefore);
    });

    it('options out of range are a RangeError, before anything is stored', async () => {
      const app = await start({ queue: { worker: false } });

      await expect(app.outbox.enqueue(textMessage('Hi'), { delayMs: -1 })).rejects.toThrow(RangeError);
      await expect(app.outbox.enqueue(textMessage('Hi'), { priority: 0 })).rejects.toThrow(RangeError);
      await expect(app.outbox.enqueue(textMessage('Hi'), { idempotencyKey: '' })).rejects.toThrow(RangeError);
      expect(await app.queue.count()).toBe(0);
    });
  });

  describe('idempotency', () => {
    it('the same idempotencyKey enqueued again (at once, later, in a batch) yields one job and one send', async () => {
      const app = await start();
      const key = 'order-1001:shipped';

      const [first, concurrent] = await Promise.all([
        app.outbox.enqueue(textMessage('Shipped'), { idempotencyKey: key }),
        app.outbox.enqueue(textMessage('Shipped'), { idempotencyKey: key }),
      ]);
      await finishedJob(app, first);
      const later = await app.outbox.enqueue(textMessage('Shipped'), { idempotencyKey: key });
      const batch = await app.outbox.enqueueMany([
        { message: textMessage('Shipped'), idempotencyKey: key },
        { message: textMessage('Shipped'), idempotencyKey: key },
      ]);
      await pause(200);

      expect([concurrent, later, ...batch]).toEqual([first, first, first, first]);
      expect(sandbox.requests).toHaveLength(1);
      expect(app.events.sent).toEqual([expect.objectContaining({ jobId: first, idempotencyKey: key })]);
    });

    it('enqueueDetailed / enqueueManyDetailed say which call added the job and which found it already queued', async () => {
      const app = await start({ queue: { worker: false } });
      const key = 'order-1002:shipped';

      const racing = await Promise.all([
        app.outbox.enqueueDetailed(textMessage('Shipped'), { idempotencyKey: key }),
        app.outbox.enqueueDetailed(textMessage('Shipped'), { idempotencyKey: key }),
        app.outbox.enqueueDetailed(textMessage('Shipped'), { idempotencyKey: key }),
      ]);
      const jobId = racing[0].jobId;
      expect(racing.map((enqueued) => enqueued.jobId)).toEqual([jobId, jobId, jobId]);
      expect(racing.filter((enqueued) => !enqueued.alreadyQueued)).toHaveLength(1);

      expect(await app.outbox.enqueueDetailed(textMessage('Shipped'), { idempotencyKey: key })).toEqual({
        jobId,
        alreadyQueued: true,
      });
      const batch = await app.outbox.enqueueManyDetailed([
        { message: textMessage('Shipped'), idempotencyKey: key },
        { message: textMessage('New', '+44 20 7946 0958'), idempotencyKey: 'order-1003:shipped' },
        { message: textMessage('New', '+44 20 7946 0958'), idempotencyKey: 'order-1003:shipped' },
        { message: textMessage('No key') },
        { message: textMessage('No key') },
      ]);
      expect(batch.map((enqueued) => enqueued.alreadyQueued)).toEqual([true, false, true, false, false]);
      expect(batch[1].jobId).toBe(batch[2].jobId);
      expect(batch[3].jobId).not.toBe(batch[4].jobId);
      expect(await app.queue.count()).toBe(4);
      expect(await app.outbox.enqueueManyDetailed([])).toEqual([]);
    });

    it('a key that is a whole number is accepted (BullMQ refuses such custom ids; the job id is derived)', async () => {
      const app = await start({ queue: { worker: false } });
      const jobId = await app.outbox.enqueue(textMessage('Hi'), { idempotencyKey: '1001' });

      expect(jobId).toMatch(/^zx-[A-Za-z0-9_-]{43}$/);
      expect(await app.outbox.enqueue(textMessage('Hi'), { idempotencyKey: '1001' })).toBe(jobId);
    });
  });

  describe('failures', () => {
    it('429 with Retry-After: 1 → retried after the wait, then sent', async () => {
      const app = await start();
      sandbox.respondNext({
        status: 429,
        headers: { 'retry-after': '1' },
        body: { status: false, message: 'Too many requests' },
      });

      const jobId = await app.outbox.enqueue(textMessage('Hi'));
      const job = await finishedJob(app, jobId);

      const [first, second] = sandbox.requests;
      expect(sandbox.requests).toHaveLength(2);
      expect(second.receivedAt.getTime() - first.receivedAt.getTime()).toBeGreaterThanOrEqual(990);
      expect(await job.getState()).toBe('completed');
      expect(job.attemptsMade).toBe(2);
      expect(sandbox.messages).toHaveLength(1);
      expect(app.events.failed).toEqual([]);
    });

    it('400 → failed at once after one request; the job keeps the error class and message, never the key', async () => {
      const app = await start();
      sandbox.respondNext(BAD_REQUEST);

      const jobId = await app.outbox.enqueue(textMessage('Hi'), { idempotencyKey: 'welcome-2' });
      const job = await finishedJob(app, jobId);
      await pause(200);

      expect(sandbox.requests).toHaveLength(1);
      expect(await job.getState()).toBe('failed');
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toBe(
        'ZixflowBadRequestError: Zixflow answered 400 on POST /api/v1/campaign/whatsapp/message/send: Invalid data Provided',
      );
      expect(app.events.failed).toEqual([
        {
          jobId,
          idempotencyKey: 'welcome-2',
          message: job.data.message,
          attempts: 1,
          error: expect.any(ZixflowBadRequestError),
        },
      ]);
      expect(app.events.failed[0].error).toMatchObject({ status: 400, zixflowMessage: 'Invalid data Provided' });
      expect(await dumpQueue(app.queue)).not.toContain(API_KEY);
      expect(app.logger.lines.map((line) => line.text).join('\n')).not.toContain(API_KEY);
      expect(app.logger.at('warn', new RegExp(`Job ${jobId} \\(text to .*\\) failed after 1 attempt`))).toHaveLength(1);
    });

    it('503 on every attempt → failed when the attempts run out, with one failure event', async () => {
      const app = await start({ queue: { attempts: 3 } });
      sandbox.respondAlways(BUSY);

      const jobId = await app.outbox.enqueue(textMessage('Hi'));
      const job = await finishedJob(app, jobId);

      expect(sandbox.requests).toHaveLength(3);
      expect(await job.getState()).toBe('failed');
      expect(job.attemptsMade).toBe(3);
      expect(job.failedReason).toMatch(/^ZixflowServerError: Zixflow answered 503/);
      expect(app.events.failed).toEqual([
        expect.objectContaining({ jobId, attempts: 3, error: expect.any(ZixflowServerError) }),
      ]);
    });

    it('a message the worker cannot send (no phoneId anywhere) fails at once with ZixflowValidationError', async () => {
      const app = await start({ zixflow: { baseUrl: sandbox.url } });
      const { phoneId: _phoneId, ...withoutPhoneId } = textMessage('Hi');

      const job = await finishedJob(app, await app.outbox.enqueue(withoutPhoneId));

      expect(sandbox.requests).toHaveLength(0);
      expect(job.failedReason).toMatch(/^ZixflowConfigurationError: No phone number to send from/);
    });
  });

  describe('instances', () => {
    it('a producer-only instance (worker: false, no ZixflowModule) enqueues; a worker instance sends', async () => {
      const queueName = uniqueQueueName('producer');
      const producer = await start({ queueName, zixflow: undefined, queue: { worker: false } });

      const jobId = await producer.outbox.enqueue(textMessage('From the API tier'));
      await pause(300);
      expect(sandbox.requests).toHaveLength(0);
      expect(await (await producer.queue.getJob(jobId))?.getState()).toBe('waiting');

      const worker = await start({ queueName });
      await finishedJob(worker, jobId);
      expect(sandbox.messages.map((message) => message.body.text)).toEqual([{ body: 'From the API tier' }]);
      expect(producer.events.sent).toEqual([]);
      expect(worker.events.sent).toEqual([expect.objectContaining({ jobId })]);
    });

    it('a worker instance without ZixflowModule fails at start-up, naming ZixflowModule and worker: false', async () => {
      await expect(start({ zixflow: undefined })).rejects.toThrow(ZixflowConfigurationError);
      await expect(start({ zixflow: undefined })).rejects.toThrow(/register ZixflowModule.*worker: false/);
    });
  });

  describe('shutdown', () => {
    it('stops taking jobs and finishes the send in flight before the application closes', async () => {
      const queueName = uniqueQueueName('shutdown');
      const inspect = await observer(queueName);
      const worker = await startQueueApp({
        redisUrl: redis.url,
        queueName,
        zixflow: { baseUrl: sandbox.url },
        queue: { worker: { concurrency: 1 } },
      });
      sandbox.respondNext({ ...OK, delayMs: 500 });

      const [inFlight, next] = await inspect.outbox.enqueueMany([
        { message: textMessage('first') },
        { message: textMessage('second') },
      ]);
      await sandbox.waitForRequests(1);
      await worker.close();

      expect(await (await inspect.queue.getJob(inFlight))?.getState()).toBe('completed');
      expect(await (await inspect.queue.getJob(next))?.getState()).toBe('waiting');
      expect(sandbox.requests).toHaveLength(1);
      expect(worker.events.sent).toEqual([expect.objectContaining({ jobId: inFlight })]);
    });

    it('gives up on a send still in flight after shutdownTimeoutMs; another worker sends it again once its lock expires', async () => {
      const queueName = uniqueQueueName('abandon');
      const quickRecovery = { lockDurationMs: 500, stalledIntervalMs: 200 };
      const inspect = await observer(queueName);
      const worker = await startQueueApp({
        redisUrl: redis.url,
        queueName,
        zixflow: { baseUrl: sandbox.url },
        queue: { worker: { shutdownTimeoutMs: 200, ...quickRecovery } },
      });
      sandbox.respondNext({ ...OK, stall: true });

      const jobId = await inspect.outbox.enqueue(textMessage('stuck'));
      await sandbox.waitForRequests(1);
      const closingAt = Date.now();
      await worker.close();

      expect(Date.now() - closingAt).toBeLessThan(2000);
      expect(worker.logger.at('warn', /abandoned/)).toHaveLength(1);
      expect(await (await inspect.queue.getJob(jobId))?.getState()).toBe('active');

      const successor = await start({ queueName, queue: { worker: quickRecovery } });
      const job = await finishedJob(successor, jobId);
      expect(await job.getState()).toBe('completed');
      // At least once: the abandoned request may have been processed by Zixflow, and it is sent again.
      expect(sandbox.requests).toHaveLength(2);
    });
  });
});
