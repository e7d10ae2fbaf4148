import { createServer } from 'node:net';
import { listenFailure, portFrom, portProblem } from './listen-failure';

describe('portFrom (PORT)', () => {
  it.each([
    [undefined, 3000],
    ['', 3000],
    [' 8080 ', 8080],
    ['0', 0],
    ['65535', 65535],
  ])('%p → %p', (value, port) => {
    expect(portFrom(value)).toBe(port);
  });

  it.each(['abc', '30OO', '-1', '65536', '3000.5', '1e3'])('%p → a sentence naming PORT', (value) => {
    expect(portFrom(value)).toBe(
      `PORT must be a whole number from 0 to 65535 (got ${JSON.stringify(value)}), e.g. PORT=3000 npm start`,
    );
  });
});

describe('listenFailure', () => {
  it('names PORT and what to do for a busy port, a privileged port and anything else', () => {
    const error = (code: string): Error => Object.assign(new Error(`listen ${code}`), { code });
    expect(listenFailure(3000, error('EADDRINUSE'))).toBe(
      'Port 3000 is already in use (PORT=3000): stop what runs there, or start on another port, e.g. PORT=3001 npm start',
    );
    expect(listenFailure(80, error('EACCES'))).toBe(
      'Port 80 is not allowed for this user (PORT=80): use a port above 1023, e.g. PORT=3000 npm start',
    );
    expect(listenFailure(3000, error('EINVAL'))).toBe('Could not listen on PORT=3000: listen EINVAL');
  });
});

describe('portProblem', () => {
  it('is undefined for a free port and for 0, and the busy-port sentence for a port in use', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(await portProblem(port)).toBe(
        `Port ${port} is already in use (PORT=${port}): stop what runs there, or start on another port, e.g. PORT=3000 npm start`,
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(await portProblem(port)).toBeUndefined();
    expect(await portProblem(0)).toBeUndefined();
  });
});
