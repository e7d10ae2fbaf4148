import { ZixflowDedupeStore } from './dedupe/zixflow-dedupe-store.interface';
import type { ZixflowInboundQueue } from './inbound/zixflow-inbound-queue.interface';

/** How duplicate deliveries are recognised. */
export interface ZixflowWebhooksDedupeOptions {
  /** How long a handled `eventId` is remembered, in milliseconds. Default 72 hours. */
  ttlMs?: number;
  /** Entry cap of the default in-memory store. Default 100 000. Ignored when `store` is given. */
  maxEntries?: number;
  /** A shared store (e.g. Redis) for apps that run several instances. Default: in memory. */
  store?: ZixflowDedupeStore;
}

/** One account's webhook settings, under `accounts`. */
export interface ZixflowWebhookAccountOptions {
  /** This account's secret: the same rules as the module's `secret`, and it opens only this account's routes. */
  secret: string;
}

/** Finds the webhook settings of an account by its name (the path segment); `undefined`: no such account. */
export type ZixflowWebhookAccountResolver = (
  account: string,
) => ZixflowWebhookAccountOptions | undefined | Promise<ZixflowWebhookAccountOptions | undefined>;

/** `resolveAccount` with its cache settings. */
export interface ZixflowWebhookAccountResolverOptions {
  /** The look-up. */
  resolve: ZixflowWebhookAccountResolver;
  /** How long an answer (found or not) is kept, in milliseconds. Default 60 000. */
  ttlMs?: number;
  /** Most accounts kept at once; the least recently used is dropped first. Default 10 000. */
  maxAccounts?: number;
}

/** Options of `ZixflowWebhooksModule`, given to `forRoot` or produced by `forRootAsync`. */
export interface ZixflowWebhooksModuleOptions {
  /**
   * Shared secret that every webhook call must carry: in the `secretHeader` header for incoming
   * messages (a custom header in Zixflow's webhook settings) and as `?token=` on report URLs.
   * Required, at least 16 visible ASCII characters (e.g. `openssl rand -hex 32`).
   */
  secret: string;
  /**
   * Webhooks of several Zixflow accounts: account `brand-b` is served at
   * `POST <path>/brand-b/incoming|reports|postbacks`, checked with its own secret, and its messages
   * and reports carry `account: 'brand-b'`. A name is a `ZixflowModule` registration's `name` or a
   * `ZixflowTenants` tenant id, through which the bot replies. Default: none (only the routes
   * without an account, for the default registration).
   */
  accounts?: Record<string, ZixflowWebhookAccountOptions>;
  /**
   * Looks up an account that `accounts` does not list, e.g. a tenant read from your database, when
   * a webhook arrives for it: resolves with its `{ secret }`, or `undefined` for an unknown account
   * (answered 401). Answers are kept for `ttlMs` (default 60 000; unknown accounts too, so a flood of
   * made-up names does not reach your database) for at most `maxAccounts` accounts (default 10 000,
   * least recently used dropped first). A resolver that throws, or returns a secret the secret rule
   * refuses, is answered 503 so Zixflow tries again, and logged without the secret. Default: none.
   */
  resolveAccount?: ZixflowWebhookAccountResolver | ZixflowWebhookAccountResolverOptions;
  /** Header that carries the secret on incoming-message webhooks. Default `x-zixflow-secret`. */
  secretHeader?: string;
  /**
   * Largest accepted body in bytes; larger bodies are answered 413. Default 262 144 (256 KB). The
   * app's own parser refuses bodies above its limit first (100 KB on Express, 1 MB on Fastify,
   * unless raised). Whatever the size, a body nested deeper than 64 levels is answered 400.
   */
  maxBodyBytes?: number;
  /** Duplicate detection settings. */
  dedupe?: ZixflowWebhooksDedupeOptions;
  /**
   * A durable inbound queue (e.g. `ZixflowRedisInbound` from `nestjs-zixflow/redis`): the webhook is
   * answered 200 only once the event is stored in it, and handlers run from it. It deduplicates
   * itself, so `dedupe` is not used. Default: none (handled in this process after the answer).
   */
  inbound?: ZixflowInboundQueue;
}

/** Implemented by a class given to `forRootAsync({ useClass })` or `forRootAsync({ useExisting })`. */
export interface ZixflowWebhooksOptionsFactory {
  /** Returns the webhook options, possibly after reading a secret store. */
  createZixflowWebhooksOptions(): ZixflowWebhooksModuleOptions | Promise<ZixflowWebhooksModuleOptions>;
}
