import { ZixflowError } from './zixflow.error';

/**
 * The message was refused before any network call because it does not match what Zixflow
 * accepts. Nothing was sent.
 */
export class ZixflowValidationError extends ZixflowError {
  /** One plain sentence per problem, each starting with the property path (`video.link …`). */
  readonly errors: readonly string[];

  /** @param errors - the problems found, one readable line each. */
  constructor(errors: readonly string[]) {
    super(`Invalid WhatsApp message: ${errors.join('; ')}`, { retryable: false });
    this.errors = errors;
  }
}
