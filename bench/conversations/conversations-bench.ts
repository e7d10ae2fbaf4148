import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startChild, type BenchChild } from '../common/child-process';
import { jsonPoster, type JsonPoster } from '../common/http-load';
import { fixed, log, summarize, type LatencySummary } from '../common/stats';
import type { BenchBotInstanceConfig } from './bot-instance.process';
import { startRecordingZixflow, type RecordedReply, type RecordingZixflow } from './recording-zixflow';

/**
 * Conversations on Redis (issue 13 item 7): bot instances in processes of their own (durable
 * inbound, Redis conversation store, reply log, timers), replying to a recording fake Zixflow in
 * this process.
 *  - webhook-to-reply: customers each send a message, wait for its reply, send the next; the time
 *    from the webhook POST to the reply reaching the fake. With one instance, then with two
 *    (each customer's messages alternating between them).
 *  - takeover: a burst of slow turns (30 ms) from 8 customers to both instances, every delivery
 *    stored up front; once a quarter of the replies are out, the instance holding conversations is
 *    SIGKILLed; for each conversation it held, the time from the kill to its next reply, sent by the
 *    other instance. Replies lost, doubled and out of order are counted.
 */
export interface TakeoverFigures {
  leaseMs: number;
  heldConversations: number;
  takeover: LatencySummary | undefined;
  maxTakeoverMs: number | undefined;
  lostReplies: number;
  duplicateReplies: number;
  outOfOrderReplies: number;
}

export interface ConversationFigures {
  customers: number;
  messagesPerCustomer: number;
  oneInstance: LatencySummary;
  twoInstances: LatencySummary;
  /** Without each customer's first message (the phase starts with every conversation new at once). */
  oneInstanceLaterTurns: LatencySummary;
  twoInstancesLaterTurns: LatencySummary;
  takeover: TakeoverFigures;
}

const LEASE_MS = Number(process.env.BENCH_LEASE_MS ?? 2000);
/** The inbound pipeline's idle poll (BENCH_POLL_MS); the library's default when unset. */
const POLL_MS = process.env.BENCH_POLL_MS === undefined ? undefined : Number(process.env.BENCH_POLL_MS);
const CUSTOMERS = Number(process.env.BENCH_CONVERSATION_CUSTOMERS ?? 20);
const MESSAGES = Number(process.env.BENCH_CONVERSATION_MESSAGES ?? 25);
const BURST_CUSTOMERS = 8;
const BURST_MESSAGES = 24;
const BURST_TURN_MS = 30;
const SCRIPT = join(__dirname, 'bot-instance.process.js');
const ACK = JSON.stringify({ received: true });

interface Instance {
  name: string;
  apiKey: string;
  process: BenchChild<{ port: number }>;
  poster: JsonPoster;
}

interface Run {
  fake: RecordingZixflow;
  runId: string;
  secret: string;
}

let sent = 0;

function incoming(run: Run, number: string, text: string): string {
  sent += 1;
  return JSON.stringify({
    event: 'incoming.whatsapp.message',
    eventId: `bench-conv-${run.runId}-${sent}`,
    timestamp: Date.now(),
    phoneId: '104898309288724',
    messageId: `wamid.conv${sent}`,
    sender: { name: 'Bench Customer', number },
    message: { type: 'text', text: { body: text } },
  });
}

async function deliver(instance: Instance, body: string): Promise<void> {
  const answer = await instance.poster.post(body);
  if (answer.status !== 200 || answer.text !== ACK) {
    throw new Error(`instance ${instance.name} answered ${answer.status} ${answer.text.slice(0, 200)}`);
  }
}

async function startInstance(run: Run, name: string, redisUrl: string, prefix: string): Promise<Instance> {
  const apiKey = `bench-key-${name}-${run.runId}`;
  const config: BenchBotInstanceConfig = {
    apiKey,
    baseUrl: run.fake.url,
    phoneId: '104898309288724',
    secret: run.secret,
    redisUrl,
    prefix,
    leaseMs: LEASE_MS,
    ...(POLL_MS === undefined ? {} : { pollMs: POLL_MS }),
  };
  const child = await startChild<{ port: number }>(SCRIPT, `bot-instance-${name}`, {
    BENCH_BOT_INSTANCE: JSON.stringify(config),
  });
  const url = `http://127.0.0.1:${child.ready.port}/zixflow/webhooks/incoming`;
  return { name, apiKey, process: child, poster: jsonPoster(url, { 'x-zixflow-secret': run.secret }, 64) };
}

/** Closed-loop customers: message, wait for its reply, next message. Returns the webhook-to-reply times. */
async function replyLatencies(
  run: Run,
  instances: Instance[],
  customers: number,
  messages: number,
  series: number,
): Promise<{ all: number[]; later: number[] }> {
  const all: number[] = [];
  const later: number[] = [];
  await Promise.all(
    Array.from({ length: customers }, async (_, customer) => {
      const number = `1303${String(series).padStart(2, '0')}${String(customer).padStart(5, '0')}`;
      for (let turn = 1; turn <= messages; turn += 1) {
        const target = instances[(customer + turn) % instances.length];
        const reply = run.fake.waitFor(number, `turn ${turn}: `);
        const startedAt = performance.now();
        await deliver(target, incoming(run, number, `message ${turn}`));
        const latency = (await reply).atMs - startedAt;
        all.push(latency);
        if (turn > 1) later.push(latency);
      }
    }),
  );
  return { all, later };
}

function turnOf(reply: RecordedReply): number {
  return Number(/^turn (\d+):/.exec(reply.text)?.[1] ?? Number.NaN);
}

/** The burst, the SIGKILL of the instance holding conversations, and the count of what came out. */
async function takeover(run: Run, [first, second]: Instance[]): Promise<TakeoverFigures> {
  const numbers = Array.from({ length: BURST_CUSTOMERS }, (_, index) => `130499${String(index).padStart(5, '0')}`);
  const ours = (reply: RecordedReply): boolean => numbers.includes(reply.to);
  const startIndex = run.fake.replies.length;
  const phaseReplies = (): RecordedReply[] => run.fake.replies.slice(startIndex).filter(ours);
  const finished = numbers.map((number) => run.fake.waitFor(number, `turn ${BURST_MESSAGES}: `, 60_000 + LEASE_MS));
  await Promise.all(
    numbers.map(async (number, customer) => {
      for (let turn = 1; turn <= BURST_MESSAGES; turn += 1) {
        const target = (customer + turn) % 2 === 0 ? first : second;
        await deliver(target, incoming(run, number, `slow:${BURST_TURN_MS} message ${turn}`));
      }
    }),
  );
  while (phaseReplies().length < (BURST_CUSTOMERS * BURST_MESSAGES) / 4) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  // The victim is whichever instance holds more of the conversations that are still going.
  const lastBy = new Map<string, RecordedReply>();
  for (const reply of phaseReplies()) lastBy.set(reply.to, reply);
  const holding = (instance: Instance): string[] =>
    [...lastBy.values()]
      .filter((reply) => reply.apiKey === instance.apiKey && turnOf(reply) < BURST_MESSAGES)
      .map((reply) => reply.to);
  const [victim, survivor] = holding(first).length >= holding(second).length ? [first, second] : [second, first];
  const held = holding(victim);
  const killedAt = performance.now();
  await victim.process.kill();
  victim.poster.close();
  await Promise.all(finished);
  const after = phaseReplies().filter((reply) => reply.atMs > killedAt && reply.apiKey === survivor.apiKey);
  const takeovers = held
    .map((number) => after.find((reply) => reply.to === number))
    .filter((reply): reply is RecordedReply => reply !== undefined)
    .map((reply) => reply.atMs - killedAt);
  return {
    leaseMs: LEASE_MS,
    heldConversations: held.length,
    ...countReplies(numbers, phaseReplies()),
    ...spread(takeovers),
  };
}

function spread(takeovers: number[]): Pick<TakeoverFigures, 'takeover' | 'maxTakeoverMs'> {
  return takeovers.length === 0
    ? { takeover: undefined, maxTakeoverMs: undefined }
    : { takeover: summarize(takeovers), maxTakeoverMs: Math.max(...takeovers) };
}

function countReplies(
  numbers: string[],
  replies: RecordedReply[],
): Pick<TakeoverFigures, 'lostReplies' | 'duplicateReplies' | 'outOfOrderReplies'> {
  let lost = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  for (const number of numbers) {
    const turns = replies.filter((reply) => reply.to === number).map(turnOf);
    const distinct = new Set(turns);
    lost += BURST_MESSAGES - distinct.size;
    duplicates += turns.length - distinct.size;
    // Turn n answers "message n", and the first reply of each turn arrives after those of earlier turns.
    outOfOrder += replies.filter(
      (reply) => reply.to === number && !reply.text.endsWith(` message ${turnOf(reply)}`),
    ).length;
    const seen = new Set<number>();
    let highest = 0;
    for (const turn of turns) {
      if (!seen.has(turn) && turn < highest) outOfOrder += 1;
      seen.add(turn);
      highest = Math.max(highest, turn);
    }
  }
  return { lostReplies: lost, duplicateReplies: duplicates, outOfOrderReplies: outOfOrder };
}

/** Runs the conversations section against the Redis at `redisUrl`. */
export async function measureConversations(redisUrl: string): Promise<ConversationFigures> {
  const run: Run = {
    fake: await startRecordingZixflow(),
    runId: randomBytes(4).toString('hex'),
    secret: randomBytes(32).toString('hex'),
  };
  const prefix = `bench-conv-${run.runId}`;
  const instances: Instance[] = [];
  try {
    instances.push(await startInstance(run, 'a', redisUrl, prefix));
    await replyLatencies(run, instances, 5, 5, 90);
    const oneInstance = await replyLatencies(run, instances, CUSTOMERS, MESSAGES, 1);
    instances.push(await startInstance(run, 'b', redisUrl, prefix));
    await replyLatencies(run, instances, 5, 5, 91);
    const twoInstances = await replyLatencies(run, instances, CUSTOMERS, MESSAGES, 2);
    return {
      customers: CUSTOMERS,
      messagesPerCustomer: MESSAGES,
      oneInstance: summarize(oneInstance.all),
      twoInstances: summarize(twoInstances.all),
      oneInstanceLaterTurns: summarize(oneInstance.later),
      twoInstancesLaterTurns: summarize(twoInstances.later),
      takeover: await takeover(run, instances),
    };
  } finally {
    for (const instance of instances) {
      instance.poster.close();
    }
    await Promise.all(instances.map((instance) => instance.process.close()));
    await run.fake.stop();
  }
}

/** The section's lines of the printed report. */
export function printConversations(figures: ConversationFigures): void {
  const { oneInstance, twoInstances, oneInstanceLaterTurns: one, twoInstancesLaterTurns: two, takeover: t } = figures;
  log(
    `\nConversations on Redis: bot instances in their own processes, ${figures.customers} customers × ` +
      `${figures.messagesPerCustomer} messages, each sent once the previous reply arrived\n`,
  );
  for (const [name, all, laterTurns] of [
    ['1 instance: ', oneInstance, one],
    ['2 instances:', twoInstances, two],
  ] as const) {
    log(
      `webhook-to-reply, ${name} p50 ${fixed(all.p50Ms, 1)} ms, p99 ${fixed(all.p99Ms, 1)} ms, max ${fixed(all.maxMs, 0)} ms; ` +
        `without the first message of each conversation: p50 ${fixed(laterTurns.p50Ms, 1)} ms, p99 ${fixed(laterTurns.p99Ms, 1)} ms`,
    );
  }
  log(
    `takeover after SIGKILL (leaseMs ${t.leaseMs}, ${t.heldConversations} conversations held): ` +
      `p50 ${fixed(t.takeover?.p50Ms, 0)} ms, max ${fixed(t.maxTakeoverMs, 0)} ms to the next reply; ` +
      `${t.lostReplies} replies lost, ${t.duplicateReplies} doubled, ${t.outOfOrderReplies} out of order`,
  );
}
