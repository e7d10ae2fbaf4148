import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for Zixflow that does as little as possible per request: drain the body,
 * answer the success envelope. It runs in its own process (forked by the benchmark) so that the
 * server's work never shares an event loop or a core with the clients being measured. It counts
 * requests, so pacing can be measured where Zixflow would see it.
 */

/** Messages the benchmark sends to this process. */
export type ServerCommand = { command: 'reset' } | { command: 'stats' };

/** What `stats` reports: requests since the last reset, and when the first and last arrived. */
export interface ServerStats {
  requests: number;
  firstAtMs: number;
  lastAtMs: number;
}

const ANSWER = JSON.stringify({ status: true, message: 'Message sent successfully' });
const ANSWER_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(Buffer.byteLength(ANSWER)),
};

let stats: ServerStats = { requests: 0, firstAtMs: 0, lastAtMs: 0 };

function answer(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  req.on('end', () => {
    const now = performance.now();
    stats.requests += 1;
    stats.firstAtMs ||= now;
    stats.lastAtMs = now;
    res.writeHead(200, ANSWER_HEADERS).end(ANSWER);
  });
}

function onCommand(message: ServerCommand): void {
  if (message.command === 'reset') {
    stats = { requests: 0, firstAtMs: 0, lastAtMs: 0 };
  }
  process.send?.(stats);
}

const server = createServer(answer);
// Longer than any pause in the benchmark, so keep-alive sockets are never closed under a client.
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('message', onCommand);
process.on('disconnect', () => process.exit(0));
