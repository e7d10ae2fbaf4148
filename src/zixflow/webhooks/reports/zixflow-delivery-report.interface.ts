/**
 * A delivery report: a callback Zixflow posted to a message's `reportURL` (campaign API, format not
 * documented) or a post-back to its `post_back_url` (AI API, documented, §4.1 of the API notes).
 * Every field is read tolerantly under the names Zixflow's callbacks use and may be undefined;
 * `raw` keeps the body as received. Emitted as `ZixflowEvents.DeliveryReport` for both.
 */
export interface ZixflowDeliveryReport {
  /** Which callback it came from: `reportURL` (`POST …/reports`) or `post_back_url` (`POST …/postbacks`). */
  callback: 'reportURL' | 'post_back_url';
  /** Delivery status in lower case (`sent`, `delivered`, `read`, `failed`, …); open-ended. */
  status: string | undefined;
  /**
   * Zixflow's message id (`messageId` / `message_id`) as a string with every digit. A post-back's
   * `message_id` is a number above 2^53: it is exact when the body's bytes reach the library (apps
   * created with `rawBody: true`), and undefined when the app's JSON parser has already rounded it.
   */
  messageId: string | undefined;
  /** Zixflow's campaign id, when present. */
  campaignId: string | undefined;
  /** The AI API's `request_id`: the `requestId` the send resolved with. */
  requestId: string | undefined;
  /** Who the message was sent to (`recipient` / `to`), as Zixflow wrote it. */
  recipient: string | undefined;
  /** When the status changed, according to Zixflow (to the millisecond). */
  timestamp: Date | undefined;
  /** The AI API's `status_at` exactly as sent, nanoseconds included (`2026-01-28T17:17:59.254174911Z`). */
  statusAt: string | undefined;
  /** Zixflow's error or detail text (`remark`), when present. */
  remark: string | undefined;
  /** The AI API's `post_back_data`: what the send gave as `postBackData`, to correlate the report. */
  postBackData: string | undefined;
  /** When this server received the report. */
  receivedAt: Date;
  /** The account it arrived for, from the webhook path (`<path>/<account>/reports`); absent on the routes without one. */
  account?: string;
  /** The body as received (integers beyond 2^53 as strings of their digits when they could be kept). */
  raw: Readonly<Record<string, unknown>>;
}
