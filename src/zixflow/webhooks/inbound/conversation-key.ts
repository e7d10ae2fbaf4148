import type { ZixflowIncomingMessage } from '../incoming/zixflow-incoming-message.interface';
import type { ZixflowDeliveryReport } from '../reports/zixflow-delivery-report.interface';

/**
 * One conversation per (business number, customer): the same customer writing to two of the
 * business's numbers has two conversations, as on their phone. Bots key sessions by it, and the
 * durable inbound queue orders events by it.
 */
export function conversationKeyOf(incoming: Pick<ZixflowIncomingMessage, 'phoneId' | 'sender'>): string {
  return `${incoming.phoneId ?? 'default'}:${incoming.sender.number}`;
}

/**
 * Delivery reports are ordered per recipient, so a message's statuses are handled in the order
 * they arrived; they share no lane with the conversation, whose turns they must not hold up.
 */
export function reportStreamKey(report: ZixflowDeliveryReport): string {
  return `reports:${report.recipient ?? 'unknown'}`;
}
