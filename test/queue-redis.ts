import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A Redis server for the queue tests and the queue benchmark: `REDIS_URL` when it is set, otherwise
 * a private `redis-server` started on a free 127.0.0.1 port without persistence (`--save ''`,
 * `--appendonly no`, its directory in the system temp folder, so no dump file lands in the repo),
 * stopped by pid at the end.
 */
export interface LocalRedis {
  /** `redis://127.0.0.1:<port>` or the given `REDIS_URL`. */
  url: string;
  /** Stops the server this process started; does nothing for an external `REDIS_URL`. */
  stop: () => Promise<void>;
}

/** The `redis-server` binary: `REDIS_SERVER` if set, else the first one on PATH; undefined when none. */
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

/** Whether the queue tests can run: an external Redis is configured or a server can be started. */
export function redisAvailable(): boolean {
  return Boolean(process.env.REDIS_URL) || findRedisServer() !== undefined;
}

/** How to make the queue suites run, for the skip notice and the CI failure. */
export const REDIS_HOW_TO =
  'install redis-server (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis), ' +
  'or point REDIS_URL at a Redis 6.2+ server the tests may write to';

/** Uses `REDIS_URL`, or starts a private redis-server; rejects when neither is possible. */
export async function startLocalRedis(): Promise<LocalRedis> {
  if (process.env.REDIS_URL) {
    return { url: process.env.REDIS_URL, stop: async () => undefined };
  }
  const binary = findRedisServer();
  if (binary === undefined) {
    throw new Error(`No Redis for the queue tests: ${REDIS_HOW_TO}.`);
  }
  // A port found free can be taken before redis binds it; a second try with a new port covers that race.
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

/**
 * A redis-server that writes every command to its append-only file and can be stopped and started
 * again on the same port and data, for the outage tests: what was stored before the stop is there
 * after the start.
 */
export interface RestartableRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

/** Starts a persistent, restartable redis-server (needs the binary; REDIS_URL cannot be restarted). */
export async function startRestartableRedis(): Promise<RestartableRedis> {
  const binary = findRedisServer();
  if (binary === undefined) throw new Error(`No redis-server for the outage tests: ${REDIS_HOW_TO}.`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'zixflow-redis-aof-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--dir',
    dir,
  ];
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const started = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitUntilReady(started);
    child = started;
  };
  const stop = async (): Promise<void> => {
    if (child !== undefined) await stopProcess(child);
    child = undefined;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    remove: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function spawnRedis(binary: string, port: number): Promise<LocalRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'zixflow-redis-'));
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
      child.off('error', fail);
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
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
