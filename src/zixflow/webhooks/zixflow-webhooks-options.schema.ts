import { createHash } from 'node:crypto';
import { ZixflowConfigurationError } from '../core/errors/zixflow-configuration.error';
import { ZixflowDedupeStore } from './dedupe/zixflow-dedupe-store.interface';
import { ZixflowInMemoryDedupeStore } from './dedupe/zixflow-in-memory-dedupe.store';
import {
  ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_MAX_ENTRIES,
  ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_TTL_MS,
  ZIXFLOW_WEBHOOK_DEFAULT_MAX_BODY_BYTES,
  ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER,
} from './zixflow-webhooks.constants';
import { ZixflowWebhooksDedupeOptions, ZixflowWebhooksModuleOptions } from './zixflow-webhooks-options.interface';

/**
 * Webhook options after checking, with defaults applied. Internal. The secret itself is not kept,
 * only its SHA-256 digest: what is compared, and harmless if the object is ever logged.
 */
export interface ResolvedZixflowWebhooksOptions {
  secretDigest: Buffer;
  /** Lower case, as Node exposes header names. */
  secretHeader: string;
  maxBodyBytes: number;
  dedupeTtlMs: number;
  dedupeStore: ZixflowDedupeStore;
}

const MIN_SECRET_LENGTH = 16;
const MAX_SECRET_LENGTH = 512;
/** Visible ASCII: survives an HTTP header unchanged and a URL query once percent-encoded. */
const SECRET_CHARACTERS = /^[\x21-\x7e]+$/;
/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks the options once, when the module is instantiated, so the webhook endpoints never run
 * open: a missing or weak secret stops the app at start-up. Messages name the option and its
 * environment variable, never the secret's value.
 */
export function resolveZixflowWebhooksOptions(
  options: ZixflowWebhooksModuleOptions | undefined,
): ResolvedZixflowWebhooksOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ZixflowConfigurationError(
      'ZixflowWebhooksModule: options are missing; pass { secret } to ZixflowWebhooksModule.forRoot().',
    );
  }
  return {
    secretDigest: createHash('sha256').update(checkSecret(options.secret)).digest(),
    secretHeader: checkSecretHeader(options.secretHeader),
    maxBodyBytes: checkPositiveInteger('maxBodyBytes', options.maxBodyBytes, ZIXFLOW_WEBHOOK_DEFAULT_MAX_BODY_BYTES),
    ...checkDedupe(options.dedupe),
  };
}

function checkSecret(secret: unknown): string {
  if (typeof secret !== 'string' || secret.trim() === '') {
    throw new ZixflowConfigurationError(
      'ZixflowWebhooksModule: secret is missing or empty, and the webhook endpoints never run without one. ' +
        'Set the ZIXFLOW_WEBHOOK_SECRET environment variable (read by zixflowWebhooksConfig) or pass secret to ' +
        'ZixflowWebhooksModule.forRoot(); generate one with `openssl rand -hex 32`.',
    );
  }
  if (secret.length < MIN_SECRET_LENGTH || secret.length > MAX_SECRET_LENGTH || !SECRET_CHARACTERS.test(secret)) {
    throw new ZixflowConfigurationError(
      `ZixflowWebhooksModule: secret (ZIXFLOW_WEBHOOK_SECRET) must be ${MIN_SECRET_LENGTH} to ${MAX_SECRET_LENGTH} ` +
        'visible ASCII characters without spaces; generate one with `openssl rand -hex 32`.',
    );
  }
  return secret;
}

function checkSecretHeader(header: unknown): string {
  if (header === undefined || header === '') {
    return ZIXFLOW_WEBHOOK_DEFAULT_SECRET_HEADER;
  }
  if (typeof header !== 'string' || !HEADER_NAME.test(header)) {
    throw new ZixflowConfigurationError(
      'ZixflowWebhooksModule: secretHeader must be a valid HTTP header name, e.g. x-zixflow-secret.',
    );
  }
  return header.toLowerCase();
}

function checkDedupe(
  dedupe: ZixflowWebhooksDedupeOptions | undefined,
): Pick<ResolvedZixflowWebhooksOptions, 'dedupeTtlMs' | 'dedupeStore'> {
  if (dedupe !== undefined && (typeof dedupe !== 'object' || dedupe === null)) {
    throw new ZixflowConfigurationError(
      'ZixflowWebhooksModule: dedupe must be an object { ttlMs, maxEntries, store }.',
    );
  }
  const dedupeTtlMs = checkPositiveInteger('dedupe.ttlMs', dedupe?.ttlMs, ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_TTL_MS);
  if (dedupe?.store !== undefined) {
    if (typeof dedupe.store?.setIfAbsent !== 'function') {
      throw new ZixflowConfigurationError(
        'ZixflowWebhooksModule: dedupe.store must implement setIfAbsent(key, ttlMs).',
      );
    }
    return { dedupeTtlMs, dedupeStore: dedupe.store };
  }
  const maxEntries = checkPositiveInteger(
    'dedupe.maxEntries',
    dedupe?.maxEntries,
    ZIXFLOW_WEBHOOK_DEFAULT_DEDUPE_MAX_ENTRIES,
  );
  return { dedupeTtlMs, dedupeStore: new ZixflowInMemoryDedupeStore({ maxEntries }) };
}

function checkPositiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ZixflowConfigurationError(`ZixflowWebhooksModule: ${name} must be a whole number of 1 or more.`);
  }
  return value;
}
