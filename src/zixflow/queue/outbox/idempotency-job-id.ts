import { createHash } from 'node:crypto';

/**
 * The job id for an idempotency key: a digest rather than the key itself, because BullMQ refuses
 * custom ids that are whole numbers or contain `:` (both common in keys such as `1001` or
 * `broadcast:42`), and because a key may name a customer, which need not be readable in Redis
 * key names. The same key always gives the same id, which is what makes BullMQ add one job.
 */
export function idempotencyJobId(idempotencyKey: string): string {
  return `zx-${createHash('sha256').update(idempotencyKey, 'utf8').digest('base64url')}`;
}
