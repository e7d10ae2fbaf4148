import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithRedis, LocalRedis, startLocalRedis } from './queue.helpers';
import { freePort } from './queue-redis';

/**
 * The example app (`src/main.ts`, what `npm start` runs once built; the npm start smoke test runs
 * the build itself) as a real child process: what a person sees at start-up, a busy port, and
 * `.env` read before the app's plain module decisions. Each process runs in a fresh temporary
 * directory, so its `.env` is the test's own.
 */
jest.setTimeout(180_000);

const MAIN = join(__dirname, '..', 'src', 'main.ts');
/** Transpiles the TypeScript on require, so no build (and no race on dist/ with the npm start test). */
const TS_REGISTER = join(__dirname, 'fixtures', 'ts-transpile.register.cjs');
/** Variables of the developer's shell that would change what the example does. */
const CLEARED = [
  'ZIXFLOW_API_KEY',
  'ZIXFLOW_BASE_URL',
  'ZIXFLOW_PHONE_ID',
  'ZIXFLOW_WEBHOOK_SECRET',
  'REDIS_URL',
  'LOG_LEVEL',
];

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, cwd: string): Run {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  for (const name of CLEARED) if (!(name in env)) delete childEnv[name];
  const child = spawn(process.execPath, ['--require', TS_REGISTER, MAIN], {
    cwd,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

/** Stops a run with SIGTERM and waits for its exit. */
async function stop(run: Run): Promise<void> {
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
  await run.exited;
}

/** The log lines, one entry per `[Nest] …` line with what follows it until the next one. */
function logEntries(output: string): string[] {
  return output.split(/\n(?=\[Nest\] )/).filter((entry) => entry.trim() !== '');
}

describe('the example app at start-up', () => {
  let cwd: string;
  const runs: Run[] = [];

  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'zixflow-start-'));
  });

  afterEach(async () => {
    await Promise.all(runs.splice(0).map(stop));
    rmSync(cwd, { recursive: true, force: true });
  });

  it('prints one line per library module and the banner: no Nest start-up lines, no DEBUG, no code', async () => {
    const port = await freePort();
    const run = start({ PORT: String(port) }, cwd);
    runs.push(run);

    expect(
      await waitFor(() => run.output().includes('=====================================================\n'), 60_000),
    ).toBe(true);
    const entries = logEntries(run.output());

    expect(entries.map((entry) => entry.replace(/^\[Nest\] \d+ +- .+? (LOG|WARN|ERROR|DEBUG) +/, '$1 '))).toEqual([
      'LOG [ZixflowBot] 8 bot routes',
      'LOG [ZixflowWebhooks] Webhook handlers: DeliveryReportListener.record (every delivery report)',
      expect.stringMatching(/^LOG \[Example\] \n=+ SANDBOX MODE =+\n/),
    ]);
    expect(run.output()).not.toMatch(/DEBUG|function |InstanceLoader|RouterExplorer|successfully started/);
  });

  it('LOG_LEVEL=debug brings back Nest’s start-up lines', async () => {
    const port = await freePort();
    const run = start({ PORT: String(port), LOG_LEVEL: 'debug' }, cwd);
    runs.push(run);

    expect(await waitFor(() => run.output().includes('SANDBOX MODE'), 60_000)).toBe(true);
    expect(run.output()).toContain('[RouterExplorer] Mapped {/messages/video, POST} route');
    expect(run.output()).toContain('Nest application successfully started');
  });

  it('a busy port is one line naming PORT, and exit code 1', async () => {
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, resolve));
    try {
      const run = start({ PORT: String(port) }, cwd);
      const code = await run.exited;

      expect(code).toBe(1);
      expect(logEntries(run.output()).map((entry) => entry.replace(/^\[Nest\] \d+ +- .+? ERROR +/, ''))).toEqual([
        `[Example] Port ${port} is already in use (PORT=${port}): stop what runs there, or start on another port, e.g. PORT=3000 npm start\n`,
      ]);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('a PORT that is not a port number is one line, and exit code 1', async () => {
    const run = start({ PORT: '30OO' }, cwd);

    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(
      /^\[Nest\] \d+ .* ERROR \[Example\] PORT must be a whole number from 0 to 65535 \(got "30OO"\)/,
    );
    expect(logEntries(run.output())).toHaveLength(1);
  });
});

describeWithRedis('the example app reads .env before its module decisions', () => {
  let redis: LocalRedis;
  let cwd: string;
  let run: Run | undefined;

  beforeAll(async () => {
    redis = await startLocalRedis();
    cwd = mkdtempSync(join(tmpdir(), 'zixflow-dotenv-'));
  });

  afterAll(async () => {
    if (run) await stop(run);
    rmSync(cwd, { recursive: true, force: true });
    await redis?.stop();
  });

  it('REDIS_URL from .env alone turns the broadcast queue on', async () => {
    // A prefix of its own, so a shared REDIS_URL keeps this run's queue apart.
    writeFileSync(join(cwd, '.env'), `REDIS_URL=${redis.url}\nZIXFLOW_QUEUE_PREFIX=zixflow-dotenv-${process.pid}\n`);
    const port = await freePort();
    run = start({ PORT: String(port) }, cwd);
    const current = run;
    expect(await waitFor(() => current.output().includes('SANDBOX MODE'), 60_000)).toBe(true);

    // With the queue loaded the body is validated (400); without it the route answers 503.
    const response = await fetch(`http://127.0.0.1:${port}/broadcasts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateName: 'spring_sale', language: 'en', recipients: [] }),
    });
    expect(response.status).toBe(400);
  });
});
