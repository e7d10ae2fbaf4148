import {
  firstPresent,
  isJsonObject,
  JsonObject,
  readId,
  readNumber,
  readText,
  readTimestamp,
} from '../../core/json/payload-fields';
import type { ZixflowAccount, ZixflowDeliveryStatus, ZixflowTemplate } from './zixflow-data.types';

/*
 * Readers of the AI API's data answers (§3.16-§3.19). Tolerant like the webhook readers: a field of
 * an unexpected type reads as undefined, an item without its key field is skipped, and only an
 * answer without the documented list or object at all is reported (as undefined), so the caller can
 * say the shape was unexpected instead of returning nothing.
 */

/** `data` as a list (accounts) or `data.data` (templates, variable keys): both nestings are read. */
function listOf(body: JsonObject): unknown[] | undefined {
  if (Array.isArray(body.data)) return body.data;
  return isJsonObject(body.data) && Array.isArray(body.data.data) ? body.data.data : undefined;
}

/** The accounts of an accounts answer, or undefined when it holds no list. */
export function parseAccounts(body: JsonObject): ZixflowAccount[] | undefined {
  return listOf(body)?.flatMap((item) => {
    if (!isJsonObject(item)) return [];
    const phoneId = readId(firstPresent(item, ['phone_id', 'phoneId']));
    if (phoneId === undefined) return [];
    return [
      {
        phoneId,
        wabaId: readId(firstPresent(item, ['waba_id', 'wabaId'])),
        displayPhoneNumber: readText(firstPresent(item, ['display_phone_number', 'displayPhoneNumber'])),
        verifiedName: readText(firstPresent(item, ['verified_name', 'verifiedName'])),
        qualityRating: readText(firstPresent(item, ['quality_rating', 'qualityRating']))?.toUpperCase(),
        dailyLimit: readNumber(firstPresent(item, ['daily_limit', 'dailyLimit'])),
      },
    ];
  });
}

/** One page of a templates answer: its templates, how many items it held, and the total when given. */
export interface TemplatePage {
  templates: ZixflowTemplate[];
  /** Items in the page, malformed ones included: what the next `offset` moves by. */
  itemCount: number;
  /** `pagination.size`: every template available. */
  total: number | undefined;
}

/** One page of templates, or undefined when the answer holds no list. */
export function parseTemplatePage(body: JsonObject): TemplatePage | undefined {
  const list = listOf(body);
  if (list === undefined) return undefined;
  const pagination = isJsonObject(body.data) && isJsonObject(body.data.pagination) ? body.data.pagination : {};
  const templates = list.flatMap((item): ZixflowTemplate[] => {
    if (!isJsonObject(item)) return [];
    const name = readText(firstPresent(item, ['name', 'template_name', 'templateName']));
    if (name === undefined) return [];
    return [
      {
        name,
        language: readText(item.language),
        category: readText(item.category)?.toUpperCase(),
        status: readText(item.status)?.toUpperCase(),
        components: Array.isArray(item.components) ? item.components : [],
      },
    ];
  });
  return { templates, itemCount: list.length, total: readNumber(pagination.size) };
}

/** The delivery status in a delivery-report answer, or undefined when it holds no report object. */
export function parseDeliveryStatus(body: JsonObject, requestId: string): ZixflowDeliveryStatus | undefined {
  if (!isJsonObject(body.data)) return undefined;
  const report = body.data;
  // The report spells it `statusAt`; post-backs `status_at` (§3.19 vs §4.1): both are read.
  const statusAt = readText(firstPresent(report, ['statusAt', 'status_at']));
  return {
    requestId: readId(firstPresent(report, ['request_id', 'requestId'])) ?? requestId,
    status: readText(report.status)?.toLowerCase(),
    statusAt,
    timestamp: readTimestamp(statusAt),
    messageId: readId(firstPresent(report, ['message_id', 'messageId'])),
    recipient: readId(report.recipient),
    channel: readText(report.channel),
    remark: readText(report.remark),
  };
}
