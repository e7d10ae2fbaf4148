import { plainAxiosClient, plainHttpClient, SendOnce, ServiceClient, startServiceClient } from './bench-clients';
import { startBenchServer } from './bench-server';
import { RunRecorder, RunResult } from './measure';
import { measureMemoryGrowth, MemoryGrowth } from './memory-growth';
import type { PacingAccuracy } from './pacing-accuracy';
import { measurePacingInChildProcess } from './pacing-process';

/**
 * `npm run bench`: the library against raw HTTP on loopback. A forked fake Zixflow answers; four
 * clients with the same keep-alive settings send video messages N times at concurrency 1 and 64:
 * node:http (the floor), plain axios, ZixflowWhatsappService.sendVideo, and sendMany without
 * pacing. sendMany at 64 is timed on the 100 000-message run that also measures RSS, and the rate
 * achieved by pacing at 200 per second is measured in a child process during that run: both keep
 * the whole benchmark under three minutes on a 2-core machine. Prints a table, and as the very
 * last line one JSON object.
 *
 * BENCH_SENDS overrides N (default 20 000).
 */

const SENDS = Number(process.env.BENCH_SENDS ?? 20_000);
const WARM_UP_SENDS = Math.min(500, SENDS);
/**
 * Each client's N sends are split into rounds that alternate between the clients, so a slow or
 * fast spell of a shared virtual machine weighs on every client alike instead of on one.
 */
const ROUNDS = 4;
const CONCURRENCIES = [1, 64] as const;
const MEMORY_SENDS = 100_000;
const PACING_PER_SECOND = 200;
const PACING_SECONDS = 10;

type ClientName = 'node:http' | 'axios' | 'sendVideo' | 'sendMany';

/** A client under test: one send at a time, or (sendMany) a batch of any size. */
type Client = { name: ClientName; send: SendOnce } | { name: 'sendMany'; batch: ServiceClient['sendMany'] };

interface Row {
  client: ClientName;
  result: RunResult;
}

/** Everything measured, ready to print. */
interface Measurements {
  rows: Row[];
  memory: MemoryGrowth;
  pacing: PacingAccuracy;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Sends `total` messages through `client` and adds them to `recorder`. */
function runOnce(client: Client, recorder: RunRecorder, total: number, concurrency: number): Promise<void> {
  return 'send' in client
    ? recorder.timeEach(client.send, total)
    : recorder.timeBatch(() => client.batch(total, concurrency), total);
}

/** N sends per client at one concurrency, in alternating rounds. */
async function measureAt(clients: Client[], concurrency: number): Promise<Row[]> {
  const recorders = clients.map(() => new RunRecorder(concurrency));
  for (let round = 0; round < ROUNDS; round += 1) {
    const share = Math.floor(SENDS / ROUNDS) + (round < SENDS % ROUNDS ? 1 : 0);
    for (const [index, client] of clients.entries()) {
      await runOnce(client, recorders[index], share, concurrency);
    }
  }
  return clients.map((client, index) => ({ client: client.name, result: recorders[index].result() }));
}

async function measureAll(): Promise<Measurements> {
  const server = await startBenchServer();
  const service = await startServiceClient(server.url);
  try {
    const clients: Client[] = [
      { name: 'node:http', send: plainHttpClient(server.url) },
      { name: 'axios', send: plainAxiosClient(server.url) },
      { name: 'sendVideo', send: service.send },
      { name: 'sendMany', batch: service.sendMany },
    ];
    const phase = async <T>(title: string, work: () => Promise<T>): Promise<T> => {
      const startedAt = performance.now();
      const result = await work();
      log(`  ${title}: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
      return result;
    };

    await phase(`warm-up, ${WARM_UP_SENDS} sends per client`, async () => {
      for (const client of clients) {
        await runOnce(client, new RunRecorder(64), WARM_UP_SENDS, 64);
      }
    });
    const rows = await phase(`${SENDS} sends per client at concurrency 1`, () => measureAt(clients, 1));
    const singles = clients.filter((client) => client.name !== 'sendMany');
    rows.push(...(await phase(`${SENDS} sends per client at concurrency 64`, () => measureAt(singles, 64))));
    // Pacing runs in its own process meanwhile: it needs wall-clock time, not this process's CPU.
    const pacing = measurePacingInChildProcess(PACING_PER_SECOND, PACING_SECONDS);
    const memory = await phase(
      `sendMany of ${MEMORY_SENDS} at concurrency 64, RSS before and after (pacing at ${PACING_PER_SECOND}/s for ${PACING_SECONDS} s alongside)`,
      () => measureMemoryGrowth(service, MEMORY_SENDS, 64),
    );
    rows.push({ client: 'sendMany', result: memory.run });
    return { rows, memory, pacing: await pacing };
  } finally {
    await service.close();
    server.stop();
  }
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined ? '—' : value.toFixed(digits);
}

function resultOf(rows: Row[], client: ClientName, concurrency: number): RunResult {
  const row = rows.find((candidate) => candidate.client === client && candidate.result.concurrency === concurrency);
  if (row === undefined) {
    throw new Error(`no result for ${client} at concurrency ${concurrency}`);
  }
  return row.result;
}

function table(rows: Row[]): string {
  const ordered = CONCURRENCIES.flatMap((concurrency) => rows.filter((row) => row.result.concurrency === concurrency));
  return [
    'client      conc     sends     msgs/s   p50 ms   p99 ms   vs axios',
    ...ordered.map(({ client, result }) =>
      [
        client.padEnd(10),
        String(result.concurrency).padStart(5),
        String(result.sends).padStart(9),
        fixed(result.throughput, 0).padStart(10),
        fixed(result.p50Ms, 3).padStart(8),
        fixed(result.p99Ms, 3).padStart(8),
        fixed(result.throughput / resultOf(rows, 'axios', result.concurrency).throughput, 2).padStart(10),
      ].join(' '),
    ),
  ].join('\n');
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function report({ rows, memory, pacing }: Measurements): void {
  const [http64, axios64, service64] = [
    resultOf(rows, 'node:http', 64),
    resultOf(rows, 'axios', 64),
    resultOf(rows, 'sendVideo', 64),
  ];
  const [axios1, service1] = [resultOf(rows, 'axios', 1), resultOf(rows, 'sendVideo', 1)];
  const overheadUsC1 = ((service1.meanMs ?? 0) - (axios1.meanMs ?? 0)) * 1000;
  const overheadUsC64 = (1 / service64.throughput - 1 / axios64.throughput) * 1e6;

  log(
    `\nLoopback, keep-alive, fake Zixflow in its own process; Node ${process.version}, ${ROUNDS} alternating rounds per client\n`,
  );
  log(table(rows));
  log(
    `\nservice overhead over axios per send: ${overheadUsC1.toFixed(0)} µs at concurrency 1 (mean latency), ` +
      `${overheadUsC64.toFixed(0)} µs at concurrency 64 (1 / throughput)`,
  );
  log(
    `RSS around ${memory.sends} sends via one sendMany: ${memory.rssBeforeMb.toFixed(1)} MB → ${memory.rssAfterMb.toFixed(1)} MB ` +
      `(+${memory.rssGrowthMb.toFixed(1)} MB; heap ${memory.heapAfterMb.toFixed(1)} MB with the outcomes array held)`,
  );
  log(
    `pacing at ${pacing.targetPerSecond}/s: ${pacing.requests} requests in ${pacing.seconds.toFixed(2)} s = ` +
      `${pacing.achievedPerSecond.toFixed(1)}/s (${pacing.errorPct >= 0 ? '+' : ''}${pacing.errorPct.toFixed(2)} %)\n`,
  );
  log(
    JSON.stringify({
      sends: SENDS,
      httpThroughputC64: Math.round(http64.throughput),
      axiosThroughputC64: Math.round(axios64.throughput),
      serviceThroughputC64: Math.round(service64.throughput),
      serviceVsAxiosThroughputC64: round(service64.throughput / axios64.throughput, 3),
      serviceVsHttpThroughputC64: round(service64.throughput / http64.throughput, 3),
      sendManyVsAxiosThroughputC64: round(memory.run.throughput / axios64.throughput, 3),
      p99OverheadMsC64: round((service64.p99Ms ?? 0) - (axios64.p99Ms ?? 0), 3),
      overheadUsPerSendC1: Math.round(overheadUsC1),
      overheadUsPerSendC64: Math.round(overheadUsC64),
      rssGrowthMb100k: round(memory.rssGrowthMb, 1),
      pacingAchievedPerSecond: round(pacing.achievedPerSecond, 2),
      pacingErrorPct: round(pacing.errorPct, 2),
    }),
  );
}

measureAll()
  .then(report)
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
