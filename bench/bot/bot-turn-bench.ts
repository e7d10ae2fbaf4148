import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ZixflowWhatsappService } from '../../src/zixflow';
import { ZIXFLOW_REGISTRATION } from '../../src/zixflow/sending/zixflow.constants';
import {
  ZixflowBotModule,
  ZixflowBotRunner,
  ZixflowConversationStore,
  type ZixflowConversationStore as ConversationStore,
} from '../../src/zixflow/bot';
import { ZixflowRedisConversationStore, ZixflowRedisModule } from '../../src/zixflow/redis';
import { conversationKeyOf, type ZixflowIncomingMessage } from '../../src/zixflow/webhooks';
import { fixed, log, median } from '../common/stats';
import { BenchBot, incomingMessages, ReplySink } from './bench-bot';

/**
 * Bot turn cost (issue 16 goals 5 and 7): `ZixflowBotRunner.process(incoming)` driven directly
 * with parsed messages and a sink in place of `ZixflowWhatsappService` (no HTTP), so a turn costs
 * routing, Nest's handler context, session load, compare-and-set save and the reply hand-off.
 * 32 callers keep turns of different conversations in flight (the runner's default parallelism);
 * µs per message is wall time over turns (and this process's CPU time over turns), median of
 * rounds alternating between the in-memory store and `ZixflowRedisConversationStore`. Then bytes
 * per conversation of the in-memory store: heap after one turn in each of N new conversations,
 * minus heap before, both after a full GC, over N.
 */
export interface BotTurnSide {
  usPerTurn: number;
  cpuUsPerTurn: number;
  turnsPerSecond: number;
}

export interface BotFigures {
  turnsPerRound: number;
  rounds: number;
  conversations: number;
  inMemory: BotTurnSide;
  redis: BotTurnSide | undefined;
  bytesPerConversationHeap: number;
  bytesPerConversationJson: number;
  heapConversations: number;
}

const CALLERS = 32;
const ROUNDS = Number(process.env.BENCH_BOT_ROUNDS ?? 6);
const TURNS = Number(process.env.BENCH_BOT_TURNS ?? 120_000);
const CONVERSATIONS = 500;
const HEAP_CONVERSATIONS = Number(process.env.BENCH_BOT_HEAP_CONVERSATIONS ?? 5000);

interface BotApp {
  app: INestApplicationContext;
  runner: ZixflowBotRunner;
  store: ConversationStore;
  sink: ReplySink;
}

async function startBotApp(redisUrl: string | undefined): Promise<BotApp> {
  const sink = new ReplySink();
  const bot: DynamicModule =
    redisUrl === undefined
      ? ZixflowBotModule.forRoot()
      : ZixflowBotModule.forRootAsync({
          inject: [ZixflowRedisConversationStore],
          useFactory: (store: ZixflowRedisConversationStore) => ({ store }),
        });
  const redis: DynamicModule[] =
    redisUrl === undefined
      ? []
      : [ZixflowRedisModule.forRoot({ connection: redisUrl, prefix: `bench-bot-${process.pid}`, inbound: false })];
  @Module({
    imports: [EventEmitterModule.forRoot(), ...redis, bot],
    providers: [
      BenchBot,
      { provide: ZixflowWhatsappService, useValue: sink },
      // The runner finds reply services by their ZixflowModule registration (since accounts), not by class.
      { provide: ZIXFLOW_REGISTRATION, useValue: { name: undefined, service: sink } },
    ],
  })
  class BenchBotModule {}
  const app = await NestFactory.createApplicationContext(BenchBotModule, { logger: ['error', 'warn'] });
  return {
    app,
    runner: app.get(ZixflowBotRunner),
    store: app.get<ConversationStore>(ZixflowConversationStore),
    sink,
  };
}

/** Processes `messages` with {@link CALLERS} in flight; resolves with wall and CPU µs per turn. */
async function drive(bot: BotApp, messages: ZixflowIncomingMessage[]): Promise<{ wallUs: number; cpuUs: number }> {
  const repliesBefore = bot.sink.replies;
  let next = 0;
  const caller = async (): Promise<void> => {
    while (next < messages.length) {
      const message = messages[next];
      next += 1;
      await bot.runner.process(message);
    }
  };
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: CALLERS }, caller));
  const wallUs = ((performance.now() - startedAt) * 1000) / messages.length;
  const cpu = process.cpuUsage(cpuBefore);
  if (bot.sink.replies - repliesBefore !== messages.length) {
    throw new Error(`bot: ${bot.sink.replies - repliesBefore} replies to ${messages.length} messages`);
  }
  return { wallUs, cpuUs: (cpu.user + cpu.system) / messages.length };
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Heap bytes and JSON bytes per conversation of a fresh in-memory store. */
async function bytesPerConversation(): Promise<{ heap: number; json: number }> {
  const bot = await startBotApp(undefined);
  try {
    await drive(bot, incomingMessages(200, 200, 9_000_000, 'heap-warm'));
    const messages = incomingMessages(HEAP_CONVERSATIONS, HEAP_CONVERSATIONS, 8_000_000, 'heap');
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    await drive(bot, messages);
    await bot.runner.whenIdle();
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    const sample = messages.slice(0, 200);
    let jsonBytes = 0;
    for (const message of sample) {
      const stored = await bot.store.load(conversationKeyOf(message));
      jsonBytes += Buffer.byteLength(JSON.stringify(stored?.state));
    }
    // `messages` is still referenced here, so it is in both heap figures and not counted.
    return { heap: (after - before) / messages.length, json: jsonBytes / sample.length };
  } finally {
    await bot.app.close();
  }
}

function side(wall: number[], cpu: number[]): BotTurnSide {
  const usPerTurn = median(wall);
  return { usPerTurn, cpuUsPerTurn: median(cpu), turnsPerSecond: 1e6 / usPerTurn };
}

/** Runs the bot section; the Redis store only when `redisUrl` is given. */
export async function measureBotTurns(redisUrl: string | undefined): Promise<BotFigures> {
  const bots = [await startBotApp(undefined), ...(redisUrl === undefined ? [] : [await startBotApp(redisUrl)])];
  const perRound = Math.ceil(TURNS / ROUNDS);
  const wall = bots.map((): number[] => []);
  const cpu = bots.map((): number[] => []);
  try {
    for (const [index, bot] of bots.entries()) {
      await drive(bot, incomingMessages(2000, CONVERSATIONS, index * CONVERSATIONS, `warm-${index}`));
    }
    for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex += 1) {
      for (const [index, bot] of bots.entries()) {
        const messages = incomingMessages(perRound, CONVERSATIONS, index * CONVERSATIONS, `r${roundIndex}-${index}`);
        const { wallUs, cpuUs } = await drive(bot, messages);
        wall[index].push(wallUs);
        cpu[index].push(cpuUs);
      }
    }
  } finally {
    await Promise.all(bots.map((bot) => bot.app.close()));
  }
  const bytes = await bytesPerConversation();
  return {
    turnsPerRound: perRound,
    rounds: ROUNDS,
    conversations: CONVERSATIONS,
    inMemory: side(wall[0], cpu[0]),
    redis: bots.length > 1 ? side(wall[1], cpu[1]) : undefined,
    bytesPerConversationHeap: bytes.heap,
    bytesPerConversationJson: bytes.json,
    heapConversations: HEAP_CONVERSATIONS,
  };
}

/** The section's lines of the printed report. */
export function printBotTurns(figures: BotFigures): void {
  log(
    `\nBot turns: ZixflowBotRunner.process() with ${CALLERS} in flight over ${figures.conversations} conversations, ` +
      `${figures.rounds} alternating rounds of ${figures.turnsPerRound} turns, replies to a sink (no HTTP)\n`,
  );
  log('store         µs/turn  CPU µs/turn  turns/s');
  for (const [name, s] of [
    ['in memory', figures.inMemory],
    ['Redis', figures.redis],
  ] as const) {
    log(
      s === undefined
        ? `${name.padEnd(12)} skipped (no Redis)`
        : `${name.padEnd(12)} ${fixed(s.usPerTurn, 1).padStart(8)} ${fixed(s.cpuUsPerTurn, 1).padStart(12)} ${fixed(s.turnsPerSecond, 0).padStart(8)}`,
    );
  }
  log(
    `in-memory store: ${fixed(figures.bytesPerConversationHeap, 0)} heap bytes per conversation ` +
      `(${figures.heapConversations} conversations, heap after − before, full GC), ` +
      `${fixed(figures.bytesPerConversationJson, 0)} bytes of stored JSON`,
  );
}
