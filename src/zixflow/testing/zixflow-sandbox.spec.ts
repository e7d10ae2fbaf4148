import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { ZixflowSandbox } from './zixflow-sandbox';

const SESSION_PATH = '/api/v1/campaign/whatsapp/message/send';
const TEMPLATE_PATH = '/api/v1/campaign/whatsapp/send';
const OBJECT_ID = /^[0-9a-f]{24}$/;

const envelope = { to: '919876543210', phoneId: '104898309288724' };

const validSessionBodies: Array<[string, Record<string, unknown>]> = [
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

const validTemplateBody = {
  ...envelope,
  templateName: 'marketing_sample_2',
  language: 'en',
  variables: { name: 'Ada' },
};

interface SandboxReply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

interface PostOptions {
  headers?: Record<string, string>;
  method?: string;
  rawBody?: string | Uint8Array<ArrayBuffer>;
  signal?: AbortSignal;
}

function authHeaders(sandbox: ZixflowSandbox): Record<string, string> {
  return { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' };
}

async function send(
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
function rawPost(
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

function connectionError(host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error));
  });
}

function activeTimerCount(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

async function elapsedMs(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

describe('ZixflowSandbox', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  beforeEach(() => sandbox.clear());

  describe('start', () => {
    it('listens on a free port on 127.0.0.1 with the default key', () => {
      expect(sandbox.port).toBeGreaterThan(0);
      expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
      expect(sandbox.apiKey).toBe('sandbox-api-key');
    });

    it('is not reachable on the IPv6 loopback, because it binds to 127.0.0.1 only', async () => {
      await expect(connectionError('::1', sandbox.port)).resolves.toMatchObject({ code: expect.any(String) });
    });

    it('uses a custom API key and rejects the default one', async () => {
      const custom = await ZixflowSandbox.start({ apiKey: 'k-123' });
      try {
        expect(custom.apiKey).toBe('k-123');
        const wrong = await send(custom, SESSION_PATH, validSessionBodies[0][1], {
          headers: { authorization: 'Bearer sandbox-api-key', 'content-type': 'application/json' },
        });
        const right = await send(custom, SESSION_PATH, validSessionBodies[0][1]);
        expect([wrong.status, right.status]).toEqual([401, 200]);
      } finally {
        await custom.stop();
      }
    });

    it('rejects an invalid port before binding', async () => {
      await expect(ZixflowSandbox.start({ port: 70000 })).rejects.toThrow('ZixflowSandbox: invalid port 70000');
    });
  });

  describe('routing and auth', () => {
    it('answers 404 on an unknown path, trailing slash included', async () => {
      const unknown = await send(sandbox, '/api/v1/campaign/sms/send', validTemplateBody);
      const slashed = await send(sandbox, `${TEMPLATE_PATH}/`, validTemplateBody);
      for (const reply of [unknown, slashed]) {
        expect(reply.status).toBe(404);
        expect(reply.json).toEqual({ status: false, message: 'Not found' });
        expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
      }
    });

    it.each(['GET', 'PUT', 'DELETE'])('answers 405 to %s on a send path', async (method) => {
      const reply = await send(sandbox, SESSION_PATH, validSessionBodies[0][1], { method });
      expect(reply.status).toBe(405);
      expect(reply.json).toEqual({ status: false, message: 'Method not allowed' });
      expect(reply.headers.get('allow')).toBe('POST');
    });

    it.each<[string, Record<string, string>]>([
      ['no authorization header', { 'content-type': 'application/json' }],
      ['a wrong key', { authorization: 'Bearer nope', 'content-type': 'application/json' }],
      ['a lower-case scheme', { authorization: 'bearer sandbox-api-key', 'content-type': 'application/json' }],
      ['a bare key', { authorization: 'sandbox-api-key', 'content-type': 'application/json' }],
    ])('answers 401 with %s, before looking at the body', async (_case, headers) => {
      const reply = await send(sandbox, SESSION_PATH, { nonsense: true }, { headers });
      expect(reply.status).toBe(401);
      expect(reply.json).toEqual({ status: false, message: 'Unauthorised' });
      expect(sandbox.requests).toHaveLength(1);
      expect(sandbox.messages).toHaveLength(0);
    });
  });

  describe('content checks', () => {
    it.each<[string, PostOptions['rawBody'], string, string]>([
      ['a text/plain content type', '{}', 'text/plain', 'content-type: must be application/json (got "text/plain")'],
      [
        'a latin1 charset',
        '{}',
        'application/json; charset=latin1',
        'content-type: must be application/json (got "application/json; charset=latin1")',
      ],
      ['malformed JSON', '{"to":', 'application/json', 'body: must be valid JSON'],
      ['an empty body', '', 'application/json', 'body: must be valid JSON'],
      ['a JSON array', '[]', 'application/json', 'body: must be a JSON object'],
      ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'application/json', 'body: must be valid UTF-8'],
    ])('answers 400 for %s', async (_case, rawBody, contentType, problem) => {
      const headers = { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': contentType };
      const reply = await send(sandbox, SESSION_PATH, undefined, { headers, rawBody });
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual({ status: false, message: 'Invalid data Provided', details: [problem] });
    });

    it('accepts application/json with charset=utf-8', async () => {
      const headers = { ...authHeaders(sandbox), 'content-type': 'application/json; charset=UTF-8' };
      const reply = await send(sandbox, TEMPLATE_PATH, validTemplateBody, { headers });
      expect(reply.status).toBe(200);
    });

    it('answers 413 to a body over 1 MB and does not accept it', async () => {
      const rawBody = JSON.stringify({ ...validTemplateBody, variables: { big: 'x'.repeat(1024 * 1024) } });
      const reply = await send(sandbox, TEMPLATE_PATH, undefined, { rawBody });
      expect(reply.status).toBe(413);
      expect(reply.json).toEqual({ status: false, message: 'Payload too large' });
      expect(sandbox.messages).toHaveLength(0);
      expect(sandbox.lastRequest?.rawBody).toBe('');
    });

    it.each<[string, string, Record<string, unknown>, string]>([
      [
        'a + in to',
        SESSION_PATH,
        { ...validSessionBodies[0][1], to: '+919876543210' },
        `to: must be 7-15 digits in international format, without '+' or a leading 0 (got "+919876543210")`,
      ],
      [
        'numeric coordinates',
        SESSION_PATH,
        { ...envelope, type: 'location', location: { latitude: 1, longitude: '2' } },
        'location.latitude: must be a string (got number)',
      ],
      [
        'a null optional field',
        SESSION_PATH,
        { ...validSessionBodies[0][1], reportURL: null },
        'reportURL: must be a string (got null)',
      ],
      ['a session body on the template path', TEMPLATE_PATH, validSessionBodies[0][1], 'type: unknown field'],
      [
        'a template without variables',
        TEMPLATE_PATH,
        { ...validTemplateBody, variables: undefined },
        'variables: is required (send {} when the template has none)',
      ],
    ])('answers 400 with details for %s', async (_case, path, body, problem) => {
      const reply = await send(sandbox, path, body);
      expect(reply.status).toBe(400);
      expect(reply.json).toMatchObject({ status: false, message: 'Invalid data Provided' });
      expect((reply.json as { details: string[] }).details).toContain(problem);
      expect(sandbox.messages).toHaveLength(0);
    });
  });

  describe('accepted sends', () => {
    it.each(validSessionBodies)('accepts a valid %s session message', async (_type, body) => {
      const reply = await send(sandbox, SESSION_PATH, body);
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual({ status: true, message: 'Message sent successfully' });
      expect(sandbox.messages).toHaveLength(1);
      expect(sandbox.messages[0]).toMatchObject({ path: SESSION_PATH, body });
    });

    it('accepts a valid template message', async () => {
      const reply = await send(sandbox, TEMPLATE_PATH, validTemplateBody);
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual({ status: true, message: 'Message sent successfully' });
      expect(sandbox.messages[0]).toMatchObject({ path: TEMPLATE_PATH, body: validTemplateBody });
    });

    it('returns fresh ObjectId-like ids only when submissionStatus is true', async () => {
      const first = await send(sandbox, TEMPLATE_PATH, { ...validTemplateBody, submissionStatus: true });
      const second = await send(sandbox, SESSION_PATH, { ...validSessionBodies[0][1], submissionStatus: true });
      const silent = await send(sandbox, TEMPLATE_PATH, { ...validTemplateBody, submissionStatus: false });

      const [a, b, c] = sandbox.messages;
      expect(first.json).toEqual({
        status: true,
        message: 'Message sent successfully',
        campaignId: a.campaignId,
        messageId: a.messageId,
      });
      expect(second.json).toEqual({
        status: true,
        message: 'Message sent successfully',
        campaignId: b.campaignId,
        messageId: b.messageId,
      });
      expect(silent.json).toEqual({ status: true, message: 'Message sent successfully' });
      for (const message of [a, b, c]) {
        expect(message.messageId).toMatch(OBJECT_ID);
        expect(message.campaignId).toMatch(OBJECT_ID);
      }
      expect(new Set([a.messageId, b.messageId, c.messageId]).size).toBe(3);
    });
  });

  describe('recording', () => {
    it('records method, pathname, query, lower-case headers and the parsed body', async () => {
      const rawBody = JSON.stringify(validTemplateBody);
      await fetch(`${sandbox.url}${TEMPLATE_PATH}?trace=1&trace=2`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${sandbox.apiKey}`,
          'Content-Type': 'application/json',
          'X-Request-Id': 'abc',
        },
        body: rawBody,
      });
      const recorded = sandbox.lastRequest;
      expect(recorded).toMatchObject({
        method: 'POST',
        path: TEMPLATE_PATH,
        query: { trace: '2' },
        body: validTemplateBody,
        rawBody,
      });
      expect(recorded?.headers).toMatchObject({
        authorization: 'Bearer sandbox-api-key',
        'content-type': 'application/json',
        'x-request-id': 'abc',
        'content-length': String(Buffer.byteLength(rawBody)),
      });
      expect(recorded?.receivedAt).toBeInstanceOf(Date);
    });

    it('records requests in order, rejected ones included, and leaves body undefined for non-JSON', async () => {
      await send(sandbox, '/nope', undefined, { rawBody: 'not json' });
      await send(sandbox, TEMPLATE_PATH, validTemplateBody);
      expect(sandbox.requests.map((r) => [r.path, r.body])).toEqual([
        ['/nope', undefined],
        [TEMPLATE_PATH, validTemplateBody],
      ]);
    });

    it('hands out snapshots that later traffic does not change', async () => {
      const before = sandbox.requests;
      await send(sandbox, TEMPLATE_PATH, validTemplateBody);
      expect(before).toHaveLength(0);
      expect(sandbox.requests).toHaveLength(1);
    });

    it('clear() forgets requests, messages and scripted responses', async () => {
      sandbox.respondNext({ status: 500 }).respondAlways({ status: 503 });
      await send(sandbox, TEMPLATE_PATH, validTemplateBody);
      expect(sandbox.requests).toHaveLength(1);

      sandbox.clear();
      expect(sandbox.requests).toHaveLength(0);
      expect(sandbox.lastRequest).toBeUndefined();
      const reply = await send(sandbox, TEMPLATE_PATH, validTemplateBody);
      expect(reply.status).toBe(200);
      expect(sandbox.messages).toHaveLength(1);
      sandbox.clear();
      expect(sandbox.messages).toHaveLength(0);
    });

    it('keeps connections alive between requests', async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const body = JSON.stringify(validSessionBodies[0][1]);
        const first = await rawPost(sandbox, body, agent);
        const second = await rawPost(sandbox, body, agent);
        expect([first.status, second.status]).toEqual([200, 200]);
        expect(second.reusedSocket).toBe(true);
      } finally {
        agent.destroy();
      }
    });
  });

  describe('scripted responses', () => {
    it('sends status, JSON body and headers, bypassing auth and body checks', async () => {
      sandbox.respondNext({
        status: 429,
        body: { status: false, message: 'Too many requests' },
        headers: { 'Retry-After': '7' },
      });
      const reply = await send(sandbox, '/anything', { junk: true }, { headers: {} });
      expect(reply.status).toBe(429);
      expect(reply.json).toEqual({ status: false, message: 'Too many requests' });
      expect(reply.headers.get('retry-after')).toBe('7');
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
      expect(sandbox.requests).toHaveLength(1);
      expect(sandbox.messages).toHaveLength(0);
    });

    it('sends a string body raw, e.g. an HTML error page', async () => {
      const html = '<html><body>502 Bad Gateway</body></html>';
      sandbox.respondNext({ status: 502, body: html, headers: { 'content-type': 'text/html' } });
      const reply = await send(sandbox, TEMPLATE_PATH, validTemplateBody);
      expect(reply.status).toBe(502);
      expect(reply.text).toBe(html);
      expect(reply.headers.get('content-type')).toBe('text/html');
    });

    it('sends malformed JSON as-is under a JSON content type', async () => {
      sandbox.respondNext({ body: '{"status":tru' });
      const reply = await send(sandbox, TEMPLATE_PATH, validTemplateBody);
      expect(reply.status).toBe(200);
      expect(reply.text).toBe('{"status":tru');
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    });

    it('consumes queued responses once each, in order, then falls back to normal behaviour', async () => {
      sandbox.respondNext({ status: 500, body: { n: 1 } }, { status: 503, body: { n: 2 } });
      const replies = [];
      for (let i = 0; i < 3; i += 1) replies.push(await send(sandbox, TEMPLATE_PATH, validTemplateBody));
      expect(replies.map((r) => [r.status, r.json])).toEqual([
        [500, { n: 1 }],
        [503, { n: 2 }],
        [200, { status: true, message: 'Message sent successfully' }],
      ]);
      expect(sandbox.messages).toHaveLength(1);
    });

    it('uses respondAlways when the queue is empty, and undefined turns it off', async () => {
      sandbox.respondAlways({ status: 503, body: { status: false, message: 'Down' } }).respondNext({ status: 500 });
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await send(sandbox, TEMPLATE_PATH, validTemplateBody)).status);
      sandbox.respondAlways(undefined);
      statuses.push((await send(sandbox, TEMPLATE_PATH, validTemplateBody)).status);
      expect(statuses).toEqual([500, 503, 503, 200]);
    });

    it('waits delayMs before answering', async () => {
      sandbox.respondNext({ status: 200, body: { status: true }, delayMs: 150 });
      const elapsed = await elapsedMs(() => send(sandbox, TEMPLATE_PATH, validTemplateBody));
      expect(elapsed).toBeGreaterThanOrEqual(140);
    });

    it('drops the connection after reading the body, so the client sees a socket error', async () => {
      sandbox.respondNext({ drop: true });
      const failure = send(sandbox, TEMPLATE_PATH, validTemplateBody);
      await expect(failure).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
      const cause = await failure.catch((error: unknown) =>
        typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined,
      );
      expect(cause).toMatchObject({ code: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/) });
      expect(sandbox.lastRequest?.body).toEqual(validTemplateBody);
    });

    it('stalls until the client gives up', async () => {
      sandbox.respondNext({ stall: true });
      const failure = send(sandbox, TEMPLATE_PATH, validTemplateBody, { signal: AbortSignal.timeout(200) });
      await expect(failure).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(sandbox.lastRequest?.body).toEqual(validTemplateBody);
    });

    it.each<[string, object, string]>([
      ['a status below 200', { status: 101 }, 'scripted status must be an integer 200-599 (got 101)'],
      ['a fractional status', { status: 200.5 }, 'scripted status must be an integer 200-599 (got 200.5)'],
      ['a negative delay', { delayMs: -1 }, 'scripted delayMs must be a non-negative number (got -1)'],
    ])('refuses to script %s', (_case, script, message) => {
      expect(() => sandbox.respondNext(script)).toThrow(message);
      expect(() => sandbox.respondAlways(script)).toThrow(message);
    });
  });

  describe('waitForRequests', () => {
    it('resolves immediately when enough requests are already recorded', async () => {
      await send(sandbox, TEMPLATE_PATH, validTemplateBody);
      await expect(sandbox.waitForRequests(1)).resolves.toHaveLength(1);
    });

    it('resolves once the requests arrive', async () => {
      const waiting = sandbox.waitForRequests(2, 2000);
      void send(sandbox, TEMPLATE_PATH, validTemplateBody);
      void send(sandbox, '/other', {});
      const requests = await waiting;
      expect(requests.map((r) => r.path).sort()).toEqual(['/other', TEMPLATE_PATH].sort());
    });

    it('rejects with a clear error on time-out', async () => {
      await send(sandbox, '/only-one', {});
      await expect(sandbox.waitForRequests(2, 50)).rejects.toThrow(
        'ZixflowSandbox: timed out after 50 ms waiting for 2 request(s); received 1 (POST /only-one)',
      );
    });
  });
});

describe('ZixflowSandbox.stop', () => {
  it('is idempotent and releases the port', async () => {
    const sandbox = await ZixflowSandbox.start();
    await send(sandbox, TEMPLATE_PATH, validTemplateBody);
    await Promise.all([sandbox.stop(), sandbox.stop()]);
    await sandbox.stop();
    await expect(connectionError('127.0.0.1', sandbox.port)).resolves.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('closes idle keep-alive connections at once', async () => {
    const sandbox = await ZixflowSandbox.start();
    const agent = new Agent({ keepAlive: true });
    try {
      await rawPost(sandbox, JSON.stringify(validTemplateBody), agent);
      expect(await elapsedMs(() => sandbox.stop())).toBeLessThan(1000);
    } finally {
      agent.destroy();
    }
  });

  it('resolves quickly after a client aborted a stalled request', async () => {
    const sandbox = await ZixflowSandbox.start();
    sandbox.respondAlways({ stall: true });
    await expect(
      send(sandbox, TEMPLATE_PATH, validTemplateBody, { signal: AbortSignal.timeout(100) }),
    ).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(await elapsedMs(() => sandbox.stop())).toBeLessThan(1000);
  });

  it.each<[string, object]>([
    ['stalled', { stall: true }],
    ['delayed', { delayMs: 60_000 }],
  ])('destroys a %s connection the client is still waiting on', async (_case, script) => {
    const sandbox = await ZixflowSandbox.start();
    sandbox.respondNext(script);
    const pending = rawPost(sandbox, JSON.stringify(validTemplateBody));
    const settled = pending.catch((error: NodeJS.ErrnoException) => error);
    await sandbox.waitForRequests(1);
    expect(await elapsedMs(() => sandbox.stop())).toBeLessThan(1000);
    await expect(settled).resolves.toMatchObject({ code: 'ECONNRESET' });
  });

  it('clears a pending delayMs timer, so no handle outlives the sandbox', async () => {
    const timersBefore = activeTimerCount();
    const sandbox = await ZixflowSandbox.start();
    sandbox.respondNext({ delayMs: 60_000 });
    const settled = rawPost(sandbox, JSON.stringify(validTemplateBody)).catch((error: NodeJS.ErrnoException) => error);
    await sandbox.waitForRequests(1);
    expect(activeTimerCount()).toBeGreaterThan(timersBefore);
    await sandbox.stop();
    await settled;
    expect(activeTimerCount()).toBeLessThanOrEqual(timersBefore);
  });

  it('rejects pending waitForRequests instead of leaving them hanging', async () => {
    const sandbox = await ZixflowSandbox.start();
    const waiting = sandbox.waitForRequests(1, 60_000);
    await sandbox.stop();
    await expect(waiting).rejects.toThrow('ZixflowSandbox: stopped while waiting for 1 request(s); received 0');
  });
});
