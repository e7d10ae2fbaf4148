import request from 'supertest';
import { ZixflowWebhookAccountOptions } from '../src/zixflow/webhooks';
import { ZixflowSandbox } from '../src/zixflow/testing';
import {
  documentedPayload,
  eventually,
  SECRET,
  settle,
  startApp,
  WEBHOOK_ADAPTERS,
  WebhookApp,
} from './webhooks.helpers';

/*
 * `resolveAccount`: webhooks of accounts the app only knows at run time (tenants in its database),
 * checked with the secret the app's resolver finds, through a real app on Express and Fastify.
 */
const TENANT_SECRET = 'whsec-tenant-7-0123456789abcdef';
const FIXED_SECRET = 'whsec-fixed-brand-0123456789abcd';

describe.each(WEBHOOK_ADAPTERS)('ZixflowWebhooksModule resolveAccount on %s', (adapter) => {
  let sandbox: ZixflowSandbox;
  let hooks: WebhookApp;
  /** The app's "database": what the resolver finds, and every look-up it was asked for. */
  const tenants = new Map<string, ZixflowWebhookAccountOptions | Error>();
  const lookUps: string[] = [];
  let gate: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    sandbox = await ZixflowSandbox.start({ inbox: false, deliveryReports: false });
    hooks = await startApp(adapter, sandbox, {
      webhooks: {
        accounts: { 'fixed-brand': { secret: FIXED_SECRET } },
        resolveAccount: {
          resolve: async (account) => {
            lookUps.push(account);
            await gate;
            const found = tenants.get(account);
            if (found instanceof Error) throw found;
            return found;
          },
          ttlMs: 600_000,
          maxAccounts: 3,
        },
      },
    });
  });

  afterAll(async () => {
    await hooks.app.close();
    await sandbox.stop();
  });

  beforeEach(() => {
    tenants.clear();
    tenants.set('tenant-7', { secret: TENANT_SECRET });
    lookUps.length = 0;
    hooks.handlers.clear();
    hooks.logger.lines.length = 0;
  });

  let eventNumber = 0;
  function post(account: string, secret: string | undefined): request.Test {
    eventNumber += 1;
    const call = request(hooks.url)
      .post(`/zixflow/webhooks/${account}/incoming`)
      .send(documentedPayload({ eventId: `evt-${adapter}-${eventNumber}` }));
    return secret === undefined ? call : call.set('x-zixflow-secret', secret);
  }

  it("opens a resolved account's routes with its secret only, and the message says which account", async () => {
    await post('tenant-7', TENANT_SECRET).expect(200);
    await post('tenant-7', SECRET).expect(401);
    await post('tenant-7', undefined).expect(401);
    await eventually(() => hooks.handlers.messages.length === 1);
    expect(hooks.handlers.messages.map((message) => message.account)).toEqual(['tenant-7']);
    // Found once, then kept for ttlMs.
    expect(lookUps).toEqual(['tenant-7']);
  });

  it('answers an unknown account 401 and remembers that too, so made-up names reach the resolver once', async () => {
    await post('nobody', TENANT_SECRET).expect(401);
    await post('nobody', TENANT_SECRET).expect(401);
    expect(lookUps).toEqual(['nobody']);
    await settle();
    expect(hooks.handlers.messages).toEqual([]);
  });

  it('shares one look-up between concurrent webhooks of one account', async () => {
    tenants.set('tenant-8', { secret: TENANT_SECRET });
    let open: () => void = () => undefined;
    gate = new Promise((resolve) => (open = resolve));
    const calls = [post('tenant-8', TENANT_SECRET), post('tenant-8', TENANT_SECRET), post('tenant-8', 'x'.repeat(20))];
    const answers = Promise.all(calls.map((call) => call.then((response) => response.status)));
    await eventually(() => lookUps.length > 0);
    open();
    gate = Promise.resolve();
    expect((await answers).sort()).toEqual([200, 200, 401]);
    expect(lookUps).toEqual(['tenant-8']);
  });

  it('never asks the resolver about an account of the fixed accounts option', async () => {
    await post('fixed-brand', FIXED_SECRET).expect(200);
    await post('fixed-brand', TENANT_SECRET).expect(401);
    expect(lookUps).toEqual([]);
  });

  it('answers 503 when the resolver throws, so Zixflow retries, and looks up again next time', async () => {
    tenants.set('tenant-9', new Error('database is down'));
    const answer = await post('tenant-9', TENANT_SECRET).expect(503);
    expect(answer.body).toMatchObject({ statusCode: 503, message: 'Webhook account could not be checked; try again' });
    expect(hooks.logger.lines.join('\n')).toContain("resolveAccount('tenant-9') threw: database is down");
    tenants.set('tenant-9', { secret: TENANT_SECRET });
    await post('tenant-9', TENANT_SECRET).expect(200);
    expect(lookUps).toEqual(['tenant-9', 'tenant-9']);
  });

  it('answers 503 for a resolved secret the secret rule refuses, naming the account, never the value', async () => {
    tenants.set('tenant-weak', { secret: 'short-secret' });
    await post('tenant-weak', 'short-secret').expect(503);
    const logs = hooks.logger.lines.join('\n');
    expect(logs).toMatch(/resolveAccount\('tenant-weak'\)\.secret must be 16 to 512 visible ASCII characters/);
    expect(logs).not.toContain('short-secret');
  });

  it('keeps at most maxAccounts answers, dropping the least recently used first', async () => {
    for (const name of ['t-a', 't-b', 't-c']) tenants.set(name, { secret: TENANT_SECRET });
    // Fresh names, so earlier tests' cached accounts are the least recently used and go first.
    for (const name of ['t-a', 't-b', 't-c']) await post(name, TENANT_SECRET).expect(200);
    await post('t-a', TENANT_SECRET).expect(200); // a hit, and now the most recently used
    await post('tenant-7', TENANT_SECRET).expect(200); // a miss: drops t-b
    await post('t-b', TENANT_SECRET).expect(200); // looked up again
    await post('t-a', TENANT_SECRET).expect(200); // still cached
    expect(lookUps).toEqual(['t-a', 't-b', 't-c', 'tenant-7', 't-b']);
  });
});

describe('ZixflowWebhooksModule resolveAccount: option checks', () => {
  it.each([
    ['a string', 'nope', /resolveAccount must be a function \(account\) => \(\{ secret \}\) \| undefined/],
    ['no resolve', { ttlMs: 5 }, /resolveAccount\.resolve is missing/],
    [
      'a negative ttlMs',
      { resolve: (): undefined => undefined, ttlMs: -1 },
      /resolveAccount\.ttlMs must be a whole number/,
    ],
    ['a misspelt field', { resolve: (): undefined => undefined, ttl: 5 }, /resolveAccount\.ttl is not an option/],
  ])('refuses %s at start-up', async (_case, resolveAccount, message) => {
    const sandbox = await ZixflowSandbox.start({ inbox: false, deliveryReports: false });
    try {
      await expect(
        startApp('Express', sandbox, { webhooks: { resolveAccount: resolveAccount as never } }),
      ).rejects.toThrow(message);
    } finally {
      await sandbox.stop();
    }
  });
});
