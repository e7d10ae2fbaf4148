import type { IncomingMessage } from 'node:http';
import { SANDBOX_HOST } from './sandbox-settings';
import type { SandboxRecordedRequest } from './zixflow-sandbox.types';

/** Large enough for any legitimate send (text is capped at 4096 chars), small enough to keep a runaway client from eating memory. */
const MAX_BODY_BYTES = 1024 * 1024;

/** A request body as it arrived, before any JSON parsing. */
export interface ReceivedBody {
  raw: string;
  /** False when the bytes are not valid UTF-8 (raw then contains replacement characters). */
  validUtf8: boolean;
  tooLarge: boolean;
}

/**
 * Reads the whole body, keeping at most MAX_BODY_BYTES. An oversized body is
 * still drained (not cut off) so the client reliably receives the 413
 * instead of a reset connection.
 */
export function readBody(req: IncomingMessage): Promise<ReceivedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) resolve({ raw: '', validUtf8: true, tooLarge: true });
      else resolve(decodeBody(Buffer.concat(chunks)));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('client closed the connection before the body was complete'));
    });
  });
}

function decodeBody(bytes: Buffer): ReceivedBody {
  try {
    return { raw: new TextDecoder('utf-8', { fatal: true }).decode(bytes), validUtf8: true, tooLarge: false };
  } catch {
    return { raw: bytes.toString('utf8'), validUtf8: false, tooLarge: false };
  }
}

/** The wire-level record tests assert on; headers are copied so later traffic cannot change them. */
export function buildRecord(req: IncomingMessage, received: ReceivedBody): SandboxRecordedRequest {
  const url = new URL(req.url ?? '/', `http://${SANDBOX_HOST}`);
  return {
    method: req.method ?? '',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { ...req.headers },
    body: parseJson(received.raw),
    rawBody: received.raw,
    receivedAt: new Date(),
  };
}

/** The request's path, or undefined when its target does not parse (the API flow then answers it, as before the inbox existed). */
export function pathnameOf(req: IncomingMessage): string | undefined {
  const target = req.url ?? '/';
  return URL.canParse(target, `http://${SANDBOX_HOST}`)
    ? new URL(target, `http://${SANDBOX_HOST}`).pathname
    : undefined;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
