import { Agent, request } from 'node:http';

/** What one load run measured from the client's side. */
export interface LoadResult {
  requests: number;
  elapsedMs: number;
  /** Deliveries per second over the run. */
  throughput: number;
  /** Time from writing each request to reading its whole answer, in ms. */
  latenciesMs: number[];
}

/** A keep-alive client posting JSON to one URL, as Zixflow posts webhooks to an app. */
export interface JsonPoster {
  /** Posts `body`; resolves with the status and the answer text once it has been read. */
  post: (body: string) => Promise<{ status: number; text: string }>;
  close: () => void;
}

/** A poster with its own keep-alive agent holding up to `sockets` connections. */
export function jsonPoster(url: string, headers: Record<string, string>, sockets: number): JsonPoster {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port, pathname, search } = new URL(url);
  const path = `${pathname}${search}`;
  return {
    post: (body) =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            agent,
            hostname,
            port,
            path,
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

/**
 * Posts `total` bodies (`bodyOf(i)`, built when sent) with `concurrency` in flight, and checks
 * that every answer is `expected`. Rejects on the first other answer.
 */
export async function runLoad(
  poster: JsonPoster,
  bodyOf: (index: number) => string,
  total: number,
  concurrency: number,
  expected: string,
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  const caller = async (): Promise<void> => {
    while (next < total) {
      const index = next;
      next += 1;
      const body = bodyOf(index);
      const startedAt = performance.now();
      const answer = await poster.post(body);
      latenciesMs.push(performance.now() - startedAt);
      if (answer.status !== 200 || answer.text !== expected) {
        throw new Error(`unexpected answer ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsedMs = performance.now() - startedAt;
  return { requests: total, elapsedMs, throughput: (total / elapsedMs) * 1000, latenciesMs };
}
