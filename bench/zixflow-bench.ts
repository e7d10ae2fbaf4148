import { cpus } from 'node:os';
import { startBenchRedis, type BenchRedis } from './common/redis-server';
import { fixed, log, round, roundRatios } from './common/stats';
import { measureBotTurns, printBotTurns, type BotFigures } from './bot/bot-turn-bench';
import {
  measureConversations,
  printConversations,
  type ConversationFigures,
} from './conversations/conversations-bench';
import { measureInbound, printInbound, type InboundFigures } from './inbound/inbound-bench';
import { measureQueue, printQueue, type QueueFigures } from './queue/queue-bench';
import { measureSends, printSends, sendJson, type SendFigures } from './send-section';

/**
 * `npm run bench`: every figure of issue 16 (goals 1–7) and issue 13 item 7 in one run, each
 * subject side by side with its baseline in alternating rounds, on 127.0.0.1 only:
 *   sends          the service against node:http and plain axios; RSS per 100 000 sends; pacing
 *   inbound        webhook deliveries/s and ack latency against a bare Nest route (memory, Redis)
 *   bot            µs per bot turn (in-memory and Redis store); bytes per stored conversation
 *   conversations  webhook-to-reply with one and two bot instances; takeover after a SIGKILL
 *   queue          library worker against a bare BullMQ worker; enqueueMany against addBulk
 * Sections can be picked: `npm run bench -- inbound queue` (or BENCH_ONLY=inbound,queue). The
 * Redis figures need redis-server on PATH (or REDIS_URL); without it they are skipped and null.
 * Prints a report, and as the very last line one JSON object with every figure.
 */

const SECTIONS = ['sends', 'inbound', 'bot', 'conversations', 'queue'] as const;
type Section = (typeof SECTIONS)[number];

interface Figures {
  sends?: SendFigures;
  inbound?: InboundFigures;
  bot?: BotFigures;
  conversations?: ConversationFigures;
  queue?: QueueFigures;
}

function selectedSections(): Section[] {
  const asked = [...process.argv.slice(2), ...(process.env.BENCH_ONLY ?? '').split(',')]
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown bench section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  }
  return asked.length === 0 ? [...SECTIONS] : SECTIONS.filter((section) => asked.includes(section));
}

async function timed<T>(title: string, work: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  log(`${title}…`);
  const result = await work();
  log(`${title}: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  return result;
}

async function measure(sections: Section[], redis: BenchRedis | undefined): Promise<Figures> {
  const figures: Figures = {};
  const url = redis?.url;
  if (sections.includes('sends')) figures.sends = await timed('sends', measureSends);
  if (sections.includes('inbound')) figures.inbound = await timed('inbound', () => measureInbound(url));
  if (sections.includes('bot')) figures.bot = await timed('bot turns', () => measureBotTurns(url));
  if (url !== undefined && sections.includes('conversations')) {
    figures.conversations = await timed('conversations on Redis', () => measureConversations(url));
  }
  if (url !== undefined && sections.includes('queue')) figures.queue = await timed('queue', () => measureQueue(url));
  return figures;
}

/** Every figure, flat, for the JSON line; what was not measured is null. */
function json(figures: Figures, redis: boolean, durationS: number): Record<string, unknown> {
  const { inbound, bot, conversations: conv, queue } = figures;
  return {
    ...sendJson(figures.sends),
    inboundConcurrency: inbound?.concurrency ?? null,
    inboundDeliveriesPerSecBareRoute: round(inbound?.bare.deliveriesPerSecond, 0),
    inboundDeliveriesPerSecInMemory: round(inbound?.memory.deliveriesPerSecond, 0),
    inboundDeliveriesPerSecRedis: round(inbound?.redis?.deliveriesPerSecond, 0),
    inboundVsBareRouteInMemory: round(inbound?.vsBareInMemory, 3),
    inboundVsBareRouteRedis: round(inbound?.vsBareRedis, 3),
    ackP50MsBareRoute: round(inbound?.bare.ack.p50Ms, 2),
    ackP99MsBareRoute: round(inbound?.bare.ack.p99Ms, 2),
    ackP50MsInMemory: round(inbound?.memory.ack.p50Ms, 2),
    ackP99MsInMemory: round(inbound?.memory.ack.p99Ms, 2),
    ackP50MsRedis: round(inbound?.redis?.ack.p50Ms, 2),
    ackP99MsRedis: round(inbound?.redis?.ack.p99Ms, 2),
    webhookToHandlerP50MsInMemory: round(inbound?.memory.toHandler?.p50Ms, 2),
    webhookToHandlerP99MsInMemory: round(inbound?.memory.toHandler?.p99Ms, 2),
    webhookToHandlerP50MsRedis: round(inbound?.redis?.toHandler?.p50Ms, 2),
    webhookToHandlerP99MsRedis: round(inbound?.redis?.toHandler?.p99Ms, 2),
    webhookToHandlerUnloadedP50MsInMemory: round(inbound?.memory.toHandlerUnloaded?.p50Ms, 2),
    webhookToHandlerUnloadedP99MsInMemory: round(inbound?.memory.toHandlerUnloaded?.p99Ms, 2),
    webhookToHandlerUnloadedP50MsRedis: round(inbound?.redis?.toHandlerUnloaded?.p50Ms, 2),
    webhookToHandlerUnloadedP99MsRedis: round(inbound?.redis?.toHandlerUnloaded?.p99Ms, 2),
    inboundHandledPerSecInMemory: round(inbound?.memory.handledPerSecond, 0),
    inboundHandledPerSecRedis: round(inbound?.redis?.handledPerSecond, 0),
    botTurnUsInMemory: round(bot?.inMemory.usPerTurn, 1),
    botTurnUsRedis: round(bot?.redis?.usPerTurn, 1),
    botTurnCpuUsInMemory: round(bot?.inMemory.cpuUsPerTurn, 1),
    botTurnCpuUsRedis: round(bot?.redis?.cpuUsPerTurn, 1),
    bytesPerConversationInMemory: round(bot?.bytesPerConversationHeap, 0),
    conversationStateJsonBytes: round(bot?.bytesPerConversationJson, 0),
    webhookToReplyP50Ms1Instance: round(conv?.oneInstance.p50Ms, 1),
    webhookToReplyP99Ms1Instance: round(conv?.oneInstance.p99Ms, 1),
    webhookToReplyP50Ms2Instances: round(conv?.twoInstances.p50Ms, 1),
    webhookToReplyP99Ms2Instances: round(conv?.twoInstances.p99Ms, 1),
    webhookToReplyMaxMs1Instance: round(conv?.oneInstance.maxMs, 1),
    webhookToReplyMaxMs2Instances: round(conv?.twoInstances.maxMs, 1),
    webhookToReplyLaterTurnsP50Ms1Instance: round(conv?.oneInstanceLaterTurns.p50Ms, 1),
    webhookToReplyLaterTurnsP99Ms1Instance: round(conv?.oneInstanceLaterTurns.p99Ms, 1),
    webhookToReplyLaterTurnsP50Ms2Instances: round(conv?.twoInstancesLaterTurns.p50Ms, 1),
    webhookToReplyLaterTurnsP99Ms2Instances: round(conv?.twoInstancesLaterTurns.p99Ms, 1),
    takeoverLeaseMs: conv?.takeover.leaseMs ?? null,
    takeoverHeldConversations: conv?.takeover.heldConversations ?? null,
    takeoverP50Ms: round(conv?.takeover.takeover?.p50Ms, 0),
    takeoverMaxMs: round(conv?.takeover.maxTakeoverMs, 0),
    takeoverLostReplies: conv?.takeover.lostReplies ?? null,
    takeoverDuplicateReplies: conv?.takeover.duplicateReplies ?? null,
    takeoverOutOfOrderReplies: conv?.takeover.outOfOrderReplies ?? null,
    queueWorkerMsgsPerSec: round(queue?.workerMsgsPerSec, 0),
    bareBullmqWorkerMsgsPerSec: round(queue?.bareWorkerMsgsPerSec, 0),
    queueWorkerVsBareBullmq: round(queue?.workerVsBare, 3),
    enqueueManyPerSec: round(queue?.enqueueManyPerSec, 0),
    addBulkPerSec: round(queue?.addBulkPerSec, 0),
    enqueueManyVsAddBulk: round(queue?.enqueueManyVsAddBulk, 3),
    roundRatios,
    redis,
    node: process.version,
    cpus: cpus().length,
    durationS: round(durationS, 0),
  };
}

/** Goals with a threshold (issue 16): met, not met, or not measured. */
function printGoals(figures: Record<string, unknown>): void {
  const goals: Array<[string, string, (value: number) => boolean, string]> = [
    ['1', 'serviceVsAxiosThroughputC64', (v) => v >= 0.85, '≥ 0.85'],
    ['1', 'serviceVsAxiosThroughputC1', (v) => v >= 0.9, '≥ 0.90'],
    ['2', 'cpuUsPerValidatedSend', (v) => v <= 40, '≤ 40 µs'],
    ['3', 'p99OverheadMsFixedRate', (v) => v < 1, '< 1 ms'],
    ['4', 'inboundVsBareRouteInMemory', (v) => v >= 0.9, '≥ 0.90'],
    ['4', 'inboundVsBareRouteRedis', (v) => v >= 0.7, '≥ 0.70'],
    ['6', 'queueWorkerVsBareBullmq', (v) => v >= 0.8, '≥ 0.80'],
    ['6', 'enqueueManyVsAddBulk', (v) => v >= 0.8, '≥ 0.80'],
    ['7', 'rssGrowthMb100k', (v) => v < 50, '< 50 MB'],
  ];
  log('\nGoals (issue 16)');
  for (const [goal, key, met, target] of goals) {
    const value = figures[key];
    const verdict = typeof value !== 'number' ? 'not measured' : met(value) ? 'met' : 'NOT MET';
    const rounds = roundRatios[key];
    const spread =
      rounds === undefined ? '' : `  (rounds ${fixed(Math.min(...rounds), 2)}–${fixed(Math.max(...rounds), 2)})`;
    log(
      `  ${goal}  ${key.padEnd(30)} ${fixed(typeof value === 'number' ? value : null, 3).padStart(8)}  ${target.padEnd(8)} ${verdict.padEnd(12)}${spread}`.trimEnd(),
    );
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const sections = selectedSections();
  const needsRedis = sections.some((section) => section !== 'sends');
  const redis = needsRedis ? await startBenchRedis() : undefined;
  if (needsRedis && redis === undefined) {
    log(
      'No redis-server on PATH and no REDIS_URL: the Redis figures (inbound on Redis, bot turns on Redis, ' +
        'conversations, queue) are skipped and null in the JSON. Install redis-server to measure them.',
    );
  }
  log(
    `Sections: ${sections.join(', ')}; Node ${process.version}, ${cpus().length} CPUs${redis ? `, Redis at ${redis.url}` : ''}`,
  );
  let figures: Figures;
  try {
    figures = await measure(sections, redis);
  } finally {
    await redis?.stop();
  }
  if (figures.sends) printSends(figures.sends);
  if (figures.inbound) printInbound(figures.inbound);
  if (figures.bot) printBotTurns(figures.bot);
  if (figures.conversations) printConversations(figures.conversations);
  if (figures.queue) printQueue(figures.queue);
  const all = json(figures, redis !== undefined, (performance.now() - startedAt) / 1000);
  printGoals(all);
  log(`\nnpm run bench took ${fixed((performance.now() - startedAt) / 1000, 0)} s\n`);
  log(JSON.stringify(all));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
