import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One reply a bot instance sent, as the fake Zixflow saw it. */
export interface RecordedReply {
  to: string;
  text: string;
  /** The API key it came with: each instance has its own, so this says which instance sent it. */
  apiKey: string;
  /** `performance.now()` of this process when the request body had arrived. */
  atMs: number;
}

/**
 * A loopback fake Zixflow for the conversations benchmark, in the benchmark's own process (the
 * bot instances run in theirs): it records every text message sent to it and answers Zixflow's
 * success envelope, and lets the benchmark wait for a given reply.
 */
export interface RecordingZixflow {
  url: string;
  replies: RecordedReply[];
  /** Resolves with the first reply to `to` whose text starts with `prefix`, arriving from now on. */
  waitFor: (to: string, prefix: string, timeoutMs?: number) => Promise<RecordedReply>;
  stop: () => Promise<void>;
}

const ANSWER = JSON.stringify({ status: true, message: 'Message sent successfully' });
const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(Buffer.byteLength(ANSWER)),
};

interface Waiter {
  prefix: string;
  resolve: (reply: RecordedReply) => void;
}

/** Starts the fake on 127.0.0.1 on a free port. */
export async function startRecordingZixflow(): Promise<RecordingZixflow> {
  const replies: RecordedReply[] = [];
  const waiters = new Map<string, Waiter[]>();
  const sockets = new Set<Socket>();
  const record = (reply: RecordedReply): void => {
    replies.push(reply);
    const list = waiters.get(reply.to) ?? [];
    const index = list.findIndex((waiter) => reply.text.startsWith(waiter.prefix));
    if (index >= 0) {
      list.splice(index, 1)[0].resolve(reply);
    }
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const atMs = performance.now();
      const body = JSON.parse(text) as { to?: string; text?: { body?: string } };
      const apiKey = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      record({ to: body.to ?? '', text: body.text?.body ?? '', apiKey, atMs });
      res.writeHead(200, HEADERS).end(ANSWER);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    replies,
    waitFor: (to, prefix, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no reply "${prefix}…" to ${to} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const list = waiters.get(to) ?? [];
        list.push({
          prefix,
          resolve: (reply) => {
            clearTimeout(timer);
            resolve(reply);
          },
        });
        waiters.set(to, list);
      }),
    stop: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
