import { ZixflowSessionWindowClosedError } from '../../core/errors/zixflow-session-window-closed.error';
import { maskPhoneNumber } from '../../core/phone/mask-phone-number';
import type { WhatsappMessageType } from './whatsapp-message-kinds';
import type { ZixflowSendOptions } from './zixflow-message.types';

/** WhatsApp's customer-service window: session messages only within 24 hours of the customer's last message. */
export const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * What a send with a `sessionWindow` option becomes: the message itself while the window is open
 * (and always for a template), the fallback template once it is closed, or a refusal before the
 * network when there is none. Without the option nothing is checked (the default for plain sends:
 * only the app knows when its customer last wrote).
 */
export function applySessionWindow(
  type: WhatsappMessageType,
  message: Record<string, unknown>,
  options: ZixflowSendOptions,
  now: number = Date.now(),
): { type: WhatsappMessageType; message: Record<string, unknown> } {
  const window = options.sessionWindow;
  if (window === undefined || type === 'template') return { type, message };
  const last = window.lastCustomerMessageAt;
  if (last !== undefined && now - last.getTime() < SESSION_WINDOW_MS) return { type, message };
  if (window.fallbackTemplate !== undefined) {
    const addressing =
      message.phoneId === undefined ? { to: message.to } : { to: message.to, phoneId: message.phoneId };
    return { type: 'template', message: { ...window.fallbackTemplate, ...addressing } };
  }
  throw new ZixflowSessionWindowClosedError(maskPhoneNumber(String(message.to)), last);
}
