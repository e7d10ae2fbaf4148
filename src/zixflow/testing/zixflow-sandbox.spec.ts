import { ZixflowSandbox } from './zixflow-sandbox';
import {
  authHeaders,
  connectionError,
  envelope,
  OBJECT_ID,
  send,
  SESSION_PATH,
  TEMPLATE_PATH,
  validSessionBodies,
  validTemplateBody,
  type PostOptions,
} from './sandbox-http.spec-helper';

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
        'a template with variables as a list',
        TEMPLATE_PATH,
        { ...validTemplateBody, variables: ['Ada'] },
        'variables: must be an object (got array)',
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
});
