/**
 * What a successful send resolves to: Zixflow accepted the message. It is not a delivery receipt;
 * delivery is reported later to `reportURL`.
 */
export interface ZixflowSendResult {
  /** Always true: anything else rejects with a typed error. */
  status: true;
  /** Zixflow's message, verbatim. Do not match on its text: it varies between endpoints. */
  message: string;
  /** Zixflow's id of the message, returned when `submissionStatus` was true. */
  messageId?: string;
  /** Zixflow's id of the campaign the message belongs to, returned when `submissionStatus` was true. */
  campaignId?: string;
}
