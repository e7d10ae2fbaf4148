import { ZixflowIncomingMessageType } from '../incoming/zixflow-incoming-message.interface';

/** Metadata key the handler decorators write and the explorer reads. */
export const ZIXFLOW_WEBHOOK_HANDLER = 'zixflow:webhook-handler';

/** What a decorated method handles; an empty list means everything. Internal. */
export type ZixflowHandlerMetadata =
  { kind: 'message'; types: readonly ZixflowIncomingMessageType[] } | { kind: 'report'; statuses: readonly string[] };

/** Accepts one value or a list, as decorator options usually do. */
export function toList<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
