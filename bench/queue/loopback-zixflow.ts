import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback stand-in for Zixflow that does as little as possible per request: drain the body,
 * answer the success envelope, count. The benchmark measures the queue, not this server.
 */
export interface LoopbackZixflow {
  url: string;
  /** Requests answered since start. */
  requests: () => number;
  stop: () => Promise<void>;
}

const ANSWER = JSON.stringify({ status: true, message: 'Message sent successfully' });
const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(Buffer.byteLength(ANSWER)),
};

/** Starts the server on 127.0.0.1 on a free port. */
export async function startLoopbackZixflow(): Promise<LoopbackZixflow> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      res.writeHead(200, HEADERS).end(ANSWER);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    stop: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
