import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startChild, type BenchChild } from '../common/child-process';
import { jsonPoster, runLoad, type JsonPoster } from '../common/http-load';
import { log, median, medianRatio, monotonicMs, summarize, type LatencySummary } from '../common/stats';
import type { HandledReport, InboundAppConfig, InboundAppMode } from './inbound-app.process';

/**
 * Inbound (issue 16 goal 4, issue 13 item 7): webhook deliveries per second and ack latency at
 * concurrency 50, over real HTTP on 127.0.0.1, of the webhook module (in memory; on the durable
 * Redis pipeline, answered after the Redis write) against a bare Nest route with the same Express
 * body parser answering the same `{"received":true}`. Each app runs in its own process; the load
 * comes from this one. Rounds alternate bare → memory → redis; a round of an app with a handler
 * ends only once its handler saw every message, so no backlog spills into the next app's round.
 */
export interface InboundSide {
  /** Median of the rounds' deliveries per second. */
  deliveriesPerSecond: number;
  ack: LatencySummary;
  /** From the webhook POST to the handler running, under the c50 load; undefined for the bare route. */
  toHandler: LatencySummary | undefined;
  /** The same with one delivery at a time (no queueing): the pipeline's own latency. */
  toHandlerUnloaded: LatencySummary | undefined;
  /** Median of the rounds' messages handled per second (from the round's start until its last was handled). */
  handledPerSecond: number | undefined;
}

export interface InboundFigures {
  deliveriesPerRound: number;
  rounds: number;
  concurrency: number;
  bare: InboundSide;
  memory: InboundSide;
  redis: InboundSide | undefined;
  vsBareInMemory: number;
  vsBareRedis: number | undefined;
}

const CONCURRENCY = 50;
const ROUNDS = Number(process.env.BENCH_INBOUND_ROUNDS ?? 12);
/**
 * 8 000 deliveries a round (about 0.8 s per app at ~10 000/s): a round then spans about one old-space GC
 * cycle of each app and averages over the VM's scheduling noise. Rounds of 3 000 (0.3 s) read from 0.72
 * to 1.06 of the bare route within one run, and their median moved by ±0.03 between runs.
 */
const DELIVERIES = Number(process.env.BENCH_WEBHOOKS ?? 96_000);
const UNLOADED = Number(process.env.BENCH_WEBHOOKS_UNLOADED ?? 500);
const WARM_UP = Math.min(1000, Math.ceil(DELIVERIES / ROUNDS));
const CUSTOMERS = 1000;
const SCRIPT = join(__dirname, 'inbound-app.process.js');
const ACK = JSON.stringify({ received: true });

interface App {
  mode: InboundAppMode;
  process: BenchChild<{ port: number }>;
  poster: JsonPoster;
  rounds: number[];
  handledRounds: number[];
  ackMs: number[];
  handlerMs: number[];
  unloadedHandlerMs: number[];
}

/** A documented incoming text message with a fresh eventId, and the time of its POST for the handler. */
function bodyMaker(mode: InboundAppMode, runId: string): (index: number) => string {
  let sent = 0;
  return () => {
    sent += 1;
    const customer = `1302555${String(sent % CUSTOMERS).padStart(4, '0')}`;
    return JSON.stringify({
      event: 'incoming.whatsapp.message',
      eventId: `bench-${mode}-${runId}-${sent}`,
      timestamp: Date.now(),
      phoneId: '104898309288724',
      wabaId: '102290129340398',
      messageId: `wamid.bench${sent}`,
      sender: { name: 'Bench Customer', number: customer },
      message: { type: 'text', text: { body: 'Hi' } },
      benchSentAtMs: monotonicMs(),
    });
  };
}

async function startApp(mode: InboundAppMode, secret: string, redisUrl: string | undefined): Promise<App> {
  const config: InboundAppConfig = { mode, secret, redisUrl, prefix: `bench-inbound-${process.pid}` };
  const child = await startChild<{ port: number }>(SCRIPT, `inbound-${mode}`, {
    BENCH_INBOUND_APP: JSON.stringify(config),
  });
  const url = `http://127.0.0.1:${child.ready.port}/zixflow/webhooks/incoming`;
  return {
    mode,
    process: child,
    poster: jsonPoster(url, { 'x-zixflow-secret': secret }, CONCURRENCY),
    rounds: [],
    handledRounds: [],
    ackMs: [],
    handlerMs: [],
    unloadedHandlerMs: [],
  };
}

type RoundKind = 'warm-up' | 'loaded' | 'unloaded';

/** One round against one app; waits for its handler to have seen every delivery. */
async function round(
  app: App,
  bodyOf: (index: number) => string,
  deliveries: number,
  record: RoundKind,
): Promise<void> {
  const startedAt = performance.now();
  const load = await runLoad(app.poster, bodyOf, deliveries, record === 'unloaded' ? 1 : CONCURRENCY, ACK);
  const handled =
    app.mode === 'bare'
      ? undefined
      : await app.process.request<HandledReport>({ command: 'waitHandled', count: deliveries });
  const handledPerSecond = (deliveries / (performance.now() - startedAt)) * 1000;
  if (handled !== undefined && handled.handled !== deliveries) {
    throw new Error(`${app.mode}: the handler saw ${handled.handled} of ${deliveries} messages`);
  }
  if (record === 'loaded') {
    app.rounds.push(load.throughput);
    app.ackMs.push(...load.latenciesMs);
    app.handlerMs.push(...(handled?.latenciesMs ?? []));
    app.handledRounds.push(handledPerSecond);
  } else if (record === 'unloaded') {
    app.unloadedHandlerMs.push(...(handled?.latenciesMs ?? []));
  }
}

function side(app: App): InboundSide {
  return {
    deliveriesPerSecond: median(app.rounds),
    ack: summarize(app.ackMs),
    toHandler: app.mode === 'bare' ? undefined : summarize(app.handlerMs),
    toHandlerUnloaded: app.mode === 'bare' ? undefined : summarize(app.unloadedHandlerMs),
    handledPerSecond: app.mode === 'bare' ? undefined : median(app.handledRounds),
  };
}

/** Runs the inbound rounds; the Redis app only when `redisUrl` is given. */
export async function measureInbound(redisUrl: string | undefined): Promise<InboundFigures> {
  const secret = randomBytes(32).toString('hex');
  const runId = randomBytes(4).toString('hex');
  const modes: InboundAppMode[] = redisUrl === undefined ? ['bare', 'memory'] : ['bare', 'memory', 'redis'];
  const apps = await Promise.all(modes.map((mode) => startApp(mode, secret, redisUrl)));
  try {
    const bodies = new Map(apps.map((app) => [app, bodyMaker(app.mode, runId)]));
    for (const app of apps) {
      await round(app, bodies.get(app) as (index: number) => string, WARM_UP, 'warm-up');
    }
    const perRound = Math.ceil(DELIVERIES / ROUNDS);
    for (let index = 0; index < ROUNDS; index += 1) {
      for (const app of apps) {
        await round(app, bodies.get(app) as (index: number) => string, perRound, 'loaded');
      }
    }
    for (const app of apps.filter((candidate) => candidate.mode !== 'bare')) {
      await round(app, bodies.get(app) as (index: number) => string, UNLOADED, 'unloaded');
    }
    const [bare, memory, redis] = apps;
    return {
      deliveriesPerRound: perRound,
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      bare: side(bare),
      memory: side(memory),
      redis: redis === undefined ? undefined : side(redis),
      vsBareInMemory: medianRatio(memory.rounds, bare.rounds, 'inboundVsBareRouteInMemory'),
      vsBareRedis: redis === undefined ? undefined : medianRatio(redis.rounds, bare.rounds, 'inboundVsBareRouteRedis'),
    };
  } finally {
    for (const app of apps) {
      app.poster.close();
    }
    await Promise.all(apps.map((app) => app.process.close()));
  }
}

/** The section's lines of the printed report. */
export function printInbound(figures: InboundFigures): void {
  const row = (name: string, s: InboundSide | undefined, ratio: number | undefined): string =>
    s === undefined
      ? `${name.padEnd(22)} skipped (no Redis)`
      : [
          name.padEnd(22),
          s.deliveriesPerSecond.toFixed(0).padStart(8),
          s.ack.p50Ms.toFixed(2).padStart(8),
          s.ack.p99Ms.toFixed(2).padStart(8),
          (s.toHandler?.p50Ms.toFixed(2) ?? '—').padStart(10),
          (s.toHandler?.p99Ms.toFixed(2) ?? '—').padStart(10),
          (ratio?.toFixed(3) ?? '—').padStart(8),
          (s.handledPerSecond?.toFixed(0) ?? '—').padStart(10),
          (s.toHandlerUnloaded?.p50Ms.toFixed(2) ?? '—').padStart(13),
          (s.toHandlerUnloaded?.p99Ms.toFixed(2) ?? '—').padStart(13),
        ].join(' ');
  log(
    `\nInbound webhooks, concurrency ${figures.concurrency}, ${figures.rounds} alternating rounds of ` +
      `${figures.deliveriesPerRound} deliveries per app (each app in its own process)\n`,
  );
  log(
    'app                     deliv/s  ack p50  ack p99  hndlr p50  hndlr p99  vs bare  handled/s  c1 hndlr p50  c1 hndlr p99',
  );
  log(row('bare Nest route', figures.bare, 1));
  log(row('webhooks, in memory', figures.memory, figures.vsBareInMemory));
  log(row('webhooks, Redis inbound', figures.redis, figures.vsBareRedis));
  log(
    '(ack: POST to answer read; hndlr: POST to the trivial @OnWhatsappMessage handler running, under the c50 load; ' +
      `handled/s: a round's deliveries over the time until the last was handled; c1: ${UNLOADED} deliveries one at a time)`,
  );
}
