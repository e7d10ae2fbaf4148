import type { ZixflowInboundEvent } from '../../webhooks';

/** An event as it waits in a conversation's queue: the event and how often it was tried. */
export interface InboundEnvelope {
  event: ZixflowInboundEvent;
  attempts: number;
  /** When it was stored (ms since the epoch), for the webhook-to-handler figures. */
  storedAt: number;
  /** The last failure's message, once it failed. */
  lastError?: string;
}

function dateOrUndefined(value: unknown): Date | undefined {
  return typeof value === 'string' ? new Date(value) : undefined;
}

/**
 * Reads an envelope back: JSON has no dates, so the events' `Date` fields are revived, and the
 * handlers get the same shapes as without Redis.
 */
export function parseEnvelope(text: string): InboundEnvelope {
  const envelope = JSON.parse(text) as InboundEnvelope;
  const event = envelope.event;
  if (event.kind === 'message') {
    event.message.timestamp = new Date(event.message.timestamp as unknown as string);
    event.message.receivedAt = new Date(event.message.receivedAt as unknown as string);
  } else {
    event.report.timestamp = dateOrUndefined(event.report.timestamp);
    event.report.receivedAt = new Date(event.report.receivedAt as unknown as string);
  }
  return envelope;
}
