import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ServerCommand, ServerStats } from './fake-zixflow-server';

/** The fake Zixflow running in a child process, and the way to talk to it. */
export interface BenchServer {
  url: string;
  /** Sends a command and resolves with the server's request statistics. */
  command: (command: ServerCommand) => Promise<ServerStats>;
  stop: () => void;
}

/** Forks `fake-zixflow-server` and resolves once it listens. */
export function startBenchServer(): Promise<BenchServer> {
  const child: ChildProcess = fork(join(__dirname, 'fake-zixflow-server.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message: { port: number }) => {
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        command: (command) =>
          new Promise((answered) => {
            child.once('message', (stats: ServerStats) => answered(stats));
            child.send(command);
          }),
        stop: () => child.kill(),
      });
    });
  });
}
