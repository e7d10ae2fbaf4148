import {
  ZixflowApiError,
  ZixflowAuthError,
  ZixflowBadRequestError,
  ZixflowError,
  ZixflowModuleOptions,
  ZixflowNetworkError,
  ZixflowRateLimitError,
  ZixflowRetryEvent,
  ZixflowServerError,
  ZixflowTimeoutError,
} from '../src/zixflow';
import { SandboxScriptedResponse, ZixflowSandbox } from '../src/zixflow/testing';
import {
  API_KEY,
  FAST_RETRY,
  VIDEO,
  caught,
  closedPort,
  pause,
  startRawServer,
  startWhatsapp,
  WhatsappUnderTest,
} from './reliability.helpers';

// Real sockets and real back-off waits; a loaded CI machine needs more than Jest's default 5 s.
jest.setTimeout(20_000);

const OK: SandboxScriptedResponse = { status: 200, body: { status: true, message: 'Message sent successfully' } };
const BUSY: SandboxScriptedResponse = { status: 503, body: { status: false, message: 'Service unavailable' } };
const HTML_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>';

type ErrorClass = new (...args: never[]) => ZixflowError;

interface FaultCase {
  name: string;
  /** What the sandbox answers, request after request (normal behaviour after the script). */
  script: SandboxScriptedResponse[];
  /** Retry options on top of the fast back-off. */
  retry?: ZixflowModuleOptions['retry'];
  /** Requests the sandbox must have received. */
  requests: number;
  /** The error class, or undefined when the send must succeed. */
  fails?: ErrorClass;
  /** Fields the error must carry. */
  error?: Record<string, unknown>;
  /** Error classes the onRetry hook must have seen, in order. */
  retriedAfter: ErrorClass[];
}

/**
 * The fault table: every scripted misbehaviour of the API, what the caller gets, and how many
 * requests reached Zixflow. Retries use millisecond back-offs so the table runs in well under a second.
 */
const FAULTS: FaultCase[] = [
  {
    name: '503 twice, then success → success after 3 requests',
    script: [BUSY, BUSY],
    requests: 3,
    retriedAfter: [ZixflowServerError, ZixflowServerError],
  },
  {
    name: '429 without Retry-After, then success → success after full-jitter back-off',
    script: [{ status: 429, body: { status: false, message: 'Too many requests' } }],
    requests: 2,
    retriedAfter: [ZixflowRateLimitError],
  },
  {
    name: '503 forever → ZixflowServerError after retries + 1 = 4 attempts',
    script: [BUSY, BUSY, BUSY, BUSY, BUSY],
    requests: 4,
    fails: ZixflowServerError,
    error: { status: 503, attempts: 4, retryable: true },
    retriedAfter: [ZixflowServerError, ZixflowServerError, ZixflowServerError],
  },
  {
    name: '503 forever with retries: 1 → 2 attempts',
    script: [BUSY, BUSY, BUSY],
    retry: { retries: 1 },
    requests: 2,
    fails: ZixflowServerError,
    error: { attempts: 2 },
    retriedAfter: [ZixflowServerError],
  },
  {
    name: '500 → ZixflowServerError, no retry (the message may have been processed)',
    script: [{ status: 500, body: { status: false, message: 'Internal error' } }],
    requests: 1,
    fails: ZixflowServerError,
    error: { status: 500, attempts: 1, retryable: false },
    retriedAfter: [],
  },
  {
    name: '400 → ZixflowBadRequestError, no retry',
    script: [{ status: 400, body: { status: false, message: 'Invalid data Provided' } }],
    requests: 1,
    fails: ZixflowBadRequestError,
    error: { status: 400, attempts: 1 },
    retriedAfter: [],
  },
  {
    name: '401 → ZixflowAuthError, no retry',
    script: [{ status: 401, body: { status: false, message: 'Unauthorised' } }],
    requests: 1,
    fails: ZixflowAuthError,
    error: { status: 401, attempts: 1 },
    retriedAfter: [],
  },
  {
    name: 'retry: false → 503 is not retried',
    script: [BUSY],
    retry: false,
    requests: 1,
    fails: ZixflowServerError,
    error: { status: 503, attempts: 1, retryable: true },
    retriedAfter: [],
  },
  {
    name: 'malformed JSON in a 200 → ZixflowApiError with the status, no retry',
    script: [{ status: 200, headers: { 'content-type': 'application/json' }, body: '{"status": tru' }],
    requests: 1,
    fails: ZixflowApiError,
    error: { status: 200, body: '{"status": tru' },
    retriedAfter: [],
  },
  {
    name: 'HTML 502 page from a proxy → ZixflowServerError with the status and the page, no retry',
    script: [{ status: 502, headers: { 'content-type': 'text/html' }, body: HTML_PAGE }],
    requests: 1,
    fails: ZixflowServerError,
    error: { status: 502, zixflowMessage: 'non-JSON response (text/html)', body: HTML_PAGE },
    retriedAfter: [],
  },
  {
    name: 'HTML 503 page from a proxy, then success → retried like any 503',
    script: [{ status: 503, headers: { 'content-type': 'text/html' }, body: '<h1>Service Unavailable</h1>' }],
    requests: 2,
    retriedAfter: [ZixflowServerError],
  },
  {
    name: 'malformed JSON in a 503 → retried, then the typed error with the status',
    script: [
      { status: 503, body: '{oops' },
      { status: 503, body: '{oops' },
    ],
    retry: { retries: 1 },
    requests: 2,
    fails: ZixflowServerError,
    error: { status: 503, body: '{oops', attempts: 2 },
    retriedAfter: [ZixflowServerError],
  },
  {
    name: 'Retry-After beyond maxRetryAfterMs → surfaced at once with retryAfterMs, not waited out',
    script: [{ status: 429, headers: { 'retry-after': '60' }, body: { status: false, message: 'Slow down' } }],
    retry: { maxRetryAfterMs: 5000 },
    requests: 1,
    fails: ZixflowRateLimitError,
    error: { retryAfterMs: 60_000, attempts: 1 },
    retriedAfter: [],
  },
  {
    name: 'Retry-After: 0 on a 503 → honoured as "retry now"',
    script: [{ ...BUSY, headers: { 'retry-after': '0' } }],
    requests: 2,
    retriedAfter: [ZixflowServerError],
  },
];

describe('reliability: retries against a misbehaving Zixflow', () => {
  let sandbox: ZixflowSandbox;
  let service: WhatsappUnderTest | undefined;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY });
  });

  afterEach(async () => {
    sandbox.clear();
    await service?.moduleRef.close();
    service = undefined;
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  /** Starts the service against the sandbox, recording every onRetry event. */
  async function start(
    options: Partial<ZixflowModuleOptions> = {},
    retry: ZixflowModuleOptions['retry'] = {},
  ): Promise<{
    send: () => Promise<unknown>;
    retries: ZixflowRetryEvent[];
  }> {
    const retries: ZixflowRetryEvent[] = [];
    const retryOptions =
      retry === false ? false : { ...FAST_RETRY, ...retry, onRetry: (event: ZixflowRetryEvent) => retries.push(event) };
    service = await startWhatsapp({ baseUrl: sandbox.url, timeoutMs: 2000, ...options, retry: retryOptions });
    const { whatsapp } = service;
    return { send: () => whatsapp.sendVideo(VIDEO), retries };
  }

  describe('fault table', () => {
    it.each(FAULTS)('$name', async ({ script, retry, requests, fails, error: fields, retriedAfter }) => {
      sandbox.respondNext(...script);
      const { send, retries } = await start({}, retry);

      if (fails === undefined) {
        await expect(send()).resolves.toEqual({ status: true, message: 'Message sent successfully' });
      } else {
        const error = await caught(send());
        expect(error.constructor).toBe(fails);
        expect(error).toMatchObject(fields ?? {});
        if (error.attempts > 1) {
          expect(error.message).toContain(`(after ${error.attempts} attempts)`);
        }
      }

      expect(sandbox.requests).toHaveLength(requests);
      expect(retries.map((event) => event.error.constructor)).toEqual(retriedAfter);
      expect(retries.map((event) => event.attempt)).toEqual(retriedAfter.map((_, index) => index + 1));
    });
  });

  it('429 with Retry-After: 1, then success → one success, two requests, at least 1 s apart', async () => {
    sandbox.respondNext({
      status: 429,
      headers: { 'retry-after': '1' },
      body: { status: false, message: 'Too many requests' },
    });
    const { send, retries } = await start();

    const startedAt = Date.now();
    await expect(send()).resolves.toEqual({ status: true, message: 'Message sent successfully' });

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(sandbox.requests).toHaveLength(2);
    const [first, second] = sandbox.requests;
    expect(second.receivedAt.getTime() - first.receivedAt.getTime()).toBeGreaterThanOrEqual(1000);
    expect(retries).toEqual([
      {
        attempt: 1,
        delayMs: 1000,
        error: expect.any(ZixflowRateLimitError) as unknown,
        endpoint: '/api/v1/campaign/whatsapp/message/send',
      },
    ]);
    expect(sandbox.messages).toHaveLength(1);
  });

  it('full-jitter back-off: every delay lies within [0, min(maxDelayMs, minDelayMs * 2^(attempt-1))]', async () => {
    sandbox.respondAlways(BUSY);
    const { send, retries } = await start({}, { retries: 5, minDelayMs: 4, maxDelayMs: 20 });

    const error = await caught(send());

    expect(error.attempts).toBe(6);
    expect(retries.map((event) => event.attempt)).toEqual([1, 2, 3, 4, 5]);
    const ceilings = [4, 8, 16, 20, 20];
    retries.forEach((event, index) => {
      expect(event.delayMs).toBeGreaterThanOrEqual(0);
      expect(event.delayMs).toBeLessThanOrEqual(ceilings[index]);
    });
  });

  it('an onRetry hook that throws is ignored (logged), and the send still succeeds', async () => {
    sandbox.respondNext(BUSY, OK);
    service = await startWhatsapp({
      baseUrl: sandbox.url,
      retry: {
        ...FAST_RETRY,
        onRetry: () => {
          throw new Error('metrics backend down');
        },
      },
    });

    await expect(service.whatsapp.sendVideo(VIDEO)).resolves.toMatchObject({ status: true });

    expect(sandbox.requests).toHaveLength(2);
    expect(service.logger.at('warn', /onRetry threw and was ignored: metrics backend down/)).toHaveLength(1);
  });

  describe('time-outs and lost connections', () => {
    it('server accepts, then stalls → ZixflowTimeoutError, requestSent, and no second request', async () => {
      sandbox.respondNext({ stall: true });
      const { send, retries } = await start({ timeoutMs: 300 });

      const error = await caught(send());

      expect(error).toBeInstanceOf(ZixflowTimeoutError);
      expect(error).toMatchObject({ retryable: false, requestSent: true, timeoutMs: 300, attempts: 1 });
      await pause(100);
      expect(sandbox.requests).toHaveLength(1);
      expect(retries).toEqual([]);
    });

    it('server stalls with retryOnTimeout: true → a second request (may send twice), which succeeds', async () => {
      sandbox.respondNext({ stall: true });
      const { send, retries } = await start({ timeoutMs: 300 }, { retryOnTimeout: true });

      await expect(send()).resolves.toMatchObject({ status: true });

      expect(sandbox.requests).toHaveLength(2);
      expect(sandbox.requests[1].body).toEqual(sandbox.requests[0].body);
      expect(retries.map((event) => event.error.constructor)).toEqual([ZixflowTimeoutError]);
    });

    it('connection dropped after the body was received → ZixflowNetworkError, requestSent, no second request', async () => {
      sandbox.respondNext({ drop: true });
      const { send, retries } = await start();

      const error = await caught(send());

      expect(error).toBeInstanceOf(ZixflowNetworkError);
      expect(error).toMatchObject({ retryable: false, requestSent: true, attempts: 1 });
      await pause(100);
      expect(sandbox.requests).toHaveLength(1);
      expect(retries).toEqual([]);
    });

    it('connection dropped after the body was received, retryOnTimeout: true → a second request', async () => {
      sandbox.respondNext({ drop: true });
      const { send, retries } = await start({}, { retryOnTimeout: true });

      await expect(send()).resolves.toMatchObject({ status: true });

      expect(sandbox.requests).toHaveLength(2);
      expect(retries.map((event) => event.error.constructor)).toEqual([ZixflowNetworkError]);
      expect(sandbox.messages).toHaveLength(1);
    });

    it('connection dropped on every attempt with retryOnTimeout: true → gives up after retries + 1 requests', async () => {
      sandbox.respondAlways({ drop: true });
      const { send } = await start({}, { retryOnTimeout: true, retries: 2 });

      const error = await caught(send());

      expect(error).toBeInstanceOf(ZixflowNetworkError);
      expect(error).toMatchObject({ requestSent: true, attempts: 3 });
      expect(sandbox.requests).toHaveLength(3);
    });
  });

  describe('connections that fail before the request is written', () => {
    it('connection refused (nothing listening) → retried, then ZixflowNetworkError with the attempt count', async () => {
      const port = await closedPort();
      const retries: ZixflowRetryEvent[] = [];
      service = await startWhatsapp({
        baseUrl: `http://127.0.0.1:${port}`,
        retry: { ...FAST_RETRY, onRetry: (event) => retries.push(event) },
      });

      const error = await caught(service.whatsapp.sendVideo(VIDEO));

      expect(error).toBeInstanceOf(ZixflowNetworkError);
      expect(error).toMatchObject({ code: 'ECONNREFUSED', requestSent: false, retryable: true, attempts: 4 });
      expect(error.message).toContain('(after 4 attempts)');
      expect(retries.map((event) => [event.attempt, event.error.constructor])).toEqual([
        [1, ZixflowNetworkError],
        [2, ZixflowNetworkError],
        [3, ZixflowNetworkError],
      ]);
    });

    // The TLS handshake must finish before the HTTP request can be written, so a server that
    // resets every connection on accept makes "reset before the request was written" certain,
    // not a race between the client's write and the server's reset.
    it('connection reset during the TLS handshake → requestSent false, retried, then ZixflowNetworkError', async () => {
      const server = await startRawServer((socket) => socket.resetAndDestroy());
      try {
        service = await startWhatsapp({
          baseUrl: `https://127.0.0.1:${server.port}`,
          retry: { ...FAST_RETRY, retries: 2 },
        });

        const error = await caught(service.whatsapp.sendVideo(VIDEO));

        expect(error).toBeInstanceOf(ZixflowNetworkError);
        expect(error).toMatchObject({ code: 'ECONNRESET', requestSent: false, retryable: true, attempts: 3 });
        expect(server.connections()).toBe(3);
      } finally {
        await server.close();
      }
    });

    it('connection reset after the whole request was read → requestSent true, not retried', async () => {
      const server = await startRawServer((socket) => {
        let received = '';
        socket.on('data', (chunk: Buffer) => {
          received += chunk.toString('utf8');
          if (received.includes('"video"') && received.trimEnd().endsWith('}')) {
            socket.resetAndDestroy();
          }
        });
      });
      try {
        service = await startWhatsapp({ baseUrl: `http://127.0.0.1:${server.port}`, retry: FAST_RETRY });

        const error = await caught(service.whatsapp.sendVideo(VIDEO));

        expect(error).toBeInstanceOf(ZixflowNetworkError);
        expect(error).toMatchObject({ code: 'ECONNRESET', requestSent: true, retryable: false, attempts: 1 });
        await pause(50);
        expect(server.connections()).toBe(1);
      } finally {
        await server.close();
      }
    });

    it('TLS handshake that never completes → ZixflowTimeoutError with requestSent false (nothing left the process)', async () => {
      const server = await startRawServer(() => undefined);
      try {
        service = await startWhatsapp({
          baseUrl: `https://127.0.0.1:${server.port}`,
          timeoutMs: 200,
          retry: FAST_RETRY,
        });

        const error = await caught(service.whatsapp.sendVideo(VIDEO));

        expect(error).toBeInstanceOf(ZixflowTimeoutError);
        expect(error).toMatchObject({ requestSent: false, retryable: false, attempts: 1 });
        expect(error.message).toContain('before the request was sent');
      } finally {
        await server.close();
      }
    });
  });
});
