import request from 'supertest';
import { SandboxWebhookResult, ZixflowSandbox } from '../src/zixflow/testing';
import {
  CUSTOMER,
  documentedPayload,
  INCOMING,
  REPORTS,
  SECRET,
  settle,
  startApp,
  WEBHOOK_ADAPTERS,
  WebhookApp,
} from './webhooks.helpers';

/** What every refused call gets, on either platform. */
const UNAUTHORIZED = { statusCode: 401, error: 'Unauthorized', message: 'Missing or wrong webhook secret' };

describe.each(WEBHOOK_ADAPTERS)('ZixflowWebhooksModule authentication on %s', (adapter) => {
  let sandbox: ZixflowSandbox;
  let hooks: WebhookApp;

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start();
    hooks = await startApp(adapter, sandbox);
  });

  afterEach(() => {
    sandbox.clear();
    hooks.handlers.clear();
    hooks.logger.lines.length = 0;
  });

  afterAll(async () => {
    await hooks.app.close();
    await sandbox.stop();
  });

  const incomingWithSecret = (secret: string): Promise<SandboxWebhookResult> =>
    sandbox.simulateIncoming({ to: `${hooks.url}${INCOMING}`, secret, from: CUSTOMER, text: 'Hi' });

  it.each([
    ['no secret', {}],
    ['a wrong secret of the same length', { 'x-zixflow-secret': SECRET.replace(/.$/, 'X') }],
    ['a shorter secret', { 'x-zixflow-secret': SECRET.slice(0, 10) }],
    ['a longer secret', { 'x-zixflow-secret': `${SECRET}0` }],
    ['an empty secret', { 'x-zixflow-secret': '' }],
    ['the secret in another header', { authorization: `Bearer ${SECRET}` }],
  ])(
    'refuses an incoming message with %s: 401, nothing emitted, nothing sent',
    async (_case, headers: Record<string, string>) => {
      const response = await request(hooks.url).post(INCOMING).set(headers).send(documentedPayload()).expect(401);

      expect(response.body).toEqual(UNAUTHORIZED);
      await settle();
      expect(hooks.handlers.messages).toHaveLength(0);
      expect(hooks.handlers.viaOnEvent).toHaveLength(0);
      expect(sandbox.requests).toHaveLength(0);
      expect(hooks.logger.lines.join('\n')).not.toContain(SECRET.slice(0, 10));
    },
  );

  it('refuses the secret as ?token= on the incoming route', async () => {
    await request(hooks.url).post(`${INCOMING}?token=${SECRET}`).send(documentedPayload()).expect(401, UNAUTHORIZED);
  });

  it('through the sandbox too: a wrong secret gets 401 and no handler call', async () => {
    const result = await incomingWithSecret('not-the-secret-at-all');
    expect(result.status).toBe(401);
    await settle();
    expect(hooks.handlers.messages).toHaveLength(0);
  });

  it.each([
    ['no token', REPORTS],
    ['a wrong token', `${REPORTS}?token=${SECRET.replace(/.$/, 'X')}`],
    ['a shorter token', `${REPORTS}?token=abc`],
    ['a repeated token', `${REPORTS}?token=${SECRET}&token=${SECRET}`],
  ])('refuses a report with %s', async (_case, path) => {
    await request(hooks.url)
      .post(path)
      .set('x-zixflow-secret', SECRET)
      .send({ status: 'delivered' })
      .expect(401, UNAUTHORIZED);
    await settle();
    expect(hooks.handlers.reports).toHaveLength(0);
  });

  it('accepts the secret in its header on incoming messages and as the one ?token= on reports', async () => {
    await request(hooks.url)
      .post(INCOMING)
      .set('x-zixflow-secret', SECRET)
      .send(documentedPayload({ eventId: 'auth-ok' }))
      .expect(200, { received: true });
    await request(hooks.url)
      .post(`${REPORTS}?status=ignored&token=${encodeURIComponent(SECRET)}`)
      .send({ status: 'sent' })
      .expect(200, { received: true });
    await sandbox.waitForRequests(1);
  });

  it('logs refusals without the secret that was sent', async () => {
    await request(hooks.url).post(INCOMING).set('x-zixflow-secret', 'guess-guess-guess-1').send({}).expect(401);
    expect(hooks.logger.lines).toContain('Refused a webhook call: wrong secret in header x-zixflow-secret');
    expect(hooks.logger.lines.join('\n')).not.toContain('guess-guess-guess-1');
  });
});
