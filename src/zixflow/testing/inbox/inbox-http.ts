import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The page may load only its own script, stylesheet and icon, and talk only to its own origin:
 * no inline script or style, no plugins, no framing, no form posts, no `<base>` tricks. Even a
 * rendering bug that let markup through could then neither run script nor load anything remote.
 */
export const INBOX_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every inbox response, pages and API alike. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': INBOX_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // Messages change all the time and may hold personal data: never keep a copy.
  'cache-control': 'no-store',
};

/** A body read with a size cap. */
export interface InboxRequestBody {
  raw: string;
  tooLarge: boolean;
}

/** The security headers plus the given ones; used for every inbox response, the event stream included. */
export function inboxHeaders(headers: Record<string, string>): Record<string, string> {
  return { ...SECURITY_HEADERS, ...headers };
}

/** Answers with a complete body and the inbox's security headers. */
export function sendInboxResponse(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(
    status,
    inboxHeaders({ 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), ...extra }),
  );
  res.end(body);
}

/** Answers with JSON. */
export function sendInboxJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  extra: Record<string, string> = {},
): void {
  sendInboxResponse(res, status, 'application/json; charset=utf-8', JSON.stringify(payload), extra);
}

/** Reads a request body, keeping at most `maxBytes` (the rest is drained so the client still gets the answer). */
export function readInboxBody(req: IncomingMessage, maxBytes: number): Promise<InboxRequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve({ raw: size > maxBytes ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge: size > maxBytes }),
    );
    req.on('error', reject);
  });
}
