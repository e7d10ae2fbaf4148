import type { SandboxReportStatus, SandboxSentMessage } from './zixflow-sandbox.types';

/** A callback body: as an object for records, and the exact JSON text that is posted. */
export interface ReportPayload {
  payload: Record<string, unknown>;
  json: string;
}

/** Where a message's status callbacks go: `reportURL` on the campaign API, `post_back_url` on the AI API. */
export function callbackUrlOf(message: SandboxSentMessage): unknown {
  return message.api === 'ai' ? message.body.post_back_url : message.body.reportURL;
}

/**
 * A campaign `reportURL` callback. Its format is undocumented (§4.2); it follows the AI API's
 * post-back with the campaign API's camelCase ids, so clients that read either are exercised.
 */
export function campaignReportPayload(
  message: SandboxSentMessage,
  status: SandboxReportStatus,
  now: Date,
): ReportPayload {
  const payload = {
    type: 'delivery_status',
    channel: 'whatsapp',
    messageId: message.messageId,
    campaignId: message.campaignId,
    status,
    recipient: message.to,
    to: message.to,
    phoneId: message.phoneId,
    timestamp: now.getTime(),
    status_at: now.toISOString(),
    remark: '',
  };
  return { payload, json: JSON.stringify(payload) };
}

/** Stands in for the message id while the JSON is written, then is replaced by the bare digits. */
const MESSAGE_ID_SLOT = '"__sandbox_message_id__"';

/**
 * An AI post-back exactly as §4.1 documents it: `message_id` is a JSON number above 2^53 (written
 * as bare digits, which `JSON.stringify` cannot do for a value JavaScript holds exactly),
 * `status_at` is ISO-8601 with nanoseconds, and `post_back_data` is echoed when the send had one.
 */
export function postBackPayload(
  message: SandboxSentMessage,
  status: SandboxReportStatus,
  now: Date,
  workspaceId: string,
): ReportPayload {
  const fields = {
    workspace_id: workspaceId,
    type: 'delivery_status',
    message_id: message.zixflowMessageId,
    request_id: message.requestId,
    channel: 'whatsapp',
    recipient: message.to,
    status,
    remark: '',
    status_at: withNanoseconds(now),
    ...(typeof message.body.post_back_data === 'string' && { post_back_data: message.body.post_back_data }),
  };
  const json = JSON.stringify({ ...fields, message_id: MESSAGE_ID_SLOT }).replace(
    JSON.stringify(MESSAGE_ID_SLOT),
    String(message.zixflowMessageId),
  );
  return { payload: fields, json };
}

/** `2026-01-28T17:17:59.254174911Z`: milliseconds from the clock, the finer digits from the high-resolution timer. */
function withNanoseconds(now: Date): string {
  const finer = String(process.hrtime.bigint() % 1_000_000n).padStart(6, '0');
  return `${now.toISOString().slice(0, -1)}${finer}Z`;
}
