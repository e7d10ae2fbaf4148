import { ZixflowIncomingMessageType } from '../incoming/zixflow-incoming-message.interface';

/** Metadata key the handler decorators write and the explorer reads. */
export const ZIXFLOW_WEBHOOK_HANDLER = 'zixflow:webhook-handler';

/**
 * What a decorated method handles; an empty list means everything. `accounts` lists the accounts
 * (webhook path segment) it handles; undefined: every account, the routes without one included.
 * Internal.
 */
export type ZixflowHandlerMetadata = { accounts?: readonly string[] } & (
  { kind: 'message'; types: readonly ZixflowIncomingMessageType[] } | { kind: 'report'; statuses: readonly string[] }
);

/** The `accounts` filter of a handler decorator, as stored: a copy, or nothing for every account. */
export function accountsFilter(accounts: readonly string[] | undefined): { accounts?: readonly string[] } {
  return accounts === undefined ? {} : { accounts: [...accounts] };
}

/** Accepts one value or a list, as decorator options usually do. */
export function toList<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
