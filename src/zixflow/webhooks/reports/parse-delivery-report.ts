import { ZixflowWebhookPayloadError } from '../errors/zixflow-webhook-payload.error';
import { firstPresent, isJsonObject, JsonObject, readId, readText, readTimestamp } from '../../core/json/payload-fields';
import { ZixflowDeliveryReport } from './zixflow-delivery-report.interface';

/*
 * Field names per concept, best guess first. Zixflow documents only that reportURL receives a POST
 * with a JSON body; the names come from its AI API post-backs (snake_case) and the campaign API's
 * own camelCase fields.
 */
const STATUS = ['status', 'deliveryStatus', 'delivery_status'];
const MESSAGE_ID = ['messageId', 'message_id', 'wamid'];
const CAMPAIGN_ID = ['campaignId', 'campaign_id'];
const REQUEST_ID = ['requestId', 'request_id'];
const RECIPIENT = ['recipient', 'to', 'number', 'mobile'];
const TIMESTAMP = ['timestamp', 'status_at', 'statusAt', 'time'];
const REMARK = ['remark', 'reason', 'error'];

/**
 * Parses a delivery-report body. Any JSON object is accepted, because the format is undocumented:
 * what is recognised is typed, everything is kept in `raw`. Fields nested under `data` are read
 * when the top level does not have them.
 *
 * @throws ZixflowWebhookPayloadError when the body is not a JSON object.
 */
export function parseZixflowDeliveryReport(payload: unknown, receivedAt: Date = new Date()): ZixflowDeliveryReport {
  if (!isJsonObject(payload)) {
    throw new ZixflowWebhookPayloadError(['body must be a JSON object']);
  }
  const fields: JsonObject = isJsonObject(payload.data) ? { ...payload.data, ...payload } : payload;
  return {
    status: readText(firstPresent(fields, STATUS))?.toLowerCase(),
    messageId: readId(firstPresent(fields, MESSAGE_ID)),
    campaignId: readId(firstPresent(fields, CAMPAIGN_ID)),
    requestId: readId(firstPresent(fields, REQUEST_ID)),
    recipient: readId(firstPresent(fields, RECIPIENT)),
    timestamp: readTimestamp(firstPresent(fields, TIMESTAMP)),
    remark: readText(firstPresent(fields, REMARK)),
    receivedAt,
    raw: payload,
  };
}
