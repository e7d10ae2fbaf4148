import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A Redis for the benchmark, started as the test suites start theirs (test/queue-redis.ts, copied
 * here so the benchmark does not move with the tests): `REDIS_URL` when set, otherwise a private
 * `redis-server` on a free 127.0.0.1 port without persistence, in a temporary directory, stopped by
 * pid at the end.
 */
export interface BenchRedis {
  url: string;
  stop: () => Promise<void>;
}

/** The `redis-server` binary: `REDIS_SERVER`, else the first on PATH; undefined when there is none. */
export function findRedisServer(): string | undefined {
  const candidates = process.env.REDIS_SERVER
    ? [process.env.REDIS_SERVER]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'redis-server'));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** `REDIS_URL`, a private redis-server, or undefined when neither is possible (the Redis figures are skipped). */
export async function startBenchRedis(): Promise<BenchRedis | undefined> {
  if (process.env.REDIS_URL) {
    return { url: process.env.REDIS_URL, stop: async () => undefined };
  }
  const binary = findRedisServer();
  if (binary === undefined) {
    return undefined;
  }
  // A port found free can be taken before redis binds it; another port covers that race.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await spawnRedis(binary, await freePort());
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
    }
  }
}

async function spawnRedis(binary: string, port: number): Promise<BenchRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'zixflow-bench-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    await waitUntilReady(child);
  } catch (error) {
    await stopProcess(child);
    removeDir();
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await stopProcess(child);
      removeDir();
    },
  };
}

function waitUntilReady(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        finish();
        resolve();
      }
    };
    const onExit = (code: number | null): void => fail(new Error(`redis-server exited with code ${code}:\n${output}`));
    function finish(): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining its output so a chatty server never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
    }
    function fail(error: Error): void {
      finish();
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', onExit);
    child.once('error', fail);
  });
}

/** SIGTERM by pid, then SIGKILL if it has not exited within 3 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
