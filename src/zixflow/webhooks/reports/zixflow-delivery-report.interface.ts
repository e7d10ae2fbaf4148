/**
 * A delivery report Zixflow posted to a message's `reportURL`. The format of these callbacks is not
 * documented, so every field is read tolerantly under the names Zixflow's other callbacks use
 * (see the README) and may be undefined; `raw` keeps the body exactly as received.
 * Emitted as `ZixflowEvents.DeliveryReport`.
 */
export interface ZixflowDeliveryReport {
  /** Delivery status in lower case (`sent`, `delivered`, `read`, `failed`, …); open-ended. */
  status: string | undefined;
  /** Zixflow's message id (`messageId` / `message_id`), as returned by a send with `submissionStatus: true`. */
  messageId: string | undefined;
  /** Zixflow's campaign id, when present. */
  campaignId: string | undefined;
  /** Request id (`request_id`), when present. */
  requestId: string | undefined;
  /** Who the message was sent to (`recipient` / `to`), as Zixflow wrote it. */
  recipient: string | undefined;
  /** When the status changed, according to Zixflow. */
  timestamp: Date | undefined;
  /** Zixflow's error or detail text (`remark`), when present. */
  remark: string | undefined;
  /** When this server received the report. */
  receivedAt: Date;
  /** The body exactly as received. */
  raw: Readonly<Record<string, unknown>>;
}
