/**
 * The 200 answer of the webhook routes. Zixflow only looks at the status code; the flags say what
 * happened, for people reading logs or testing with curl.
 */
export interface ZixflowWebhookAck {
  received: true;
  /** The event was delivered before and was not emitted again. */
  duplicate?: true;
  /** The payload is an event this module does not handle (e.g. `incoming.rcs.message`). */
  ignored?: true;
}
