import { ZixflowWebhookPayloadError } from '../errors/zixflow-webhook-payload.error';
import { ZIXFLOW_INCOMING_WHATSAPP_EVENT } from '../zixflow-webhooks.constants';
import { isJsonObject, JsonObject, readId, readText, readTimestamp } from '../../core/json/payload-fields';
import { parseIncomingContent } from './parse-incoming-content';
import { ZixflowIncomingMessage, ZixflowIncomingSender } from './zixflow-incoming-message.interface';

/** Long enough for any UUID or vendor id, short enough to keep dedupe keys small. */
const MAX_EVENT_ID_LENGTH = 200;
/** What people type in phone numbers besides digits; Zixflow documents digits only. */
const NUMBER_FORMATTING = /[\s()+.-]/g;
/** A customer number as Zixflow documents it: country code and number, digits only. */
const CUSTOMER_NUMBER = /^\d{5,20}$/;

/**
 * Parses the body of an `incoming.whatsapp.message` webhook into a {@link ZixflowIncomingMessage}.
 *
 * Only what a handler cannot do without is required: `eventId` (for dedupe) and `sender.number`
 * (to reply). Everything else is read tolerantly, because only part of the payload is documented:
 * a missing id stays undefined, an unusable timestamp falls back to `receivedAt`, and a message
 * type the library does not know arrives as `{ type: 'unknown', raw }`.
 *
 * @throws ZixflowWebhookPayloadError when the body is not an object or lacks a required field.
 */
export function parseZixflowIncomingMessage(payload: unknown, receivedAt: Date = new Date()): ZixflowIncomingMessage {
  if (!isJsonObject(payload)) {
    throw new ZixflowWebhookPayloadError(['body must be a JSON object']);
  }
  const problems: string[] = [];
  const eventId = readEventId(payload.eventId, problems);
  const sender = readSender(payload.sender, problems);
  if (eventId === undefined || sender === undefined) {
    throw new ZixflowWebhookPayloadError(problems);
  }
  return {
    eventId,
    timestamp: readTimestamp(payload.timestamp) ?? receivedAt,
    receivedAt,
    phoneId: readId(payload.phoneId),
    wabaId: readId(payload.wabaId),
    messageId: readId(payload.messageId),
    sender,
    message: parseIncomingContent(payload.message),
    raw: payload,
  };
}

function readEventId(value: unknown, problems: string[]): string | undefined {
  const eventId = readText(value);
  if (eventId === undefined) {
    problems.push('eventId is required (a non-empty string)');
    return undefined;
  }
  if (eventId.length > MAX_EVENT_ID_LENGTH) {
    problems.push(`eventId must be at most ${MAX_EVENT_ID_LENGTH} characters`);
    return undefined;
  }
  return eventId;
}

function readSender(value: unknown, problems: string[]): ZixflowIncomingSender | undefined {
  if (!isJsonObject(value)) {
    problems.push('sender is required (an object with the customer number)');
    return undefined;
  }
  const number = withoutFormatting(readId(value.number));
  if (number === undefined || !CUSTOMER_NUMBER.test(number)) {
    problems.push('sender.number is required (country code and number, digits only)');
    return undefined;
  }
  return { name: readText(value.name), number };
}

/** The number without spaces, brackets, dots, dashes or `+`; the documented digits-only form as it is. */
function withoutFormatting(number: string | undefined): string | undefined {
  return number === undefined || CUSTOMER_NUMBER.test(number) ? number : number.replace(NUMBER_FORMATTING, '');
}

/** True when the payload names an event other than an incoming WhatsApp message (for example an RCS one). */
export function isOtherWebhookEvent(payload: JsonObject): boolean {
  return typeof payload.event === 'string' && payload.event !== ZIXFLOW_INCOMING_WHATSAPP_EVENT;
}
