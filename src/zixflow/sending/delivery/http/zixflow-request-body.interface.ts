/** A request ready to post: where, the JSON body, and the recipient and number for logs and pacing. */
export interface ZixflowOutgoingRequest {
  /** Path relative to the base URL. */
  path: string;
  /** The body in the configured API's wire format. */
  body: Record<string, unknown>;
  /** The recipient, digits only; only ever logged masked. */
  to: string;
  /** The sending number; pacing is per number. */
  phoneId: string;
}
