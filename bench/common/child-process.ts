import { fork, type ChildProcess } from 'node:child_process';

/**
 * The benchmark's child processes (apps under test, bot instances, queue workers) and the small
 * IPC protocol they share: a child reports `{ type: 'ready', ... }` once it listens, answers
 * `{ type: 'request', id, command }` with `{ type: 'reply', id, value }`, and exits cleanly on
 * `{ type: 'close' }` (so `--cpu-prof` writes its profile).
 *
 * With `BENCH_CPU_PROF=<dir>`, every child runs under `node --cpu-prof` and writes
 * `<dir>/<role>-<n>.cpuprofile`; `npm run bench:profile -- <files>` summarises them.
 */
export interface BenchChild<Ready> {
  /** What the child reported with `ready` (e.g. its port). */
  ready: Ready;
  child: ChildProcess;
  /** Sends a command and resolves with the child's answer. */
  request: <T>(command: object) => Promise<T>;
  /** A graceful close; resolves once the process exited. */
  close: () => Promise<void>;
  /** SIGKILL, as a crash or an OOM kill would; resolves once the process exited. */
  kill: () => Promise<void>;
}

let profiled = 0;

function profileArgs(role: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) {
    return [];
  }
  profiled += 1;
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${role}-${process.pid}-${profiled}.cpuprofile`];
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Forks `script` with `env` added, and resolves once it reported ready. */
export function startChild<Ready>(
  script: string,
  role: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<BenchChild<Ready>> {
  const child = fork(script, [], {
    env: { ...process.env, ...env },
    execArgv: profileArgs(role),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map<number, (value: unknown) => void>();
  child.on('message', (message: { type: string; id?: number; value?: unknown }) => {
    if (message.type === 'reply' && message.id !== undefined) {
      pending.get(message.id)?.(message.value);
      pending.delete(message.id);
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${role} did not start within ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`${role} exited with code ${String(code)} before it was ready`));
    };
    child.once('exit', onExit);
    child.on('message', function onReady(message: { type: string }) {
      if (message.type !== 'ready') {
        return;
      }
      child.off('message', onReady);
      child.off('exit', onExit);
      clearTimeout(timer);
      resolve({
        ready: message as Ready,
        child,
        request: <T>(command: object) =>
          new Promise<T>((answered) => {
            nextId += 1;
            pending.set(nextId, answered as (value: unknown) => void);
            child.send({ type: 'request', id: nextId, command });
          }),
        close: async () => {
          const exited = exitOf(child);
          if (child.connected) {
            child.send({ type: 'close' });
          }
          await exited;
        },
        kill: async () => {
          const exited = exitOf(child);
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}

/**
 * The child's side: reports ready with `ready`, answers requests with `answer`, and on `close`
 * runs `close` then exits with code 0.
 */
export function serveParent(ready: object, answer: (command: never) => unknown, close: () => Promise<void>): void {
  process.on('message', (message: { type: string; id?: number; command?: never }) => {
    if (message.type === 'request' && message.command !== undefined) {
      void Promise.resolve(answer(message.command)).then((value) =>
        process.send?.({ type: 'reply', id: message.id, value }),
      );
    } else if (message.type === 'close') {
      void close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  // An orphan (the benchmark died) must not keep running.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', ...ready });
}

/** For a child's main(): prints the failure and exits non-zero. */
export function failChild(role: string): (error: unknown) => void {
  return (error) => {
    process.stderr.write(
      `${role} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  };
}
