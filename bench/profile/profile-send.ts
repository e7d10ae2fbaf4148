import { startServiceClient } from '../bench-clients';
import { startBenchServer } from '../bench-server';

/**
 * `node --cpu-prof dist/bench/bench/profile/profile-send.js [sends] [concurrency]`: only
 * ZixflowWhatsappService.sendVideo against the forked fake Zixflow, so a CPU profile of this
 * process shows the whole send path (validation, body, delivery, axios, mapping) and nothing else.
 * Prints the CPU time per send of this process.
 */
async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 50_000);
  const concurrency = Number(process.argv[3] ?? 64);
  const server = await startBenchServer();
  const service = await startServiceClient(server.url);
  try {
    let next = 0;
    const caller = async (): Promise<void> => {
      while (next < total) {
        next += 1;
        await service.send();
      }
    };
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: concurrency }, caller));
    const elapsedMs = performance.now() - startedAt;
    const cpu = process.cpuUsage(cpuBefore);
    process.stdout.write(
      `${total} sends at concurrency ${concurrency}: ${((total / elapsedMs) * 1000).toFixed(0)} msg/s, ` +
        `${((cpu.user + cpu.system) / total).toFixed(1)} µs CPU per send\n`,
    );
  } finally {
    await service.close();
    server.stop();
  }
}

void main();
