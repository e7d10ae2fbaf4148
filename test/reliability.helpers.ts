import { LoggerService } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { ZixflowError, ZixflowModule, ZixflowModuleOptions, ZixflowWhatsappService } from '../src/zixflow';

/** The key every reliability suite configures; long and distinctive so a leak is easy to spot. */
export const API_KEY = 'zx-live-4b8e2f6a1c9d3e7f5a0b';

export const PHONE_ID = '104898309288724';

/** A valid video message as a caller types it. */
export const VIDEO = { to: '+1 302 389 5111', phoneId: PHONE_ID, video: { link: 'https://cdn.example.com/v.mp4' } };

/** Short back-off so retry tests take milliseconds, not seconds. */
export const FAST_RETRY = { minDelayMs: 2, maxDelayMs: 10 } as const;

/** One line a logger received, with its level. */
export interface LogLine {
  level: string;
  text: string;
}

/** A Nest logger that keeps every line (debug included) instead of printing it. */
export class RecordingLogger implements LoggerService {
  readonly lines: LogLine[] = [];

  log(message: unknown, ...rest: unknown[]): void {
    this.record('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.record('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.record('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.record('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.record('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.record('fatal', message, rest);
  }

  /** Lines of one level whose text matches. */
  at(level: string, pattern: RegExp = /./): string[] {
    return this.lines.filter((line) => line.level === level && pattern.test(line.text)).map((line) => line.text);
  }

  private record(level: string, message: unknown, rest: unknown[]): void {
    // Everything the logger was given counts, context and stack arguments included.
    const parts = [message, ...rest].map((part) =>
      typeof part === 'string' ? part : (JSON.stringify(part) ?? String(part)),
    );
    this.lines.push({ level, text: parts.join(' ') });
  }
}

/** A started module around the service, with its logger. */
export interface WhatsappUnderTest {
  moduleRef: TestingModule;
  whatsapp: ZixflowWhatsappService;
  logger: RecordingLogger;
}

/** Compiles and initialises `ZixflowModule.forRoot` with the test key, recording its logs. */
export async function startWhatsapp(
  options: Partial<ZixflowModuleOptions> & { baseUrl: string },
): Promise<WhatsappUnderTest> {
  const logger = new RecordingLogger();
  const moduleRef = await Test.createTestingModule({
    imports: [ZixflowModule.forRoot({ apiKey: API_KEY, ...options })],
  })
    .setLogger(logger)
    .compile();
  await moduleRef.init();
  return { moduleRef, whatsapp: moduleRef.get(ZixflowWhatsappService), logger };
}

/** Awaits a send that must fail and returns its error. */
export async function caught(promise: Promise<unknown>): Promise<ZixflowError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the send to reject');
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ZixflowError);
  return error as ZixflowError;
}

/** A port on 127.0.0.1 with nothing listening, for connection-refused cases. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A raw TCP server for faults the sandbox cannot script, counting the connections it got. */
export interface RawServer {
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}

/** Starts a TCP server on 127.0.0.1 that hands every connection to `onConnection`. */
export async function startRawServer(onConnection: (socket: Socket) => void): Promise<RawServer> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createTcpServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => connections,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves after `ms` of real time, to show that no further request arrives. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
