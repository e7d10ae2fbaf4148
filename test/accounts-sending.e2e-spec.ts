import { Injectable } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import {
  getZixflowServiceToken,
  InjectZixflow,
  ZixflowConfigurationError,
  ZixflowError,
  ZixflowModule,
  ZixflowTenants,
  ZixflowTenantsModule,
  ZixflowWhatsappService,
} from '../src/zixflow';
import { allSecrets, optionsOf, othersSecrets, startAccounts, TestAccount } from './accounts.fixtures';
import { RecordingLogger } from './recording-logger';

const CUSTOMER = '+44 20 7946 0958';

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error,
  );
}

@Injectable()
class BrandNotifier {
  constructor(
    readonly main: ZixflowWhatsappService,
    @InjectZixflow('brand-a') readonly brandA: ZixflowWhatsappService,
    @InjectZixflow('brand-b') readonly brandB: ZixflowWhatsappService,
  ) {}
}

describe('several Zixflow accounts in one app: sends', () => {
  let accounts: TestAccount[];
  let moduleRef: TestingModule;
  let logger: RecordingLogger;
  const resolved: string[] = [];

  const byName = (name: string | undefined): TestAccount => accounts.find((account) => account.name === name)!;
  const serviceOf = async (account: TestAccount): Promise<ZixflowWhatsappService> =>
    account.kind === 'tenant'
      ? moduleRef.get(ZixflowTenants).forTenant(account.name!)
      : moduleRef.get<ZixflowWhatsappService>(getZixflowServiceToken(account.name));

  beforeAll(async () => {
    accounts = await startAccounts();
    logger = new RecordingLogger();
    moduleRef = await Test.createTestingModule({
      imports: [
        ZixflowModule.forRoot(optionsOf(byName(undefined))),
        ZixflowModule.forRoot({ name: 'brand-a', ...optionsOf(byName('brand-a')) }),
        ZixflowModule.forRootAsync({ name: 'brand-b', useFactory: () => optionsOf(byName('brand-b')) }),
        ZixflowTenantsModule.forRoot({
          maxTenants: 10,
          resolve: async (tenantId) => {
            resolved.push(tenantId);
            if (tenantId === 'bad-tenant') return { apiKey: '', baseUrl: 'https://api.zixflow.com' };
            if (tenantId === 'misspelt') return { apiKey: 'zx-misspelt-key-77', timeoutMS: 5 } as never;
            const account = accounts.find((candidate) => candidate.kind === 'tenant' && candidate.name === tenantId);
            if (account === undefined) throw new Error(`unknown tenant ${tenantId}`);
            return optionsOf(account);
          },
        }),
      ],
      providers: [BrandNotifier],
    })
      .setLogger(logger)
      .compile();
    await moduleRef.init();
  });

  afterAll(async () => {
    await moduleRef?.close();
    await Promise.all(accounts.map((account) => account.sandbox.stop()));
  });

  afterEach(() => accounts.forEach((account) => account.sandbox.clear()));

  it('injects the default by type and the named registrations with @InjectZixflow(name), all different', () => {
    const notifier = moduleRef.get(BrandNotifier);
    expect(notifier.main).toBeInstanceOf(ZixflowWhatsappService);
    expect(notifier.brandA).toBe(moduleRef.get(getZixflowServiceToken('brand-a')));
    expect(notifier.brandB).toBe(moduleRef.get(getZixflowServiceToken('brand-b')));
    expect(new Set([notifier.main, notifier.brandA, notifier.brandB]).size).toBe(3);
    expect(getZixflowServiceToken()).toBe(ZixflowWhatsappService);
  });

  it('sends each account through its own key, workspace and number: on the wire, nothing crosses', async () => {
    for (const account of accounts) {
      await (await serviceOf(account)).sendText({ to: CUSTOMER, text: { body: `hello from ${account.name}` } });
    }
    expect(accounts.map((account) => account.sandbox.requests.length)).toEqual(accounts.map(() => 1));
    for (const account of accounts) {
      const requests = account.sandbox.requests;
      expect(requests).toHaveLength(1);
      const [request] = requests;
      if (account.api === 'ai') {
        expect(request.headers['x-api-key']).toBe(account.apiKey);
        expect(request.headers['x-workspace-id']).toBe(account.workspaceId);
        expect(request.headers.authorization).toBeUndefined();
        expect(request.body).toMatchObject({ phone_id: account.phoneId });
      } else {
        expect(request.headers.authorization).toBe(`Bearer ${account.apiKey}`);
        expect(request.body).toMatchObject({ phoneId: account.phoneId });
      }
      expect(request.rawBody).toContain(`hello from ${account.name}`);
      const wire = JSON.stringify(request.headers) + request.rawBody;
      for (const secret of othersSecrets(accounts, account)) expect(wire).not.toContain(secret);
    }
  });

  it('builds a tenant once and reuses it', async () => {
    const tenants = moduleRef.get(ZixflowTenants);
    const before = resolved.filter((id) => id === 'tenant-1').length;
    const [first, second] = await Promise.all([tenants.forTenant('tenant-1'), tenants.forTenant('tenant-1')]);
    expect(first).toBe(second);
    expect(resolved.filter((id) => id === 'tenant-1').length - before).toBeLessThanOrEqual(1);
  });

  it("keeps every account's key out of every other account's errors and out of every log line", async () => {
    for (const account of accounts) {
      // Zixflow echoing the caller's own credentials: redacted by that account's service.
      account.sandbox.respondNext({
        status: 400,
        body: {
          status: false,
          message: `bad key ${account.apiKey}${account.api === 'ai' ? ` in ${account.workspaceId}` : ''}`,
        },
      });
      const error = await (await serviceOf(account)).sendText({ to: CUSTOMER, text: { body: 'x' } }).then(
        () => undefined,
        (caught: unknown) => caught as ZixflowError,
      );
      expect(error).toBeInstanceOf(ZixflowError);
      const seen = [error!.message, error!.stack ?? '', JSON.stringify(error)].join('\n');
      for (const secret of allSecrets(accounts)) expect(seen).not.toContain(secret);
    }
    const logs = logger.lines.join('\n');
    for (const secret of allSecrets(accounts)) expect(logs).not.toContain(secret);
  });

  it("checks a tenant's options like a registration's, naming the tenant and the option, never the key", async () => {
    const tenants = moduleRef.get(ZixflowTenants);
    const empty = await failureOf(tenants.forTenant('bad-tenant'));
    expect(empty).toBeInstanceOf(ZixflowConfigurationError);
    expect(empty.message).toMatch(/^Tenant bad-tenant: ZixflowModule: apiKey/);
    const misspelt = await failureOf(tenants.forTenant('misspelt'));
    expect(misspelt).toBeInstanceOf(ZixflowConfigurationError);
    expect(misspelt.message).toContain('timeoutMS');
    expect(misspelt.message).toContain('did you mean timeoutMs?');
    expect(misspelt.message).not.toContain('zx-misspelt-key-77');
    await expect(tenants.forTenant('nobody')).rejects.toThrow('unknown tenant nobody');
    await expect(tenants.forTenant('no/slash')).rejects.toThrow(ZixflowConfigurationError);
  });

  it('refuses a registration name that cannot be a path segment', () => {
    expect(() => ZixflowModule.forRoot({ name: 'brand b', apiKey: 'k' })).toThrow(
      'ZixflowModule: name must be 1 to 64 letters',
    );
  });
});

describe('ZixflowTenants cache', () => {
  it('keeps at most maxTenants, rebuilds an evicted or expired tenant, and closes all on shutdown', async () => {
    const accounts = await startAccounts();
    const [account] = accounts;
    const calls: string[] = [];
    const moduleRef = await Test.createTestingModule({
      imports: [
        ZixflowTenantsModule.forRoot({
          maxTenants: 2,
          ttlMs: 200,
          resolve: (tenantId) => {
            calls.push(tenantId);
            return optionsOf(account);
          },
        }),
      ],
    }).compile();
    await moduleRef.init();
    const tenants = moduleRef.get(ZixflowTenants);
    try {
      const t1 = await tenants.forTenant('t1');
      await tenants.forTenant('t2');
      await tenants.forTenant('t3');
      expect(tenants.size).toBe(2);
      const again = await tenants.forTenant('t1');
      expect(again).not.toBe(t1);
      expect(calls).toEqual(['t1', 't2', 't3', 't1']);
      await new Promise((resolve) => setTimeout(resolve, 250));
      await tenants.forTenant('t3');
      expect(calls.at(-1)).toBe('t3');
      expect(tenants.size).toBe(1);
    } finally {
      await moduleRef.close();
      expect(tenants.size).toBe(0);
      // Every sandbox startAccounts started, not only the one this test uses: none may stay open.
      await Promise.all(accounts.map((started) => started.sandbox.stop()));
    }
  });

  it('checks its own options at start-up', async () => {
    await expect(
      Test.createTestingModule({
        imports: [ZixflowTenantsModule.forRoot({ resolve: 'no' as never, maxTenants: 0 })],
      }).compile(),
    ).rejects.toThrow(/ZixflowTenantsModule: /);
  });
});
