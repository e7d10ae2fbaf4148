import { randomBytes, randomUUID } from 'node:crypto';
import { ZixflowSandbox } from '../../src/zixflow/testing';
import { describeWithRedis, LocalRedis, startLocalRedis, waitFor } from '../queue.helpers';
import { BotInstance, startBotInstance } from './bot-instances.helpers';

const CUSTOMERS = 24;
const MESSAGES = 5;
const API_KEY = 'zx-scale-test-key';

function customerNumber(index: number): string {
  return `1302555${String(1000 + index)}`;
}

/** What each customer should get: one reply per message, numbered in order. */
function expectedReplies(): string[] {
  return Array.from({ length: MESSAGES }, (_, turn) => `turn ${turn + 1}: m${turn + 1}`);
}

/** The replies each customer got, in the order Zixflow received them. */
function repliesByCustomer(sandbox: ZixflowSandbox): Map<string, string[]> {
  const byCustomer = new Map<string, string[]>();
  for (const message of sandbox.messages) {
    const to = String(message.body.to);
    const text = (message.body.text as { body: string }).body;
    byCustomer.set(to, [...(byCustomer.get(to) ?? []), text]);
  }
  return byCustomer;
}

/** Lost, out-of-order and doubled replies, over every customer. */
function tally(sandbox: ZixflowSandbox): { complete: number; lost: number; outOfOrder: number; doubled: number } {
  const expected = expectedReplies();
  const byCustomer = repliesByCustomer(sandbox);
  let complete = 0;
  let lost = 0;
  let outOfOrder = 0;
  let doubled = 0;
  for (let index = 0; index < CUSTOMERS; index += 1) {
    const got = byCustomer.get(customerNumber(index)) ?? [];
    // A reply sent again after a crash repeats the one before it; fold repeats to count them.
    const folded = got.filter((reply, position) => position === 0 || reply !== got[position - 1]);
    doubled += got.length - folded.length;
    lost += expected.filter((reply) => !folded.includes(reply)).length;
    if (folded.some((reply, position) => reply !== expected[position])) outOfOrder += 1;
    if (JSON.stringify(folded) === JSON.stringify(expected)) complete += 1;
  }
  return { complete, lost, outOfOrder, doubled };
}

describeWithRedis('several bot instances on one Redis', () => {
  let redis: LocalRedis;
  let sandbox: ZixflowSandbox;
  const secret = randomBytes(24).toString('hex');
  const instances: BotInstance[] = [];

  async function start(prefix: string): Promise<BotInstance> {
    const instance = await startBotInstance({
      apiKey: API_KEY,
      baseUrl: sandbox.url,
      phoneId: sandbox.phoneId,
      secret,
      redisUrl: redis.url,
      prefix,
      leaseMs: 1000,
      turnMs: 15,
    });
    instances.push(instance);
    return instance;
  }

  /** Posts one message as Zixflow would, retrying on 503 or a refused connection as Zixflow does. */
  async function deliver(targets: BotInstance[], from: string, text: string, eventId: string): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const target = targets[attempt % targets.length];
      try {
        const result = await sandbox.simulateIncoming({
          to: target.incomingUrl,
          secret,
          from,
          text,
          eventId,
          timeoutMs: 5000,
        });
        if (result.status === 200) return;
      } catch {
        // A dead instance: Zixflow tries again later, possibly reaching the other one.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`could not deliver ${text} to ${from}`);
  }

  beforeAll(async () => {
    redis = await startLocalRedis();
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
  });

  afterEach(async () => {
    await Promise.all(instances.splice(0).map((instance) => instance.kill()));
    sandbox.clear();
  });

  afterAll(async () => {
    await sandbox?.stop();
    await redis?.stop();
  });

  it('customers alternating between two instances, some deliveries to both: every reply once and in order', async () => {
    const prefix = `scale-${randomUUID().slice(0, 8)}`;
    const [a, b] = [await start(prefix), await start(prefix)];
    await Promise.all(
      Array.from({ length: CUSTOMERS }, async (_, index) => {
        for (let turn = 1; turn <= MESSAGES; turn += 1) {
          const eventId = randomUUID();
          const first = (index + turn) % 2 === 0 ? a : b;
          const other = first === a ? b : a;
          await deliver([first], customerNumber(index), `m${turn}`, eventId);
          if (turn % 2 === 0) await deliver([other], customerNumber(index), `m${turn}`, eventId);
        }
      }),
    );
    await waitFor('every reply', () => sandbox.messages.length >= CUSTOMERS * MESSAGES, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tally(sandbox)).toEqual({ complete: CUSTOMERS, lost: 0, outOfOrder: 0, doubled: 0 });
  });

  it('an instance SIGKILLed mid-burst and restarted: nothing lost, nothing out of order, duplicates bounded', async () => {
    const prefix = `crash-${randomUUID().slice(0, 8)}`;
    let a = await start(prefix);
    const b = await start(prefix);
    let killed = false;
    const bursts = Promise.all(
      Array.from({ length: CUSTOMERS }, async (_, index) => {
        for (let turn = 1; turn <= MESSAGES; turn += 1) {
          const targets = killed ? [b, a] : (index + turn) % 2 === 0 ? [a, b] : [b, a];
          await deliver(targets, customerNumber(index), `m${turn}`, randomUUID());
        }
      }),
    );
    await waitFor('a third of the replies', () => sandbox.messages.length >= 30, 20_000);
    await a.kill();
    killed = true;
    a = await start(prefix);
    await bursts;
    await waitFor('every customer complete', () => tally(sandbox).complete === CUSTOMERS, 30_000);
    const result = tally(sandbox);
    expect(result).toMatchObject({ complete: CUSTOMERS, lost: 0, outOfOrder: 0 });
    // At most the conversations instance A was working on when it died (8 workers) are replayed.
    expect(result.doubled).toBeLessThanOrEqual(8);
  });
});
