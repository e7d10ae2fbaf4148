import { Inject, Injectable } from '@nestjs/common';
import { ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS } from '../zixflow-webhooks.constants';
import {
  resolvedAccountMatcher,
  ResolvedAccountResolver,
  ResolvedZixflowWebhooksOptions,
} from '../zixflow-webhooks-options.schema';
import { WebhookSecretMatcher } from './webhook-secret-matcher';

/** A look-up through `resolveAccount` failed (it threw, or found a secret the rule refuses): answered 503. */
export class WebhookAccountLookupError extends Error {
  override readonly name = 'WebhookAccountLookupError';
}

interface CachedAccount {
  /** The secret; undefined: the resolver said there is no such account. */
  secret: WebhookSecretMatcher | undefined;
  expiresAt: number;
}

/**
 * The secret of each account a webhook may arrive for: the fixed `accounts` first (no
 * waiting), then `resolveAccount`, whose answers are kept for `ttlMs` in a map bounded to
 * `maxAccounts` (least recently used dropped first). Concurrent webhooks of one account share one
 * look-up, and unknown accounts are remembered too, so made-up names in the path cost the app's
 * database one query per name and TTL at most.
 */
@Injectable()
export class WebhookAccountSecrets {
  private readonly fixed: ReadonlyMap<string, WebhookSecretMatcher>;
  private readonly resolver: ResolvedAccountResolver | undefined;
  private readonly cache = new Map<string, CachedAccount>();
  private readonly pending = new Map<string, Promise<WebhookSecretMatcher | undefined>>();

  constructor(@Inject(ZIXFLOW_WEBHOOKS_RESOLVED_OPTIONS) options: ResolvedZixflowWebhooksOptions) {
    this.fixed = options.accounts;
    this.resolver = options.resolveAccount;
  }

  /** The secret, at once when it is known; undefined for an unknown account; rejects with {@link WebhookAccountLookupError}. */
  secretOf(account: string): WebhookSecretMatcher | undefined | Promise<WebhookSecretMatcher | undefined> {
    const fixed = this.fixed.get(account);
    if (fixed !== undefined || this.resolver === undefined) return fixed;
    const cached = this.cache.get(account);
    if (cached !== undefined && cached.expiresAt > Date.now()) {
      // Re-inserted, so the map's order stays least recently used first.
      this.cache.delete(account);
      this.cache.set(account, cached);
      return cached.secret;
    }
    return this.pending.get(account) ?? this.lookUp(account, this.resolver);
  }

  private lookUp(account: string, resolver: ResolvedAccountResolver): Promise<WebhookSecretMatcher | undefined> {
    const lookUp = (async (): Promise<WebhookSecretMatcher | undefined> => {
      let found: unknown;
      try {
        found = await resolver.resolve(account);
      } catch (error) {
        throw new WebhookAccountLookupError(
          `resolveAccount('${account}') threw: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      let secret: WebhookSecretMatcher | undefined;
      try {
        secret = found === undefined ? undefined : resolvedAccountMatcher(found, account);
      } catch (error) {
        throw new WebhookAccountLookupError((error as Error).message);
      }
      this.remember(account, secret, resolver);
      return secret;
    })();
    const shared = lookUp.finally(() => this.pending.delete(account));
    this.pending.set(account, shared);
    return shared;
  }

  private remember(account: string, secret: WebhookSecretMatcher | undefined, resolver: ResolvedAccountResolver): void {
    this.cache.delete(account);
    this.cache.set(account, { secret, expiresAt: Date.now() + resolver.ttlMs });
    while (this.cache.size > resolver.maxAccounts) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }
}
