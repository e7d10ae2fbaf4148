import { ZixflowWebhookPayloadError } from '../errors/zixflow-webhook-payload.error';
import {
  firstPresent,
  isJsonObject,
  JsonObject,
  readId,
  readText,
  readTimestamp,
} from '../../core/json/payload-fields';
import { ZixflowDeliveryReport } from './zixflow-delivery-report.interface';

/*
 * Field names per concept, best guess first. Zixflow documents only that reportURL receives a POST
 * with a JSON body; the names come from its AI API post-backs (snake_case, documented) and the
 * campaign API's own camelCase fields.
 */
const STATUS = ['status', 'deliveryStatus', 'delivery_status'];
const MESSAGE_ID = ['messageId', 'message_id', 'wamid'];
const CAMPAIGN_ID = ['campaignId', 'campaign_id'];
const REQUEST_ID = ['requestId', 'request_id'];
const RECIPIENT = ['recipient', 'to', 'number', 'mobile'];
const TIMESTAMP = ['timestamp', 'status_at', 'statusAt', 'time'];
const STATUS_AT = ['status_at', 'statusAt'];
const REMARK = ['remark', 'reason', 'error'];
const POST_BACK_DATA = ['post_back_data', 'postBackData'];

/**
 * Parses a delivery-report body (a `reportURL` callback by default, or an AI post-back with
 * `callback: 'post_back_url'`). Any JSON object is accepted, because the campaign format is
 * undocumented: what is recognised is typed, everything is kept in `raw`. Fields nested under
 * `data` are read when the top level does not have them. An id that JSON parsing rounded (a number
 * beyond 2^53) reads as undefined rather than as a wrong id.
 *
 * @throws ZixflowWebhookPayloadError when the body is not a JSON object.
 */
export function parseZixflowDeliveryReport(
  payload: unknown,
  receivedAt: Date = new Date(),
  callback: ZixflowDeliveryReport['callback'] = 'reportURL',
): ZixflowDeliveryReport {
  if (!isJsonObject(payload)) {
    throw new ZixflowWebhookPayloadError(['body must be a JSON object']);
  }
  const fields: JsonObject = isJsonObject(payload.data) ? { ...payload.data, ...payload } : payload;
  return {
    callback,
    status: readText(firstPresent(fields, STATUS))?.toLowerCase(),
    messageId: readId(firstPresent(fields, MESSAGE_ID)),
    campaignId: readId(firstPresent(fields, CAMPAIGN_ID)),
    requestId: readId(firstPresent(fields, REQUEST_ID)),
    recipient: readId(firstPresent(fields, RECIPIENT)),
    timestamp: readTimestamp(firstPresent(fields, TIMESTAMP)),
    statusAt: readText(firstPresent(fields, STATUS_AT)),
    remark: readText(firstPresent(fields, REMARK)),
    postBackData: readVerbatim(firstPresent(fields, POST_BACK_DATA)),
    receivedAt,
    raw: payload,
  };
}

/** `post_back_data` is opaque: kept exactly as sent (not trimmed), so it still matches what was given. */
function readVerbatim(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Whether an AI post-back is about something other than a WhatsApp delivery status: the same
 * `post_back_url` format serves SMS, RCS and e-mail (§4.1), and `type` is documented only as
 * `delivery_status`. Such bodies are acknowledged and not emitted as WhatsApp delivery reports.
 */
export function isOtherPostBack(payload: JsonObject): boolean {
  const { type, channel } = payload;
  return (
    (typeof type === 'string' && type !== 'delivery_status') || (typeof channel === 'string' && channel !== 'whatsapp')
  );
}
