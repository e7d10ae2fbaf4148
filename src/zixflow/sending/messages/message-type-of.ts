import { ZixflowValidationError } from '../../core/errors/zixflow-validation.error';
import { WHATSAPP_MESSAGE_KINDS, WhatsappMessageType } from './whatsapp-message-kinds';

const MESSAGE_TYPES = Object.keys(WHATSAPP_MESSAGE_KINDS).join(', ');

/**
 * The kind of one bulk message, read from its `type`. Throws {@link ZixflowValidationError} when
 * `type` is missing or names no kind, so that message fails alone and nothing is sent for it.
 */
export function messageTypeOf(message: unknown): WhatsappMessageType {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    throw new ZixflowValidationError(['message must be an object']);
  }
  const type: unknown = (message as { type?: unknown }).type;
  if (type === undefined) {
    throw new ZixflowValidationError([`type is required in a bulk message: one of ${MESSAGE_TYPES}`]);
  }
  // Own keys only: "constructor" or "__proto__" must not pass for a message kind.
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(WHATSAPP_MESSAGE_KINDS, type)) {
    throw new ZixflowValidationError([`type must be one of ${MESSAGE_TYPES}`]);
  }
  return type as WhatsappMessageType;
}
