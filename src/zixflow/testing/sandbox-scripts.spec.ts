import { ZixflowSandbox } from './zixflow-sandbox';
import { elapsedMs, send, TEMPLATE_PATH, validTemplateBody } from './sandbox-http.spec-helper';

describe('ZixflowSandbox', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  beforeEach(() => sandbox.clear());

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
});
