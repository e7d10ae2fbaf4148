import { ChildProcess, spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/**
 * Runs the real `npm start` (build included) the way a newcomer does, in its own process group,
 * and checks the promises of the README: a banner, a working send, a clean stop on SIGTERM.
 */
jest.setTimeout(120_000);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function groupIsAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('npm start (sandbox mode)', () => {
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(() => {
    if (child?.pid && groupIsAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  });

  it('boots with a banner, sends a message, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
    for (const name of ['ZIXFLOW_API_KEY', 'ZIXFLOW_BASE_URL', 'ZIXFLOW_PHONE_ID', 'ZIXFLOW_TIMEOUT_MS'])
      delete env[name];
    child = spawn('npm', ['start'], { cwd: `${__dirname}/..`, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const pgid = child.pid as number;

    const bannerShown = await waitFor(
      () => output.includes('SANDBOX MODE') && output.includes('/sandbox/messages'),
      90_000,
    );
    expect({ bannerShown, output: bannerShown ? '' : output }).toEqual({ bannerShown: true, output: '' });
    expect(output).toContain('Nothing leaves this machine');
    expect(output).toContain(`http://localhost:${port}/docs`);

    const sent = await fetch(`http://127.0.0.1:${port}/messages/video`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        to: '+1 302 389 5111',
        video: { link: 'https://cdn.example.com/welcome.mp4', caption: 'Welcome!' },
      }),
    });
    expect(sent.status).toBe(201);
    const listed = (await (await fetch(`http://127.0.0.1:${port}/sandbox/messages`)).json()) as Array<{
      body: Record<string, unknown>;
    }>;
    expect(listed[0].body).toMatchObject({ to: '13023895111', type: 'video', video: { caption: 'Welcome!' } });

    const stoppedAt = Date.now();
    process.kill(-pgid, 'SIGTERM');
    const portClosed = await waitFor(async () => !(await portAcceptsConnections(port)), 5000);
    const groupGone = await waitFor(() => !groupIsAlive(pgid), 5000 - (Date.now() - stoppedAt));

    expect(portClosed).toBe(true);
    expect(groupGone).toBe(true);
  });
});
