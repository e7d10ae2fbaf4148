import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * The request as the webhook routes see it, on either HTTP platform: what Express's request (a
 * Node request with extras) and Fastify's request (a wrapper around one) have in common. Written
 * against Node's types so the library depends on neither platform's typings.
 */
export interface ZixflowWebhookHttpRequest {
  headers: IncomingHttpHeaders;
  /** Path and query as received (Fastify), or as rewritten by routers (Express). */
  url?: string;
  /** Express keeps the URL as received here when routers rewrite `url`. */
  originalUrl?: string;
  /** Set when the application's body parser already read the body. */
  body?: unknown;
  /** Set by Nest when the application was created with `rawBody: true`, on either platform. */
  rawBody?: Buffer;
  /** Route parameters (`:account`), set by either platform's router. */
  params?: Record<string, string | undefined>;
  /** Fastify's underlying Node request; absent on Express, whose request is the Node request itself. */
  raw?: IncomingMessage;
}
