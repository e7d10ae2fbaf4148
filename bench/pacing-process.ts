import { fork } from 'node:child_process';
import { startBenchServer } from './bench-server';
import { measurePacing, PacingAccuracy } from './pacing-accuracy';

/**
 * Measures pacing in a child process with its own fake Zixflow, so it can run while the
 * benchmark's long sendMany run keeps the main process busy: the paced client gets an event loop
 * of its own (as a paced app would), and the main run loses only the few percent of CPU that 200
 * sends per second take. Started as a script, it measures and reports to its parent; imported, it
 * starts that script.
 */
export function measurePacingInChildProcess(targetPerSecond: number, seconds: number): Promise<PacingAccuracy> {
  const child = fork(__filename, [String(targetPerSecond), String(seconds)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (result: PacingAccuracy) => resolve(result));
    child.once('exit', (code) => reject(new Error(`pacing process exited with code ${String(code)} before reporting`)));
  });
}

async function measureAndReport(targetPerSecond: number, seconds: number): Promise<void> {
  const server = await startBenchServer();
  try {
    const result = await measurePacing(server, targetPerSecond, seconds);
    await new Promise<void>((resolve) => process.send?.(result, () => resolve()));
  } finally {
    server.stop();
  }
}

if (require.main === module) {
  measureAndReport(Number(process.argv[2]), Number(process.argv[3])).then(
    () => process.disconnect(),
    (error: unknown) => {
      process.stderr.write(
        `pacing measurement failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
