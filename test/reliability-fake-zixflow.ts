import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One request the fake server received. */
export interface FakeZixflowRequest {
  method: string;
  /** Path and query string, as sent. */
  url: string;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
}

/** What the fake server answers: a status and the raw body text (sent as JSON). */
export interface FakeZixflowAnswer {
  status: number;
  body: string;
}

/** A plain `node:http` server on 127.0.0.1 standing in for Zixflow, for answers the sandbox cannot script. */
export interface FakeZixflow {
  /** `http://127.0.0.1:<port>`, to use as `baseUrl`. */
  url: string;
  /** Every request received so far, in arrival order. */
  requests: FakeZixflowRequest[];
  close: () => Promise<void>;
}

/** `{"a":{"a":…1…}}` nested `levels` deep, as text: JSON.parse reads it, recursive walks overflow on it. */
export function deeplyNestedJson(levels: number, key = 'a'): string {
  return `{"${key}":`.repeat(levels) + '1' + '}'.repeat(levels);
}

/** The same nesting as a value, built without recursion. */
export function deeplyNestedValue(levels: number, key = 'a'): Record<string, unknown> {
  let value: Record<string, unknown> = { [key]: 1 };
  for (let level = 1; level < levels; level += 1) {
    value = { [key]: value };
  }
  return value;
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve(text === '' ? undefined : (JSON.parse(text) as unknown));
    });
  });
}

/**
 * Starts the fake server; `answer` decides each reply from the request, or returns `'stall'` to
 * never answer (until `close()`), for time-outs.
 */
export async function startFakeZixflow(
  answer: (request: FakeZixflowRequest) => FakeZixflowAnswer | 'stall',
): Promise<FakeZixflow> {
  const requests: FakeZixflowRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readBody(req).then((body) => {
      const request = { method: req.method ?? '', url: req.url ?? '', body };
      requests.push(request);
      const reply = answer(request);
      if (reply === 'stall') {
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Zixflow's success envelope, as text. */
export const SUCCESS = JSON.stringify({ status: true, message: 'Message sent successfully' });
