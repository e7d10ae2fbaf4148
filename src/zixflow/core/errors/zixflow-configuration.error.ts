import { ZixflowError } from './zixflow.error';

/**
 * Thrown while the application starts when the module options are unusable (for example an
 * empty `apiKey`), so a misconfiguration stops the app instead of failing the first send; and by a
 * call the configured API cannot make at all (`listAccounts` on the campaign API), naming the
 * option that would allow it.
 */
export class ZixflowConfigurationError extends ZixflowError {
  /** @param message - names the option and its environment variable, never its value. */
  constructor(message: string) {
    super(message, { retryable: false });
  }
}
