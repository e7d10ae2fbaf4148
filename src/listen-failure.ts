import { createServer } from 'node:net';

/** The port `main.ts` listens on: `PORT`, 3000 when unset or empty. */
export function portFrom(value: string | undefined): number | string {
  const text = value?.trim() ?? '';
  if (text === '') return 3000;
  const port = Number(text);
  return /^\d+$/.test(text) && port <= 65535
    ? port
    : `PORT must be a whole number from 0 to 65535 (got ${JSON.stringify(value)}), e.g. PORT=3000 npm start`;
}

/** One line that says why the app could not listen on `port` and what to do, naming `PORT`. */
export function listenFailure(port: number, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is already in use (PORT=${port}): stop what runs there, or start on another port, e.g. PORT=${port === 3000 ? 3001 : 3000} npm start`;
  }
  if (code === 'EACCES') {
    return `Port ${port} is not allowed for this user (PORT=${port}): use a port above 1023, e.g. PORT=3000 npm start`;
  }
  return `Could not listen on PORT=${port}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Why `port` cannot be listened on right now, or undefined when it can: tried before anything
 * starts, so a busy port costs one line and no start-up. (`app.listen` still reports a port taken
 * in between.) Port 0 always works: the system picks a free one.
 */
export async function portProblem(port: number): Promise<string | undefined> {
  if (port === 0) return undefined;
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, resolve);
    });
  } catch (error) {
    return listenFailure(port, error);
  }
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return undefined;
}
