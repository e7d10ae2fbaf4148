import { Agent } from 'node:http';
import { ZixflowSandbox } from './zixflow-sandbox';
import { rawPost, send, TEMPLATE_PATH, validSessionBodies, validTemplateBody } from './sandbox-http.spec-helper';

describe('ZixflowSandbox', () => {
  let sandbox: ZixflowSandbox;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  beforeEach(() => sandbox.clear());

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
