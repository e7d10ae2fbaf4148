import type { IncomingMessage } from 'node:http';
import { isJsonContentType } from '../sandbox-json-content-type';

/** Why an inbox request is refused, as an HTTP answer. */
export interface InboxRefusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

/** The names the sandbox answers to; it listens on 127.0.0.1 only, the others are how browsers may spell it. */
const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Refuses a request whose `Host` is not this sandbox on a loopback name. A web page that points its
 * own domain at 127.0.0.1 (DNS rebinding) would otherwise be "same-origin" with the inbox and could
 * read conversations; its requests carry its own domain in `Host`.
 */
export function hostRefusal(req: IncomingMessage, port: number): InboxRefusal | undefined {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && ownHosts(port).includes(host)
    ? undefined
    : { status: 403, message: 'Unknown Host: open the inbox at its 127.0.0.1 address' };
}

/**
 * Reads of the inbox API must come from the inbox page (or from a tool like curl, which sends no
 * `Sec-Fetch-Site`), never from another site's page.
 */
export function apiReadRefusal(req: IncomingMessage, port: number): InboxRefusal | undefined {
  return hostRefusal(req, port) ?? crossSiteRefusal(req);
}

/**
 * Writes additionally need a JSON body and, when the browser names an origin, the inbox's own.
 * A cross-site page can send neither a JSON content type (without a CORS pre-flight, which the
 * sandbox never grants) nor a matching `Origin`, so it cannot make the sandbox post to the app.
 */
export function apiWriteRefusal(req: IncomingMessage, port: number): InboxRefusal | undefined {
  const refusal = apiReadRefusal(req, port);
  if (refusal !== undefined) return refusal;
  const origin = req.headers.origin;
  if (origin !== undefined && !ownHosts(port).some((host) => origin.toLowerCase() === `http://${host}`)) {
    return { status: 403, message: 'Cross-origin requests are refused' };
  }
  const contentType = req.headers['content-type'];
  if (typeof contentType !== 'string' || !isJsonContentType(contentType)) {
    return { status: 415, message: 'Send JSON with content-type: application/json' };
  }
  return undefined;
}

function crossSiteRefusal(req: IncomingMessage): InboxRefusal | undefined {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none'
    ? undefined
    : { status: 403, message: 'Cross-site requests are refused' };
}

function ownHosts(port: number): string[] {
  return LOOPBACK_HOST_NAMES.map((name) => `${name}:${port}`);
}
