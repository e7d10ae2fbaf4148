/**
 * What a successful send resolves to: Zixflow accepted (on the AI API: queued) the message. It is
 * not a delivery receipt; delivery is reported later to `reportURL` (campaign API) or
 * `post_back_url` (AI API).
 */
export interface ZixflowSendResult {
  /** Always true: anything else rejects with a typed error (also for the AI API's `success: true`). */
  status: true;
  /** Zixflow's message, verbatim. Do not match on its text: it varies between endpoints. */
  message: string;
  /** Zixflow's id of the message, returned by the campaign API when `submissionStatus` was true. */
  messageId?: string;
  /** Zixflow's id of the campaign the message belongs to, returned when `submissionStatus` was true. */
  campaignId?: string;
  /**
   * The AI API's `request_id` (a UUID): what `getDeliveryReport` takes and what every post-back of
   * this message carries. Absent on the campaign API, and in the AI API's older answer shape.
   */
  requestId?: string;
}
