import { ZixflowError } from '../../core/errors/zixflow.error';

/**
 * A webhook body that cannot be turned into an event: not a JSON object, or an incoming message
 * without the fields every handler relies on (`eventId`, `sender.number`). The controller answers
 * it with 400 and emits nothing.
 */
export class ZixflowWebhookPayloadError extends ZixflowError {
  /** One plain sentence per problem, naming the field. */
  readonly problems: readonly string[];

  /** @param problems - what is wrong with the payload, one line each; never a secret or a full phone number. */
  constructor(problems: readonly string[]) {
    super(`Invalid Zixflow webhook payload: ${problems.join('; ')}`, { retryable: false });
    this.problems = problems;
  }
}
