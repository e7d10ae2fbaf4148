import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { BotInstanceConfig } from '../fixtures/bot-instance.process';

const SCRIPT = join(__dirname, '..', 'fixtures', 'bot-instance.process.ts');
const TS_REGISTER = join(__dirname, '..', 'fixtures', 'ts-transpile.register.cjs');

/** A bot app instance in its own process. */
export interface BotInstance {
  /** Its incoming-webhook URL. */
  incomingUrl: string;
  /** SIGKILL, as a crash or an OOM kill would. */
  kill(): Promise<void>;
  /** A graceful close. */
  close(): Promise<void>;
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Forks an instance and resolves once it listens. */
export async function startBotInstance(config: BotInstanceConfig): Promise<BotInstance> {
  const child = fork(SCRIPT, [], {
    execArgv: ['--require', TS_REGISTER],
    env: { ...process.env, BOT_INSTANCE_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot instance did not start:\n${stderr}`)), 30_000);
    child.once('message', (message: { type: string; port: number }) => {
      clearTimeout(timer);
      resolve(message.port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot instance exited with ${String(code)}:\n${stderr}`));
    });
  });
  return {
    incomingUrl: `http://127.0.0.1:${port}/zixflow/webhooks/incoming`,
    kill: async () => {
      const exited = exitOf(child);
      child.kill('SIGKILL');
      await exited;
    },
    close: async () => {
      const exited = exitOf(child);
      child.send({ type: 'close' });
      await exited;
    },
  };
}

const EXAMPLE_MAIN = join(__dirname, '..', '..', 'src', 'main.ts');

/** Resolves once something answers HTTP on the port. */
async function waitForHttp(port: number, child: ChildProcess, stderr: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`example app exited with ${child.exitCode}:\n${stderr()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/docs`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`example app did not listen on ${port}:\n${stderr()}`);
}

/** The example app (`src/main.ts`) in its own process, as `node dist/main.js` would run it, with `env`. */
export async function startExampleInstance(port: number, env: Record<string, string>): Promise<BotInstance> {
  const child = fork(EXAMPLE_MAIN, [], {
    execArgv: ['--require', TS_REGISTER],
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForHttp(port, child, () => stderr);
  return {
    incomingUrl: `http://127.0.0.1:${port}/zixflow/webhooks/incoming`,
    kill: async () => {
      const exited = exitOf(child);
      child.kill('SIGKILL');
      await exited;
    },
    close: async () => {
      const exited = exitOf(child);
      child.kill('SIGTERM');
      await exited;
    },
  };
}
