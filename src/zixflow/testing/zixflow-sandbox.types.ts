/**
 * Settings for {@link ZixflowSandbox.start}. Both are optional so a test can
 * start a sandbox with no ceremony and still run in parallel with other
 * suites (port 0 lets the OS pick a free port).
 */
export interface ZixflowSandboxOptions {
  /** TCP port on 127.0.0.1. Default 0: the OS picks a free port, so parallel jest workers never collide. */
  port?: number;
  /** Key the sandbox expects in `Authorization: Bearer <apiKey>`. Default `'sandbox-api-key'`. */
  apiKey?: string;
}

/**
 * One HTTP request exactly as the sandbox received it. Tests assert on this
 * record rather than on client internals, so it keeps the wire-level view:
 * raw text, node's lower-case header names and the parsed JSON (if any).
 */
export interface SandboxRecordedRequest {
  method: string;
  /** Pathname only; the query string is split out into `query`. */
  path: string;
  /** Query parameters; when a name repeats, the last value wins. */
  query: Record<string, string>;
  /** Node's lower-case header map, copied so later requests cannot change it. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined when the body is not JSON (or exceeded the 1 MB cap). */
  body: unknown;
  /** Body decoded as UTF-8; empty when the body exceeded the 1 MB cap and was discarded. */
  rawBody: string;
  /** When the whole body had been received (the moment the request was recorded). */
  receivedAt: Date;
}

/**
 * A canned answer that replaces the sandbox's normal behaviour for one
 * request (or for all, via `respondAlways`). It exists so tests can make the
 * "API" misbehave in ways the real Zixflow might: rate limits, HTML error
 * pages, malformed JSON, slow answers, dropped or hung connections.
 */
export interface SandboxScriptedResponse {
  /** HTTP status. Default 200. */
  status?: number;
  /** Objects are JSON-encoded; a string is sent raw, so tests can send HTML or malformed JSON. Omitted: empty body. */
  body?: unknown;
  /** Extra response headers; they override the default `content-type: application/json; charset=utf-8`. */
  headers?: Record<string, string>;
  /** Wait this long before answering (or before dropping the connection). */
  delayMs?: number;
  /** Read the whole request body, then destroy the socket without any response. */
  drop?: boolean;
  /** Read the body and never answer (until `stop()`), to exercise client time-outs. */
  stall?: boolean;
}

/**
 * A send the sandbox accepted, with the ids it generated. Tests use it to
 * check what "reached Zixflow" without parsing `requests` themselves, and to
 * correlate ids returned to the client with the message that produced them.
 */
export interface SandboxSentMessage {
  /** 24 hex characters, like the Mongo ObjectIds the real API returns. Generated even when not returned. */
  messageId: string;
  /** 24 hex characters, like the Mongo ObjectIds the real API returns. Generated even when not returned. */
  campaignId: string;
  /** Which send endpoint accepted it (session or template). */
  path: string;
  body: Record<string, unknown>;
  receivedAt: Date;
}
