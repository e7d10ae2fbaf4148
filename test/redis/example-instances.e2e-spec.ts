import { randomBytes, randomUUID } from 'node:crypto';
import { ZixflowSandbox, type SandboxSentMessage } from '../../src/zixflow/testing';
import { describeWithRedis, LocalRedis, startLocalRedis, waitFor } from '../queue.helpers';
import { freePort } from '../queue-redis';
import { BotInstance, startExampleInstance } from './bot-instances.helpers';

const CUSTOMERS = 24;
const API_KEY = 'zx-example-scale-key';

/** The example conversation: five messages, five different answers, in this order. */
const CONVERSATION: Array<{ send: { text: string } | { tap: string }; answer: RegExp }> = [
  { send: { text: 'hi' }, answer: /^interactive:Hi Customer \d+! How can we help you today\?/ },
  { send: { tap: 'track' }, answer: /^text:Sure! What is your order number\?/ },
  { send: { text: 'abc' }, answer: /^text:That does not look like an order number\./ },
  { send: { text: '9999' }, answer: /9999/ },
  { send: { text: 'talk to us' }, answer: /^text:A colleague will answer you right here/ },
];

function customerNumber(index: number): string {
  return `1302666${String(1000 + index)}`;
}

/** `type:text` of a reply: the text, an interactive body, or a media caption. */
function signature(message: SandboxSentMessage): string {
  const type = String(message.body.type);
  const content = message.body[type] as { body?: string | { text?: string }; caption?: string };
  const text = typeof content.body === 'string' ? content.body : (content.body?.text ?? content.caption ?? '');
  return `${type}:${text}`;
}

function tally(sandbox: ZixflowSandbox): { complete: number; lost: number; outOfOrder: number; doubled: number } {
  const byCustomer = new Map<string, string[]>();
  for (const message of sandbox.messages) {
    const line = signature(message);
    byCustomer.set(String(message.body.to), [...(byCustomer.get(String(message.body.to)) ?? []), line]);
  }
  let complete = 0;
  let lost = 0;
  let outOfOrder = 0;
  let doubled = 0;
  for (let index = 0; index < CUSTOMERS; index += 1) {
    const got = byCustomer.get(customerNumber(index)) ?? [];
    const folded = got.filter((line, position) => position === 0 || line !== got[position - 1]);
    doubled += got.length - folded.length;
    lost += Math.max(0, CONVERSATION.length - folded.length);
    const inOrder =
      folded.length === CONVERSATION.length && folded.every((line, step) => CONVERSATION[step].answer.test(line));
    if (inOrder) complete += 1;
    else if (folded.length === CONVERSATION.length) outOfOrder += 1;
  }
  return { complete, lost, outOfOrder, doubled };
}

describeWithRedis(
  'two instances of the example app on one REDIS_URL (node src/main.ts, live mode against a local fake)',
  () => {
    let redis: LocalRedis;
    let sandbox: ZixflowSandbox;
    const secret = randomBytes(24).toString('hex');
    const instances: BotInstance[] = [];

    async function start(): Promise<BotInstance> {
      const instance = await startExampleInstance(await freePort(), {
        ZIXFLOW_API_KEY: API_KEY,
        ZIXFLOW_BASE_URL: sandbox.url,
        ZIXFLOW_PHONE_ID: sandbox.phoneId,
        ZIXFLOW_WEBHOOK_SECRET: secret,
        REDIS_URL: redis.url,
      });
      instances.push(instance);
      return instance;
    }

    async function deliver(targets: () => BotInstance[], index: number, step: number, eventId: string): Promise<void> {
      const send = CONVERSATION[step].send;
      const message =
        'text' in send
          ? { type: 'text', text: { body: send.text } }
          : {
              type: 'interactive',
              interactive: { type: 'button_reply', button_reply: { id: send.tap, title: 'Track order' } },
            };
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const list = targets();
        try {
          const result = await sandbox.simulateIncoming({
            to: list[attempt % list.length].incomingUrl,
            secret,
            from: customerNumber(index),
            name: `Customer ${index}`,
            message,
            eventId,
            timeoutMs: 5000,
          });
          if (result.status === 200) return;
        } catch {
          // The instance is down: Zixflow retries the delivery later.
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`could not deliver step ${step} of customer ${index}`);
    }

    beforeAll(async () => {
      redis = await startLocalRedis();
      sandbox = await ZixflowSandbox.start({ apiKey: API_KEY, deliveryReports: false, inbox: false });
    });
    afterAll(async () => {
      await Promise.all(instances.map((instance) => instance.kill()));
      await sandbox?.stop();
      await redis?.stop();
    });

    it('customers alternating, duplicates to both, one instance SIGKILLed and restarted: every reply once and in order', async () => {
      let a = await start();
      const b = await start();
      let aDown = false;
      const conversations = Promise.all(
        Array.from({ length: CUSTOMERS }, async (_, index) => {
          for (let step = 0; step < CONVERSATION.length; step += 1) {
            const eventId = randomUUID();
            const first = () => (aDown ? [b] : (index + step) % 2 === 0 ? [a, b] : [b, a]);
            await deliver(first, index, step, eventId);
            // Some deliveries arrive at both instances (Zixflow retried one that timed out).
            if (step === 2 && !aDown) await deliver(() => (first()[0] === a ? [b] : [a]), index, step, eventId);
          }
        }),
      );
      await waitFor('a third of the replies', () => sandbox.messages.length >= 40, 60_000);
      aDown = true;
      await a.kill();
      a = await start();
      aDown = false;
      await conversations;
      await waitFor('every conversation complete', () => tally(sandbox).complete === CUSTOMERS, 60_000, 100);
      const result = tally(sandbox);
      expect(result).toMatchObject({ complete: CUSTOMERS, lost: 0, outOfOrder: 0 });
      expect(result.doubled).toBeLessThanOrEqual(8);
    }, 120_000);
  },
);
