import type { IncomingMessage } from 'node:http';

/**
 * The request as the webhook routes see it: Node's request plus what the app's body parser may
 * have added. Kept to Node's type so the library does not depend on Express typings.
 */
export interface ZixflowWebhookHttpRequest extends IncomingMessage {
  /** Set when the application's body parser already read the body. */
  body?: unknown;
  /** Set by Nest when the application was created with `rawBody: true`. */
  rawBody?: Buffer;
  /** Express keeps the URL as received here when routers rewrite `url`. */
  originalUrl?: string;
}
