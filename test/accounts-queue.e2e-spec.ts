import { Test, TestingModule } from '@nestjs/testing';
import { ZixflowModule, ZixflowTenantsModule } from '../src/zixflow';
import { ZixflowOutbox, ZixflowQueueModule } from '../src/zixflow/queue';
import { allSecrets, optionsOf, startAccounts, TestAccount } from './accounts.fixtures';
import {
  describeWithRedis,
  dumpQueue,
  LocalRedis,
  removeQueuesFromSharedRedis,
  startLocalRedis,
  uniqueQueueName,
  waitFor,
} from './queue.helpers';
import { RecordingLogger } from './recording-logger';

const CUSTOMER = '+1 302 389 5111';

describeWithRedis('several Zixflow accounts in one app: queue jobs', () => {
  let redis: LocalRedis;
  let accounts: TestAccount[];
  let moduleRef: TestingModule;
  let logger: RecordingLogger;
  const queueName = uniqueQueueName('accounts');
  const byName = (name: string | undefined): TestAccount => accounts.find((account) => account.name === name)!;

  beforeAll(async () => {
    redis = await startLocalRedis();
    accounts = await startAccounts();
    logger = new RecordingLogger();
    moduleRef = await Test.createTestingModule({
      imports: [
        ZixflowModule.forRoot(optionsOf(byName(undefined))),
        ZixflowModule.forRoot({ name: 'brand-a', ...optionsOf(byName('brand-a')) }),
        ZixflowModule.forRoot({ name: 'brand-b', ...optionsOf(byName('brand-b')) }),
        ZixflowTenantsModule.forRoot({
          resolve: (tenantId) =>
            optionsOf(accounts.find((account) => account.kind === 'tenant' && account.name === tenantId)!),
        }),
        ZixflowQueueModule.forRoot({ connection: redis.url, queueName }),
      ],
    })
      .setLogger(logger)
      .compile();
    await moduleRef.init();
  }, 30_000);

  afterAll(async () => {
    await moduleRef?.close();
    await Promise.all((accounts ?? []).map((account) => account.sandbox.stop()));
    await removeQueuesFromSharedRedis(redis.url, [queueName]);
    await redis?.stop();
  });

  it("sends each job through its account's key, keeps only the account's name in Redis, and keys idempotency per account", async () => {
    const outbox = moduleRef.get(ZixflowOutbox);
    const jobIds: string[] = [];
    for (const account of accounts) {
      const jobId = await outbox.enqueue(
        { type: 'text', to: CUSTOMER, text: { body: `queued for ${account.name}` } },
        { account: account.name, idempotencyKey: 'same-intent' },
      );
      jobIds.push(jobId);
    }
    expect(new Set(jobIds).size).toBe(accounts.length);
    await waitFor('every account sent its job', () =>
      accounts.every((account) => account.sandbox.requests.length === 1),
    );
    for (const account of accounts) {
      const [request] = account.sandbox.requests;
      if (account.api === 'ai') expect(request.headers['x-api-key']).toBe(account.apiKey);
      else expect(request.headers.authorization).toBe(`Bearer ${account.apiKey}`);
      expect(request.rawBody).toContain(`queued for ${account.name}`);
    }
    const stored = await dumpQueue((outbox as unknown as { queue: Parameters<typeof dumpQueue>[0] }).queue);
    for (const secret of allSecrets(accounts)) expect(stored).not.toContain(secret);
    const logs = logger.lines.join('\n');
    for (const secret of allSecrets(accounts)) expect(logs).not.toContain(secret);
  });

  it('refuses an account name that cannot be one, before Redis', async () => {
    await expect(
      moduleRef.get(ZixflowOutbox).enqueue({ type: 'text', to: CUSTOMER, text: { body: 'x' } }, { account: 'a:b' }),
    ).rejects.toThrow(RangeError);
  });
});
