import type { ZixflowIncomingMessage } from '../incoming/zixflow-incoming-message.interface';
import type { ZixflowDeliveryReport } from '../reports/zixflow-delivery-report.interface';

/**
 * One conversation per (account, business number, customer): the same customer writing to two of
 * the business's numbers, or to two accounts, has two conversations, as on their phone. Bots key
 * sessions by it, and the durable inbound queue orders events by it. Without an account (the
 * default routes) the key is `phoneId:number` as before, so saved conversations stay valid; with
 * one it is `account:phoneId:number` (account names hold no `:`).
 */
export function conversationKeyOf(incoming: Pick<ZixflowIncomingMessage, 'phoneId' | 'sender' | 'account'>): string {
  const key = `${incoming.phoneId ?? 'default'}:${incoming.sender.number}`;
  return incoming.account === undefined ? key : `${incoming.account}:${key}`;
}

/**
 * Delivery reports are ordered per recipient, so a message's statuses are handled in the order
 * they arrived; they share no lane with the conversation, whose turns they must not hold up.
 */
export function reportStreamKey(report: ZixflowDeliveryReport): string {
  const recipient = report.recipient ?? 'unknown';
  return report.account === undefined ? `reports:${recipient}` : `reports:${report.account}:${recipient}`;
}
