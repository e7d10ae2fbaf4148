import { request as httpRequest } from 'node:http';

/** The answer to one outbound sandbox POST. */
export interface LoopbackAnswer {
  status: number;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: unknown;
}

/** Where a loopback URL really connects: the host is pinned here, never looked up in DNS. */
interface LoopbackTarget {
  host: '127.0.0.1' | '::1';
  port: number;
  path: string;
}

/** Host names the sandbox will call, and the address each stands for. */
const LOOPBACK_HOSTS: ReadonlyMap<string, LoopbackTarget['host']> = new Map([
  ['127.0.0.1', '127.0.0.1'],
  ['localhost', '127.0.0.1'],
  ['[::1]', '::1'],
]);

/**
 * The sandbox only ever calls the machine it runs on, so it can never be turned into a tool that
 * sends requests elsewhere. Returns why a URL is refused, or undefined when it is a plain
 * `http://` URL on 127.0.0.1, localhost or [::1] without credentials.
 */
export function loopbackUrlProblem(url: string): string | undefined {
  return typeof url === 'string' && URL.canParse(url) ? targetProblem(new URL(url)) : 'must be an absolute http:// URL';
}

function targetProblem(url: URL): string | undefined {
  if (url.protocol !== 'http:') return 'must use http://';
  if (url.username !== '' || url.password !== '') return 'must not contain credentials';
  if (!LOOPBACK_HOSTS.has(url.hostname))
    return 'must point at 127.0.0.1, localhost or [::1]; the sandbox never calls other hosts';
  return undefined;
}

/** How {@link postJsonToLoopback} posts. */
export interface LoopbackPostOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The body is JSON text already (e.g. with a number JavaScript cannot hold exactly); posted as is. */
  rawJson?: boolean;
}

/**
 * POSTs JSON to a loopback URL with a fresh connection (no keep-alive socket outlives the call, so
 * Jest exits cleanly) and no redirects. Rejects when the URL is not loopback, on time-out, or when
 * `signal` aborts.
 */
export function postJsonToLoopback(url: string, body: unknown, options: LoopbackPostOptions): Promise<LoopbackAnswer> {
  const problem = loopbackUrlProblem(url);
  if (problem !== undefined) {
    return Promise.reject(new RangeError(`ZixflowSandbox: ${JSON.stringify(url)} ${problem}`));
  }
  const target = toTarget(new URL(url));
  const payload = options.rawJson === true ? String(body) : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.host,
        port: target.port,
        path: target.path,
        method: 'POST',
        agent: false,
        signal: options.signal,
        timeout: options.timeoutMs,
        headers: {
          ...options.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: parseAnswer(Buffer.concat(chunks).toString('utf8')) }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`ZixflowSandbox: no answer from ${url} within ${options.timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function toTarget(url: URL): LoopbackTarget {
  return {
    host: LOOPBACK_HOSTS.get(url.hostname) ?? '127.0.0.1',
    port: url.port === '' ? 80 : Number(url.port),
    path: `${url.pathname}${url.search}`,
  };
}

function parseAnswer(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
