import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { ConsoleLogger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import {
  ZixflowApiError,
  ZixflowAuthError,
  ZixflowBadRequestError,
  ZixflowError,
  ZixflowModule,
  ZixflowModuleOptions,
  ZixflowNetworkError,
  ZixflowRateLimitError,
  ZixflowServerError,
  ZixflowTimeoutError,
  ZixflowWhatsappService,
  ZIXFLOW_SESSION_MESSAGE_PATH,
} from '../src/zixflow';
import { SandboxScriptedResponse, ZixflowSandbox } from '../src/zixflow/testing';

const API_KEY = 'zx-live-7f3a9c1e5b2d8f4a6c0e';
const VIDEO = { to: '+1 302 389 5111', phoneId: '104898309288724', video: { link: 'https://cdn.example.com/v.mp4' } };

async function startService(options: Partial<ZixflowModuleOptions> & { baseUrl: string }): Promise<{
  moduleRef: TestingModule;
  whatsapp: ZixflowWhatsappService;
}> {
  const moduleRef = await Test.createTestingModule({
    // One attempt per send: this suite checks how each answer is mapped; retries are covered in reliability.e2e-spec.ts.
    imports: [ZixflowModule.forRoot({ apiKey: API_KEY, retry: false, ...options })],
  })
    // Every send in this file fails on purpose, and the client logs each failure as an ERROR: not in the output.
    .setLogger(new ConsoleLogger({ logLevels: [] }))
    .compile();
  await moduleRef.init();
  return { moduleRef, whatsapp: moduleRef.get(ZixflowWhatsappService) };
}

async function caught(promise: Promise<unknown>): Promise<ZixflowError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the send to reject');
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ZixflowError);
  return error as ZixflowError;
}

/** Every way an error can end up in a log or an HTTP answer. */
function representations(error: ZixflowError): string[] {
  return [
    String(error),
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ];
}

/** A port on 127.0.0.1 with nothing listening, for connection-refused cases. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('send failures reject with typed errors', () => {
  let sandbox: ZixflowSandbox;
  let moduleRef: TestingModule;
  let whatsapp: ZixflowWhatsappService;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ apiKey: API_KEY });
    ({ moduleRef, whatsapp } = await startService({ baseUrl: sandbox.url, timeoutMs: 400 }));
    // One send first, so the 400 ms time-out below never meets the first request's cold start on a busy machine.
    await whatsapp.sendVideo(VIDEO);
    sandbox.clear();
  });

  afterEach(() => sandbox.clear());

  afterAll(async () => {
    await moduleRef.close();
    await sandbox.stop();
  });

  interface AnswerCase {
    name: string;
    answer: SandboxScriptedResponse;
    errorClass: new (...args: never[]) => ZixflowApiError;
    status: number;
    zixflowMessage: string | undefined;
    retryable: boolean;
  }

  const ANSWERS: AnswerCase[] = [
    {
      name: 'HTTP 400 Invalid data Provided',
      answer: { status: 400, body: { status: false, message: 'Invalid data Provided' } },
      errorClass: ZixflowBadRequestError,
      status: 400,
      zixflowMessage: 'Invalid data Provided',
      retryable: false,
    },
    {
      name: 'HTTP 200 with status false',
      answer: { status: 200, body: { status: false, message: 'Invalid data Provided: to' } },
      errorClass: ZixflowBadRequestError,
      status: 200,
      zixflowMessage: 'Invalid data Provided: to',
      retryable: false,
    },
    {
      name: 'HTTP 200 Unauthorised',
      answer: { status: 200, body: { status: false, message: 'Unauthorised' } },
      errorClass: ZixflowAuthError,
      status: 200,
      zixflowMessage: 'Unauthorised',
      retryable: false,
    },
    {
      name: 'HTTP 429 without Retry-After',
      answer: { status: 429, body: { status: false, message: 'Too many requests' } },
      errorClass: ZixflowRateLimitError,
      status: 429,
      zixflowMessage: 'Too many requests',
      retryable: true,
    },
    {
      name: 'HTTP 500',
      answer: { status: 500, body: { status: false, message: 'Internal error' } },
      errorClass: ZixflowServerError,
      status: 500,
      zixflowMessage: 'Internal error',
      retryable: false,
    },
    {
      name: 'HTTP 503',
      answer: { status: 503, body: { status: false, message: 'Maintenance' } },
      errorClass: ZixflowServerError,
      status: 503,
      zixflowMessage: 'Maintenance',
      retryable: true,
    },
    {
      name: 'HTTP 502 HTML page from a proxy',
      answer: { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' },
      errorClass: ZixflowServerError,
      status: 502,
      zixflowMessage: 'non-JSON response (text/html)',
      retryable: false,
    },
    {
      name: 'HTTP 404',
      answer: { status: 404, body: { status: false, message: 'Not found' } },
      errorClass: ZixflowApiError,
      status: 404,
      zixflowMessage: 'Not found',
      retryable: false,
    },
    {
      name: 'HTTP 200 with malformed JSON',
      answer: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"status": tru' },
      errorClass: ZixflowApiError,
      status: 200,
      zixflowMessage: 'the response is not a Zixflow success ({ "status": true } or { "success": true })',
      retryable: false,
    },
  ];

  it.each(ANSWERS)('$name → $errorClass.name', async ({ answer, errorClass, status, zixflowMessage, retryable }) => {
    sandbox.respondNext(answer);

    const error = await caught(whatsapp.sendVideo(VIDEO));

    expect(error.constructor).toBe(errorClass);
    expect(error).toMatchObject({ status, zixflowMessage, retryable, endpoint: ZIXFLOW_SESSION_MESSAGE_PATH });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('reads Retry-After seconds into retryAfterMs', async () => {
    sandbox.respondNext({
      status: 429,
      headers: { 'retry-after': '7' },
      body: { status: false, message: 'Slow down' },
    });

    const error = await caught(whatsapp.sendVideo(VIDEO));

    expect(error).toBeInstanceOf(ZixflowRateLimitError);
    expect((error as ZixflowRateLimitError).retryAfterMs).toBe(7000);
  });

  it('reads a Retry-After HTTP date into retryAfterMs', async () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    sandbox.respondNext({
      status: 429,
      headers: { 'retry-after': inTenSeconds },
      body: { status: false, message: 'Slow down' },
    });

    const error = (await caught(whatsapp.sendVideo(VIDEO))) as ZixflowRateLimitError;

    expect(error.retryAfterMs).toBeGreaterThan(8000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it('a stalled answer becomes ZixflowTimeoutError, not retryable', async () => {
    sandbox.respondNext({ stall: true });

    const error = await caught(whatsapp.sendVideo(VIDEO));

    expect(error).toBeInstanceOf(ZixflowTimeoutError);
    expect(error).toMatchObject({ retryable: false, timeoutMs: 400, endpoint: ZIXFLOW_SESSION_MESSAGE_PATH });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('a connection dropped after the body was received is a ZixflowNetworkError that may have been sent', async () => {
    sandbox.respondNext({ drop: true });

    const error = await caught(whatsapp.sendVideo(VIDEO));

    expect(error).toBeInstanceOf(ZixflowNetworkError);
    expect(error).toMatchObject({ retryable: false, requestSent: true });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('the API key is in no representation of any error', async () => {
    sandbox.respondNext(
      {
        status: 401,
        body: {
          status: false,
          message: `Unauthorised: Bearer ${API_KEY}`,
          echo: { authorization: `Bearer ${API_KEY}` },
        },
      },
      { status: 500, body: `upstream said ${API_KEY}` },
      { drop: true },
      { stall: true },
    );
    const errors = [
      await caught(whatsapp.sendVideo(VIDEO)),
      await caught(whatsapp.sendVideo(VIDEO)),
      await caught(whatsapp.sendVideo(VIDEO)),
      await caught(whatsapp.sendVideo(VIDEO)),
    ];

    expect(errors.map((error) => error.constructor)).toEqual([
      ZixflowAuthError,
      ZixflowServerError,
      ZixflowNetworkError,
      ZixflowTimeoutError,
    ]);
    for (const text of errors.flatMap(representations)) {
      expect(text).not.toContain(API_KEY);
    }
    expect(JSON.stringify(errors[0])).toContain('[REDACTED]');
  });
});

describe('wrong key and unreachable host', () => {
  it('a key the sandbox does not know → ZixflowAuthError 401 with Zixflow’s message', async () => {
    const sandbox = await ZixflowSandbox.start({ apiKey: 'the-right-key' });
    const { moduleRef, whatsapp } = await startService({ baseUrl: sandbox.url });
    try {
      const error = await caught(whatsapp.sendVideo(VIDEO));

      expect(error).toBeInstanceOf(ZixflowAuthError);
      expect(error).toMatchObject({ status: 401, zixflowMessage: 'Unauthorised', retryable: false });
      expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(representations(error).some((text) => text.includes(API_KEY))).toBe(false);
    } finally {
      await moduleRef.close();
      await sandbox.stop();
    }
  });

  it('connection refused → ZixflowNetworkError, retryable because nothing was sent', async () => {
    const port = await closedPort();
    const { moduleRef, whatsapp } = await startService({ baseUrl: `http://127.0.0.1:${port}` });
    try {
      const error = await caught(whatsapp.sendVideo(VIDEO));

      expect(error).toBeInstanceOf(ZixflowNetworkError);
      expect(error).toMatchObject({ code: 'ECONNREFUSED', retryable: true, requestSent: false });
      expect(representations(error).some((text) => text.includes(API_KEY))).toBe(false);
    } finally {
      await moduleRef.close();
    }
  });
});
