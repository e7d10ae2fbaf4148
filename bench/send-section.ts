import { plainAxiosClient, plainHttpClient, SendOnce, ServiceClient, startServiceClient } from './bench-clients';
import { startBenchServer } from './bench-server';
import { fixed, log, median, medianRatio, round } from './common/stats';
import { FixedRateResult, runAtFixedRate } from './fixed-rate';
import { RunRecorder, RunResult } from './measure';
import { measureMemoryGrowth, MemoryGrowth } from './memory-growth';
import type { PacingAccuracy } from './pacing-accuracy';
import { measurePacingInChildProcess } from './pacing-process';

/**
 * Sends (issue 16 goals 1 and 7): the library against raw HTTP on loopback. A forked fake Zixflow
 * answers; four clients with the same keep-alive settings send video messages N times at
 * concurrency 1 and 64: node:http (the floor), plain axios, ZixflowWhatsappService.sendVideo, and
 * sendMany without pacing. sendMany at 64 is timed on the 100 000-message run that also measures
 * RSS, and the rate achieved by pacing at 200 per second is measured in a child process during that
 * run. BENCH_SENDS overrides N (default 20 000).
 */

const SENDS = Number(process.env.BENCH_SENDS ?? 20_000);
const WARM_UP_SENDS = Math.min(500, SENDS);
/**
 * Each client's N sends are split into rounds that alternate between the clients, so a slow or
 * fast spell of a shared virtual machine weighs on every client alike instead of on one; ratios are
 * the median of the rounds' ratios.
 */
const ROUNDS = 8;
const CONCURRENCIES = [1, 64] as const;
const MEMORY_SENDS = Number(process.env.BENCH_MEMORY_SENDS ?? 100_000);
const PACING_PER_SECOND = 200;
const PACING_SECONDS = 10;
/** Fixed-rate runs (goal 3): half of the lower of axios's and the service's maxima at c64, in alternating rounds. */
const FIXED_RATE_SHARE = 0.5;
const FIXED_RATE_ROUNDS = 4;
const FIXED_RATE_SECONDS = Number(process.env.BENCH_FIXED_RATE_SECONDS ?? 2);

type ClientName = 'node:http' | 'axios' | 'sendVideo' | 'sendMany';

/** A client under test: one send at a time, or (sendMany) a batch of any size. */
type Client = { name: ClientName; send: SendOnce } | { name: 'sendMany'; batch: ServiceClient['sendMany'] };

interface Row {
  client: ClientName;
  result: RunResult;
}

/** Everything the send section measured. */
export interface SendFigures {
  rows: Row[];
  /** Rounds at a fixed rate below saturation, alternating axios and sendVideo. */
  fixedRate: { axios: FixedRateResult[]; service: FixedRateResult[] };
  memory: MemoryGrowth;
  pacing: PacingAccuracy;
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
  for (let index = 0; index < ROUNDS; index += 1) {
    const share = Math.floor(SENDS / ROUNDS) + (index < SENDS % ROUNDS ? 1 : 0);
    for (const [clientIndex, client] of clients.entries()) {
      await runOnce(client, recorders[clientIndex], share, concurrency);
    }
  }
  return clients.map((client, index) => ({ client: client.name, result: recorders[index].result() }));
}

async function phase<T>(title: string, work: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  const result = await work();
  log(`  ${title}: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  return result;
}

/** Runs the send section. */
export async function measureSends(): Promise<SendFigures> {
  const server = await startBenchServer();
  const service = await startServiceClient(server.url);
  try {
    const axios = plainAxiosClient(server.url);
    const clients: Client[] = [
      { name: 'node:http', send: plainHttpClient(server.url) },
      { name: 'axios', send: axios },
      { name: 'sendVideo', send: service.send },
      { name: 'sendMany', batch: service.sendMany },
    ];
    await phase(`warm-up, ${WARM_UP_SENDS} sends per client`, async () => {
      for (const client of clients) {
        await runOnce(client, new RunRecorder(64), WARM_UP_SENDS, 64);
      }
    });
    const rows = await phase(`${SENDS} sends per client at concurrency 1`, () => measureAt(clients, 1));
    const singles = clients.filter((client) => client.name !== 'sendMany');
    rows.push(...(await phase(`${SENDS} sends per client at concurrency 64`, () => measureAt(singles, 64))));
    // Below saturation for both sides: half of axios's maximum unless the service's is lower.
    const ceiling = Math.min(resultOf(rows, 'axios', 64).throughput, resultOf(rows, 'sendVideo', 64).throughput);
    const perSecond = Math.round(ceiling * FIXED_RATE_SHARE);
    const fixedRate = await phase(
      `axios and sendVideo at ${perSecond}/s (half of the lower maximum at c64), ${FIXED_RATE_ROUNDS} alternating rounds of ${FIXED_RATE_SECONDS} s`,
      async () => {
        const runs: SendFigures['fixedRate'] = { axios: [], service: [] };
        for (let index = 0; index < FIXED_RATE_ROUNDS; index += 1) {
          runs.axios.push(await runAtFixedRate(axios, perSecond, FIXED_RATE_SECONDS));
          runs.service.push(await runAtFixedRate(service.send, perSecond, FIXED_RATE_SECONDS));
        }
        return runs;
      },
    );
    // Pacing runs in its own process meanwhile: it needs wall-clock time, not this process's CPU.
    const pacing = measurePacingInChildProcess(PACING_PER_SECOND, PACING_SECONDS);
    const memory = await phase(
      `sendMany of ${MEMORY_SENDS} at concurrency 64, RSS before and after (pacing at ${PACING_PER_SECOND}/s for ${PACING_SECONDS} s alongside)`,
      () => measureMemoryGrowth(service, MEMORY_SENDS, 64),
    );
    rows.push({ client: 'sendMany', result: memory.run });
    return { rows, fixedRate, memory, pacing: await pacing };
  } finally {
    await service.close();
    server.stop();
  }
}

function resultOf(rows: Row[], client: ClientName, concurrency: number): RunResult {
  const row = rows.find((candidate) => candidate.client === client && candidate.result.concurrency === concurrency);
  if (row === undefined) {
    throw new Error(`no result for ${client} at concurrency ${concurrency}`);
  }
  return row.result;
}

/** Median of round ratios when the rounds pair up; the ratio of overall throughputs otherwise. */
function ratio(subject: RunResult, baseline: RunResult, name?: string): number {
  return subject.roundThroughputs.length === baseline.roundThroughputs.length
    ? medianRatio(subject.roundThroughputs, baseline.roundThroughputs, name)
    : subject.throughput / baseline.throughput;
}

/** The section's lines of the printed report. */
export function printSends({ rows, fixedRate, memory, pacing }: SendFigures): void {
  const ordered = CONCURRENCIES.flatMap((concurrency) => rows.filter((row) => row.result.concurrency === concurrency));
  log(
    `\nSends: loopback, keep-alive, fake Zixflow in its own process; ${ROUNDS} alternating rounds per client (vs axios: median of the rounds' ratios)\n`,
  );
  log('client      conc     sends     msgs/s   p50 ms   p99 ms   vs axios');
  for (const { client, result } of ordered) {
    log(
      [
        client.padEnd(10),
        String(result.concurrency).padStart(5),
        String(result.sends).padStart(9),
        fixed(result.throughput, 0).padStart(10),
        fixed(result.p50Ms, 3).padStart(8),
        fixed(result.p99Ms, 3).padStart(8),
        fixed(ratio(result, resultOf(rows, 'axios', result.concurrency)), 2).padStart(10),
      ].join(' '),
    );
  }
  const { overheadUsC1, overheadUsC64 } = overheads(rows);
  log(
    `\nservice overhead over axios per send: ${overheadUsC1.toFixed(0)} µs at concurrency 1 (mean latency), ` +
      `${overheadUsC64.toFixed(0)} µs at concurrency 64 (1 / throughput)`,
  );
  const cpu = cpuAtC1(rows);
  log(
    `CPU of this process per send at concurrency 1 (median of rounds): axios ${cpu.axiosUs.toFixed(1)} µs, ` +
      `sendVideo ${cpu.serviceUs.toFixed(1)} µs; added by the service (validation, body, delivery, mapping) ${cpu.addedUs.toFixed(1)} µs`,
  );
  const rate = fixedRateFigures(fixedRate);
  log(
    `at a fixed ${rate.perSecond}/s (latency from when each send was due, median of ${FIXED_RATE_ROUNDS} rounds): ` +
      `p50 axios ${rate.axiosP50Ms.toFixed(3)} ms, sendVideo ${rate.serviceP50Ms.toFixed(3)} ms; ` +
      `p99 axios ${rate.axiosP99Ms.toFixed(3)} ms, sendVideo ${rate.serviceP99Ms.toFixed(3)} ms (overhead ${rate.p99OverheadMs.toFixed(3)} ms)`,
  );
  log(
    `RSS around ${memory.sends} sends via one sendMany: ${memory.rssBeforeMb.toFixed(1)} MB → ${memory.rssAfterMb.toFixed(1)} MB ` +
      `(${memory.rssGrowthMb >= 0 ? '+' : '−'}${Math.abs(memory.rssGrowthMb).toFixed(1)} MB after GC; peak ${memory.rssPeakMb.toFixed(1)} MB during the run, with ${memory.heapTotalAtPeakMb.toFixed(1)} MB of heap committed; ` +
      `heap ${memory.heapBeforeMb.toFixed(1)} → ${memory.heapAfterMb.toFixed(1)} MB used, ${memory.heapTotalAfterMb.toFixed(1)} MB committed; ` +
      `external ${memory.externalAfterMb.toFixed(1)} MB)`,
  );
  log(
    `pacing at ${pacing.targetPerSecond}/s: ${pacing.requests} requests in ${pacing.seconds.toFixed(2)} s = ` +
      `${pacing.achievedPerSecond.toFixed(1)}/s (${pacing.errorPct >= 0 ? '+' : ''}${pacing.errorPct.toFixed(2)} %)`,
  );
}

function overheads(rows: Row[]): { overheadUsC1: number; overheadUsC64: number } {
  const [axios1, service1] = [resultOf(rows, 'axios', 1), resultOf(rows, 'sendVideo', 1)];
  const [axios64, service64] = [resultOf(rows, 'axios', 64), resultOf(rows, 'sendVideo', 64)];
  return {
    overheadUsC1: ((service1.meanMs ?? 0) - (axios1.meanMs ?? 0)) * 1000,
    overheadUsC64: (1 / service64.throughput - 1 / axios64.throughput) * 1e6,
  };
}

/** CPU per send at concurrency 1: medians of the rounds, and the median of the per-round differences. */
function cpuAtC1(rows: Row[]): { axiosUs: number; serviceUs: number; addedUs: number } {
  const axios = resultOf(rows, 'axios', 1).roundCpuUsPerSend;
  const service = resultOf(rows, 'sendVideo', 1).roundCpuUsPerSend;
  return {
    axiosUs: median(axios),
    serviceUs: median(service),
    addedUs: median(service.map((value, index) => value - axios[index])),
  };
}

function fixedRateFigures({ axios, service }: SendFigures['fixedRate']): {
  perSecond: number;
  axiosP50Ms: number;
  serviceP50Ms: number;
  axiosP99Ms: number;
  serviceP99Ms: number;
  p99OverheadMs: number;
} {
  return {
    perSecond: axios[0]?.perSecond ?? Number.NaN,
    axiosP50Ms: median(axios.map((run) => run.p50Ms)),
    serviceP50Ms: median(service.map((run) => run.p50Ms)),
    axiosP99Ms: median(axios.map((run) => run.p99Ms)),
    serviceP99Ms: median(service.map((run) => run.p99Ms)),
    p99OverheadMs: median(service.map((run, index) => run.p99Ms - axios[index].p99Ms)),
  };
}

/** The section's keys of the JSON line. */
export function sendJson(figures: SendFigures | undefined): Record<string, number | null> {
  if (figures === undefined) {
    return Object.fromEntries(SEND_KEYS.map((key) => [key, null]));
  }
  const { rows, fixedRate, memory, pacing } = figures;
  const cpu = cpuAtC1(rows);
  const rate = fixedRateFigures(fixedRate);
  const [http64, axios64, service64] = [
    resultOf(rows, 'node:http', 64),
    resultOf(rows, 'axios', 64),
    resultOf(rows, 'sendVideo', 64),
  ];
  const [axios1, service1] = [resultOf(rows, 'axios', 1), resultOf(rows, 'sendVideo', 1)];
  const { overheadUsC1, overheadUsC64 } = overheads(rows);
  return {
    sends: SENDS,
    httpThroughputC64: Math.round(http64.throughput),
    axiosThroughputC64: Math.round(axios64.throughput),
    serviceThroughputC64: Math.round(service64.throughput),
    serviceVsAxiosThroughputC64: round(ratio(service64, axios64, 'serviceVsAxiosThroughputC64'), 3),
    serviceVsAxiosThroughputC1: round(ratio(service1, axios1, 'serviceVsAxiosThroughputC1'), 3),
    serviceVsHttpThroughputC64: round(ratio(service64, http64), 3),
    sendManyVsAxiosThroughputC64: round(memory.run.throughput / axios64.throughput, 3),
    p99OverheadMsC64: round((service64.p99Ms ?? 0) - (axios64.p99Ms ?? 0), 3),
    p99OverheadMsC1: round((service1.p99Ms ?? 0) - (axios1.p99Ms ?? 0), 3),
    cpuUsPerSendAxiosC1: round(cpu.axiosUs, 1),
    cpuUsPerSendServiceC1: round(cpu.serviceUs, 1),
    cpuUsPerValidatedSend: round(cpu.addedUs, 1),
    fixedRatePerSecond: round(rate.perSecond, 0),
    p99MsAxiosFixedRate: round(rate.axiosP99Ms, 3),
    p99MsServiceFixedRate: round(rate.serviceP99Ms, 3),
    p99OverheadMsFixedRate: round(rate.p99OverheadMs, 3),
    overheadUsPerSendC1: Math.round(overheadUsC1),
    overheadUsPerSendC64: Math.round(overheadUsC64),
    rssGrowthMb100k: round((memory.rssGrowthMb * 100_000) / memory.sends, 1),
    rssPeakGrowthMb100k: round(((memory.rssPeakMb - memory.rssBeforeMb) * 100_000) / memory.sends, 1),
    heapGrowthMb100k: round(((memory.heapAfterMb - memory.heapBeforeMb) * 100_000) / memory.sends, 1),
    pacingAchievedPerSecond: round(pacing.achievedPerSecond, 2),
    pacingErrorPct: round(pacing.errorPct, 2),
  };
}

const SEND_KEYS = [
  'sends',
  'httpThroughputC64',
  'axiosThroughputC64',
  'serviceThroughputC64',
  'serviceVsAxiosThroughputC64',
  'serviceVsAxiosThroughputC1',
  'serviceVsHttpThroughputC64',
  'sendManyVsAxiosThroughputC64',
  'p99OverheadMsC64',
  'p99OverheadMsC1',
  'cpuUsPerSendAxiosC1',
  'cpuUsPerSendServiceC1',
  'cpuUsPerValidatedSend',
  'fixedRatePerSecond',
  'p99MsAxiosFixedRate',
  'p99MsServiceFixedRate',
  'p99OverheadMsFixedRate',
  'overheadUsPerSendC1',
  'overheadUsPerSendC64',
  'rssGrowthMb100k',
  'rssPeakGrowthMb100k',
  'heapGrowthMb100k',
  'pacingAchievedPerSecond',
  'pacingErrorPct',
] as const;
