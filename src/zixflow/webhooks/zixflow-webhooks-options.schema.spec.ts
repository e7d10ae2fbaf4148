import { inspect } from 'node:util';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { ZixflowInMemoryDedupeStore } from './dedupe/zixflow-in-memory-dedupe.store';
import { ZixflowDedupeStore } from './dedupe/zixflow-dedupe-store.interface';
import { resolveZixflowWebhooksOptions } from './zixflow-webhooks-options.schema';
import { ZixflowWebhooksModuleOptions } from './zixflow-webhooks-options.interface';

const SECRET = 'whsec_0123456789abcdef';

function failureOf(options: unknown): Error {
  try {
    resolveZixflowWebhooksOptions(options as ZixflowWebhooksModuleOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ZixflowConfigurationError);
    return error as Error;
  }
  throw new Error('expected the options to be refused');
}

describe('resolveZixflowWebhooksOptions', () => {
  it('applies the defaults and keeps the secret only as a matcher that shows nothing of it', () => {
    const resolved = resolveZixflowWebhooksOptions({ secret: SECRET });
    expect(resolved).toEqual({
      secret: { matches: expect.any(Function) as unknown },
      accounts: new Map(),
      secretHeader: 'x-zixflow-secret',
      maxBodyBytes: 262_144,
      dedupeTtlMs: 72 * 60 * 60 * 1000,
      dedupeStore: expect.any(ZixflowInMemoryDedupeStore) as unknown,
      inbound: undefined,
    });
    expect(JSON.stringify(resolved)).not.toContain(SECRET);
    expect(inspect(resolved, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(resolved.secret.matches(SECRET)).toBe(true);
    expect(resolved.secret.matches(`${SECRET}x`)).toBe(false);
  });

  it("checks each account's secret like the module's, by its path, and keeps only matchers", () => {
    const other = 'brand-b-secret-0123456789';
    const resolved = resolveZixflowWebhooksOptions({ secret: SECRET, accounts: { 'brand-b': { secret: other } } });
    expect([...resolved.accounts.keys()]).toEqual(['brand-b']);
    expect(resolved.accounts.get('brand-b')?.matches(other)).toBe(true);
    expect(resolved.accounts.get('brand-b')?.matches(SECRET)).toBe(false);
    expect(inspect(resolved.accounts, { depth: 10, showHidden: true })).not.toContain(other);
    expect(() =>
      resolveZixflowWebhooksOptions({ secret: SECRET, accounts: { 'brand-b': { secret: 'short' } } }),
    ).toThrow(/^ZixflowWebhooksModule: accounts\.brand-b\.secret must be 16 to 512/);
    expect(() => resolveZixflowWebhooksOptions({ secret: SECRET, accounts: { 'a/b': { secret: other } } })).toThrow(
      'ZixflowWebhooksModule: accounts names must be 1 to 64 letters',
    );
    expect(() =>
      resolveZixflowWebhooksOptions({ secret: SECRET, accounts: { a: { secret: other, secrte: 1 } as never } }),
    ).toThrow(/accounts\.a\.secrte/);
  });

  it('takes every option', () => {
    const store: ZixflowDedupeStore = { setIfAbsent: () => true };
    const resolved = resolveZixflowWebhooksOptions({
      secret: SECRET,
      secretHeader: 'X-Hook-Token',
      maxBodyBytes: 1024,
      dedupe: { ttlMs: 1000, store },
    });
    expect(resolved).toMatchObject({
      secretHeader: 'x-hook-token',
      maxBodyBytes: 1024,
      dedupeTtlMs: 1000,
      dedupeStore: store,
    });
  });

  it.each([undefined, null, 'secret'])('refuses options %j', (options) => {
    expect(failureOf(options).message).toMatch(/options are missing/);
  });

  it.each([undefined, '', '   '])(
    'refuses a missing secret (%j) by naming secret and ZIXFLOW_WEBHOOK_SECRET',
    (secret) => {
      expect(failureOf({ secret }).message).toBe(
        'ZixflowWebhooksModule: secret is missing or empty. Set the ZIXFLOW_WEBHOOK_SECRET environment variable ' +
          '(read by zixflowWebhooksConfig) or pass secret to ZixflowWebhooksModule.forRoot(); ' +
          'generate one with `openssl rand -hex 32`.',
      );
    },
  );

  it('refuses a secret that is not a string, naming secret and ZIXFLOW_WEBHOOK_SECRET', () => {
    expect(failureOf({ secret: 42 }).message).toBe(
      'ZixflowWebhooksModule: secret (ZIXFLOW_WEBHOOK_SECRET) must be a non-empty string.',
    );
  });

  it.each([
    ['too short', 'x'.repeat(15)],
    ['with non-ASCII', 'abcdefghijklmnöpq'],
    ['too long', 'x'.repeat(513)],
  ])('refuses a secret %s without printing it', (_case, secret) => {
    const message = failureOf({ secret }).message;
    expect(message).toMatch(/secret \(ZIXFLOW_WEBHOOK_SECRET\) must be 16 to 512 visible ASCII characters/);
    expect(message).not.toContain(secret.trim());
  });

  // A pasted newline or space is the usual mistake, so it gets a message of its own (as apiKey does).
  it.each([
    ['a space', 'abcdefgh ijklmnopq'],
    ['a newline', 'abcdefghijklmnopq\n'],
    ['a tab', 'abcdefgh\tijklmnopq'],
  ])('refuses a secret with %s without printing it', (_case, secret) => {
    const message = failureOf({ secret }).message;
    expect(message).toBe(
      'ZixflowWebhooksModule: secret contains whitespace or control characters; ' +
        'check ZIXFLOW_WEBHOOK_SECRET for a stray space or newline.',
    );
    expect(message).not.toContain('abcdefgh');
  });

  it.each([
    ['secretHeader', { secretHeader: 'x secret' }, /secretHeader must be a valid HTTP header name/],
    ['maxBodyBytes', { maxBodyBytes: 0 }, /maxBodyBytes must be a whole number/],
    ['maxBodyBytes', { maxBodyBytes: 1.5 }, /maxBodyBytes must be a whole number/],
    ['dedupe', { dedupe: 'redis' }, /dedupe must be an object/],
    ['dedupe.ttlMs', { dedupe: { ttlMs: -1 } }, /dedupe.ttlMs must be a whole number/],
    ['dedupe.maxEntries', { dedupe: { maxEntries: 0 } }, /dedupe.maxEntries must be a whole number/],
    ['dedupe.store', { dedupe: { store: {} } }, /dedupe.store must implement setIfAbsent/],
    ['dedupe.store', { dedupe: { store: null } }, /dedupe.store must implement setIfAbsent/],
  ])('refuses a bad %s', (_name, extra, message) => {
    expect(failureOf({ secret: SECRET, ...extra }).message).toMatch(message);
  });

  it.each([
    [{ secrt: SECRET }, 'secrt is not an option; did you mean secret?'],
    [{ secret: SECRET, maxBodySize: 10 }, 'maxBodySize is not an option; did you mean maxBodyBytes?'],
    [{ secret: SECRET, dedupe: { ttl: 10 } }, 'dedupe.ttl is not an option; did you mean ttlMs?'],
    [{ secret: SECRET, dedupe: { maxEntry: 10 } }, 'dedupe.maxEntry is not an option; did you mean maxEntries?'],
  ])('refuses the misspelt key of %j, naming it', (options, message) => {
    expect(failureOf(options).message).toContain(`ZixflowWebhooksModule: ${message}`);
  });

  it('says where path goes when a factory returns it inside the options', () => {
    expect(failureOf({ secret: SECRET, path: 'hooks' }).message).toMatch(
      /^ZixflowWebhooksModule: path is not an option but a setting of ZixflowWebhooksModule.forRoot\(\)/,
    );
  });

  it('checks maxEntries even when a store is given, and keeps the given store', () => {
    const store: ZixflowDedupeStore = { setIfAbsent: () => true };
    expect(failureOf({ secret: SECRET, dedupe: { store, maxEntries: 0 } }).message).toContain('dedupe.maxEntries');
    expect(resolveZixflowWebhooksOptions({ secret: SECRET, dedupe: { store } }).dedupeStore).toBe(store);
  });

  it('treats an empty secretHeader as unset', () => {
    expect(resolveZixflowWebhooksOptions({ secret: SECRET, secretHeader: '' }).secretHeader).toBe('x-zixflow-secret');
  });
});
