import { BadRequestException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ZixflowWebhookHttpRequest } from './zixflow-webhook-http-request.interface';

/**
 * The Node request that carries the body stream: Fastify wraps it in `raw`, Express's request is
 * it. Read generically so the library imports neither platform.
 */
export function nodeRequestOf(request: ZixflowWebhookHttpRequest): IncomingMessage {
  return request.raw ?? (request as unknown as IncomingMessage);
}

/**
 * Keeps at most `maxBytes` and resolves undefined when the body was larger. The rest is still read
 * and dropped (not cut off), so the sender reliably receives the 413 instead of a reset connection;
 * only callers that passed the secret check get this far.
 */
export function readUpTo(stream: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
      }
    });
    stream.once('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks)));
    stream.once('error', reject);
    stream.once('close', () => {
      if (!stream.readableEnded) {
        reject(new BadRequestException('The connection closed before the webhook body was complete'));
      }
    });
  });
}

/** Reads and drops a body that is refused unread, so the answer reaches the sender (see {@link readUpTo}). */
export function drain(stream: IncomingMessage): Promise<void> {
  return readUpTo(stream, 0).then(
    () => undefined,
    () => undefined,
  );
}
