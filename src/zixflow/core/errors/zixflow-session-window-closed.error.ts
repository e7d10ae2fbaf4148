import { ZixflowError } from './zixflow.error';

/**
 * Refused before the network: the customer last wrote more than 24 hours ago, so WhatsApp accepts
 * only an approved template for them, and a session message would be rejected (and may still be
 * billed as an attempt). Not retryable: only a new message from the customer reopens the window.
 */
export class ZixflowSessionWindowClosedError extends ZixflowError {
  /** When the customer last wrote, as far as this app knows. */
  readonly lastCustomerMessageAt: Date | undefined;

  /**
   * @param recipient - the masked number the message was for.
   * @param lastCustomerMessageAt - when the customer last wrote, when known.
   */
  constructor(recipient: string, lastCustomerMessageAt: Date | undefined) {
    const since = lastCustomerMessageAt ? `last wrote at ${lastCustomerMessageAt.toISOString()}` : 'never wrote';
    super(
      `Not sent: the 24-hour session window of ${recipient} is closed (the customer ${since}); send an approved template instead`,
      { retryable: false, attempts: 0 },
    );
    this.lastCustomerMessageAt = lastCustomerMessageAt;
  }
}
