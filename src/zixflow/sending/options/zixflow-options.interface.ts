import type { ZixflowError } from '../../core/errors/zixflow.error';
import type { ZixflowApiName } from '../../core/messages/whatsapp-message-kinds';

/** What an `onRetry` hook is told before the library waits and repeats a failed request. */
export interface ZixflowRetryEvent {
  /** The attempt that just failed, from 1; the next one is `attempt + 1`. */
  attempt: number;
  /** How long the library waits before the next attempt, in milliseconds. */
  delayMs: number;
  /** Why the attempt failed (its class says which kind of failure; it never holds the API key). */
  error: ZixflowError;
  /** The API path being called. */
  endpoint: string;
}

/**
 * Retry settings. Only failures that cannot have sent the message (a connection that failed
 * before the request was written) or where Zixflow asked for a retry (429, 503) are repeated,
 * with full-jitter exponential back-off; `false` turns retries off.
 */
export interface ZixflowRetryOptions {
  /** How many times a retryable failure is repeated (so up to `retries + 1` requests). Default 3. */
  retries?: number;
  /** Base delay of the exponential back-off, in milliseconds. Default 250. */
  minDelayMs?: number;
  /** Upper bound of one back-off delay, in milliseconds. Default 10 000. */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` the library waits for, in milliseconds. When Zixflow asks for a longer
   * wait, the error is surfaced at once (its `retryAfterMs` says when to try again) instead of
   * holding the caller. Default 30 000.
   */
  maxRetryAfterMs?: number;
  /**
   * Also retry time-outs and connections lost after the request was written. **The message may
   * be sent twice**: Zixflow may have accepted the first request before the answer was lost.
   * Default false.
   */
  retryOnTimeout?: boolean;
  /** Called before each retry, e.g. to count retries in metrics. Exceptions it throws are logged and ignored. */
  onRetry?: (event: ZixflowRetryEvent) => void;
}

/**
 * Client-side pacing per sending number (`phoneId`): WhatsApp caps each number's throughput, so
 * every `phoneId` gets its own token bucket and queue.
 */
export interface ZixflowRateLimitOptions {
  /** Sustained sends per second for one `phoneId` (fractions allowed, e.g. 0.5). Required. */
  perSecond: number;
  /** How many sends may start at once after a quiet period. Default 1: sends are evenly spaced. */
  burst?: number;
  /** Most requests in flight at once for one `phoneId`. Default: no limit. */
  maxConcurrent?: number;
  /**
   * Most sends waiting for a slot per `phoneId`; one more is refused at once with
   * `ZixflowPacingQueueFullError` instead of growing memory. Default 1000.
   */
  maxQueued?: number;
}

/** Template pre-flight settings: variable-keys look-ups and their cache. */
export interface ZixflowTemplateOptions {
  /**
   * Path of the campaign API's template-variables endpoint. Default
   * `/api/v1/campaign/whatsapp/variable-keys`; configurable because that path is known only from
   * third-party catalogues, not from Zixflow's own reference. The AI API's is documented and fixed.
   */
  variablesPath?: string;
  /** How long looked-up variables are reused, in milliseconds. Default 600 000 (10 minutes). */
  cacheTtlMs?: number;
  /** Check every `sendTemplate` against the template's variables before sending. Default false. */
  checkVariables?: boolean;
}

/**
 * Where Zixflow posts the AI API's delivery post-backs: the public address of the app's
 * `ZixflowWebhooksModule` routes and their secret. With it, every AI send that leaves `postBackUrl`
 * out gets `post_back_url: <webhooksUrl>/postbacks?token=<secret>`.
 */
export interface ZixflowPostBackOptions {
  /**
   * The public URL of the webhook routes as Zixflow reaches them, route prefix included, e.g.
   * `https://bot.example.com/zixflow/webhooks`. Env `ZIXFLOW_WEBHOOKS_URL`.
   */
  webhooksUrl: string;
  /** The webhooks module's `secret`, sent as `?token=`. Env `ZIXFLOW_WEBHOOK_SECRET` (the same variable). */
  secret: string;
}

/** Options of {@link ZixflowModule}, given to `forRoot` or produced by `forRootAsync`. */
export interface ZixflowModuleOptions {
  /** Zixflow API key (Settings > Workspace Settings > Developer > API Key). Required. */
  apiKey: string;
  /**
   * Which Zixflow API to speak: `'campaign'` (the default: `api.zixflow.com`, Bearer key, camelCase
   * bodies) or `'ai'` (the Zixflow AI API: `api-ai.zixflow.com`, `x-api-key` and `x-workspace-id`,
   * snake_case bodies, every message kind, `requestId` and post-backs). Env `ZIXFLOW_API`.
   */
  api?: ZixflowApiName;
  /**
   * The AI API's workspace id, sent as `x-workspace-id` on every call (shown next to the API key at
   * ai.zixflow.com, Settings > Workspace > Developer). Required when `api` is `'ai'`; not used by the
   * campaign API. Env `ZIXFLOW_WORKSPACE_ID`. Never shown in errors or logs.
   */
  workspaceId?: string;
  /**
   * API host. Defaults to `https://api.zixflow.com` (campaign) or `https://api-ai.zixflow.com` (AI);
   * tests point it at `ZixflowSandbox`, which serves both.
   */
  baseUrl?: string;
  /**
   * AI API only: the path prefix of the send endpoints. Default `/api/ingest`; older copies of
   * Zixflow's docs show `/api/ingestion`. Env `ZIXFLOW_INGEST_PREFIX`.
   */
  ingestPrefix?: string;
  /** AI API only: fill in `postBackUrl` from the public address of the webhook routes. Off by default. */
  postBacks?: ZixflowPostBackOptions;
  /** Sender phone-number ID used when a message leaves `phoneId` out. */
  defaultPhoneId?: string;
  /**
   * Time-out of one attempt in milliseconds, covering the wait for a send slot (when `rateLimit`
   * is set) plus the request. Defaults to 10 000.
   */
  timeoutMs?: number;
  /** Retry settings, or `false` to never retry. Retries are on by default. */
  retry?: ZixflowRetryOptions | false;
  /** Pacing per sending number. Off by default. */
  rateLimit?: ZixflowRateLimitOptions;
  /** Template pre-flight settings (variable look-ups, cache, automatic checks). */
  templates?: ZixflowTemplateOptions;
  /**
   * Asks Zixflow at start-up whether the credentials work, before the app takes traffic: `'fail'`
   * stops start-up with a `ZixflowConfigurationError` naming what is wrong, `'warn'` logs it and
   * starts anyway, `'off'` (the default) makes no request. On the AI API the accounts endpoint checks
   * the key, the workspace id and that `defaultPhoneId` is one of the workspace's numbers; the
   * campaign API documents no such endpoint, so there only the key is checked. Env
   * `ZIXFLOW_STARTUP_CHECK`. Never prints the key.
   */
  startupCheck?: ZixflowStartupCheck;
}

/** What `startupCheck` does when the credentials do not work: nothing is asked, a warning, or a stop. */
export type ZixflowStartupCheck = 'off' | 'warn' | 'fail';

/** Implemented by a class given to `forRootAsync({ useClass })` or `forRootAsync({ useExisting })`. */
export interface ZixflowOptionsFactory {
  /** Returns the module options, possibly after reading a secret store. */
  createZixflowOptions(): ZixflowModuleOptions | Promise<ZixflowModuleOptions>;
}
