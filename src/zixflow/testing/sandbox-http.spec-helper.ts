import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { ZixflowSandbox } from './zixflow-sandbox';

/*
 * Requests and fixtures the sandbox's own specs share: valid bodies, a fetch wrapper that keeps the
 * raw answer, and node:http and net probes for what fetch hides (sockets, reuse, refusals).
 */

/** The session-message send endpoint. */
export const SESSION_PATH = '/api/v1/campaign/whatsapp/message/send';
/** The template send endpoint. */
export const TEMPLATE_PATH = '/api/v1/campaign/whatsapp/send';
/** The shape of the ids the real API returns (Mongo ObjectIds). */
export const OBJECT_ID = /^[0-9a-f]{24}$/;

/** A valid recipient and business number. */
export const envelope = { to: '919876543210', phoneId: '104898309288724' };

/** One valid body per session kind, as `[kind, body]` rows for `it.each`. */
export const validSessionBodies: Array<[string, Record<string, unknown>]> = [
  ['text', { ...envelope, type: 'text', text: { body: 'Hello', preview_url: false } }],
  ['image', { ...envelope, type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'A' } }],
  [
    'video',
    {
      ...envelope,
      type: 'video',
      video: { link: 'https://example.com/clip.mp4', caption: 'Demo' },
      source: 'API',
      linkWithRecord: false,
      reportURL: 'https://example.com/zixflow/report',
    },
  ],
  ['audio', { ...envelope, type: 'audio', audio: { link: 'https://example.com/a.mp3' } }],
  ['document', { ...envelope, type: 'document', document: { link: 'https://example.com/a.pdf', filename: 'a.pdf' } }],
  ['location', { ...envelope, type: 'location', location: { latitude: '12.9716', longitude: '77.5946', name: 'HQ' } }],
  [
    'interactive',
    {
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Choose' },
        body: { text: 'Pick one' },
        action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
      },
    },
  ],
];

/** A valid template send. */
export const validTemplateBody = {
  ...envelope,
  templateName: 'marketing_sample_2',
  language: 'en',
  variables: { name: 'Ada' },
};

/** A fetch answer read once, as text and (when it parses) JSON. */
export interface SandboxReply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Overrides for {@link send}; `rawBody` sends bytes the JSON encoder could never produce. */
export interface PostOptions {
  headers?: Record<string, string>;
  method?: string;
  rawBody?: string | Uint8Array<ArrayBuffer>;
  signal?: AbortSignal;
}

/** The headers of a well-formed API call. */
export function authHeaders(sandbox: ZixflowSandbox): Record<string, string> {
  return { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' };
}

/** Calls the sandbox with fetch, by default as a well-formed authorised JSON POST. */
export async function send(
  sandbox: ZixflowSandbox,
  path: string,
  body: unknown,
  options: PostOptions = {},
): Promise<SandboxReply> {
  const method = options.method ?? 'POST';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: options.headers ?? authHeaders(sandbox),
    body: hasBody ? (options.rawBody ?? JSON.stringify(body)) : undefined,
    signal: options.signal,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseOrUndefined(text) };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** node:http request that resolves with the response or rejects with the socket error, for cases fetch hides. */
export function rawPost(
  sandbox: ZixflowSandbox,
  body: string,
  agent?: Agent,
): Promise<{ status: number; headers: IncomingHttpHeaders; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${sandbox.url}${SESSION_PATH}`,
      { method: 'POST', headers: authHeaders(sandbox), agent },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, reusedSocket: req.reusedSocket }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Resolves with the error of a plain TCP connect, or undefined when it connects. */
export function connectionError(host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error));
  });
}

/** Node's pending timers, to prove the sandbox leaves none behind. */
export function activeTimerCount(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

/** How long an action took, in milliseconds. */
export async function elapsedMs(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}
