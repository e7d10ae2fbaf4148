import { ZIXFLOW_SESSION_MESSAGE_PATH, ZIXFLOW_TEMPLATE_MESSAGE_PATH } from '../api/zixflow-api.constants';

/** Where one kind of message is sent on the wire. */
export interface WhatsappMessageWire {
  /** API path it is posted to. */
  path: string;
  /** The `type` written into the body, or undefined for templates, whose endpoint has no `type`. */
  bodyType: string | undefined;
}

/**
 * Every message kind by its `type` value, in one table, so the service, bulk sends, replies and the
 * outbox agree on what a kind is and where it goes. The DTO of each kind is bound to this table in
 * `sending/messages`, which is checked to cover every key here.
 */
export const WHATSAPP_MESSAGE_WIRE = {
  video: { path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'video' },
  image: { path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'image' },
  audio: { path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'audio' },
  document: { path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'document' },
  text: { path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'text' },
  location: { path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'location' },
  interactive: { path: ZIXFLOW_SESSION_MESSAGE_PATH, bodyType: 'interactive' },
  template: { path: ZIXFLOW_TEMPLATE_MESSAGE_PATH, bodyType: undefined },
} as const satisfies Record<string, WhatsappMessageWire>;

/** The `type` values that name a message kind (`interactive` is reply buttons). */
export type WhatsappMessageType = keyof typeof WHATSAPP_MESSAGE_WIRE;

/** Whether `value` names a message kind; own keys only, so `constructor` or `__proto__` never pass. */
export function isWhatsappMessageType(value: unknown): value is WhatsappMessageType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WHATSAPP_MESSAGE_WIRE, value);
}
