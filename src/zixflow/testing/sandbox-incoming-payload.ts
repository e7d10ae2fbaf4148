import { randomBytes, randomUUID } from 'node:crypto';
import { digitsOf, isCustomerNumber } from './inbox/shared/customer-number';
import type { SandboxIncomingOptions } from './zixflow-sandbox.types';

/** The business account the sandbox pretends to be, used when a simulation does not name one. */
export interface SandboxAccount {
  phoneId: string;
  wabaId: string;
}

const DEFAULT_SENDER_NAME = 'Sandbox Customer';

/**
 * The `incoming.whatsapp.message` payload the sandbox posts. A type alias rather than an interface
 * so it still fits `Record<string, unknown>`, the type callers see in results.
 */
export type SandboxIncomingPayload = {
  event: 'incoming.whatsapp.message';
  eventId: string;
  timestamp: number;
  phoneId: string;
  wabaId: string;
  messageId: string;
  sender: { name: string; number: string };
  message: Record<string, unknown>;
};

/**
 * Builds an `incoming.whatsapp.message` payload shaped like the one Zixflow documents: a fresh
 * UUID `eventId`, a 13-digit millisecond `timestamp`, a `wamid.`-style `messageId`, and the sender
 * as country code plus number, digits only.
 */
export function buildIncomingPayload(options: SandboxIncomingOptions, account: SandboxAccount): SandboxIncomingPayload {
  return {
    event: 'incoming.whatsapp.message',
    eventId: options.eventId ?? randomUUID(),
    timestamp: toEpochMs(options.timestamp),
    phoneId: options.phoneId ?? account.phoneId,
    wabaId: options.wabaId ?? account.wabaId,
    messageId: options.messageId ?? `wamid.${randomBytes(24).toString('base64url')}`,
    sender: { name: options.name ?? DEFAULT_SENDER_NAME, number: senderDigits(options.from) },
    message: messageOf(options),
  };
}

function toEpochMs(timestamp: Date | number | undefined): number {
  if (timestamp === undefined) return Date.now();
  return timestamp instanceof Date ? timestamp.getTime() : timestamp;
}

/** Zixflow sends the sender as digits only, so typed numbers (`+1 302 389 5111`, `0044…`) are reduced to that. Throws a RangeError for anything that is not a number with its country code. */
export function senderDigits(from: string): string {
  if (typeof from !== 'string')
    throw new RangeError('ZixflowSandbox: simulateIncoming needs `from`, the customer number');
  const digits = digitsOf(from);
  if (!isCustomerNumber(digits)) {
    throw new RangeError(
      `ZixflowSandbox: from must be a phone number with its country code, 7-15 digits (got ${JSON.stringify(from)})`,
    );
  }
  return digits;
}

function messageOf(options: SandboxIncomingOptions): Record<string, unknown> {
  const given = [options.text !== undefined, options.message !== undefined].filter(Boolean).length;
  if (given !== 1) throw new RangeError('ZixflowSandbox: simulateIncoming needs exactly one of `text` or `message`');
  return options.text !== undefined ? { type: 'text', text: { body: options.text } } : { ...options.message };
}
