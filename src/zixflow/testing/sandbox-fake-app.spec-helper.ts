import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook call the fake app received. */
export interface FakeAppCall {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** The body as received, for what JSON.parse would change (numbers above 2^53). */
  rawBody: string;
}

/** A stand-in for the app under test: records what the sandbox posts and answers with `status`. */
export class FakeApp {
  readonly received: FakeAppCall[] = [];
  status = 200;
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        this.received.push({
          path: req.url ?? '',
          headers: req.headers,
          body: JSON.parse(rawBody) as Record<string, unknown>,
          rawBody,
        });
        res.writeHead(this.status, { 'content-type': 'application/json' }).end(JSON.stringify({ received: true }));
      });
    });
  }

  /** Listens on a free port on 127.0.0.1. */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** The URL of `path` on this app; `host` lets a test spell loopback another way. */
  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** The calls so far, once there are `count` (or the time is up, so the assertion shows what came). */
  async waitFor(count: number, timeoutMs = 3000): Promise<FakeAppCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return this.received;
  }

  /** Closes the server and its connections. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A raw HTTP answer. */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A request with full control of the headers (fetch cannot set `Host`), on a fresh connection. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Polls instead of sleeping a fixed time, so slow CI machines do not make the tests flaky. */
export async function eventually(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}
