import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';

/**
 * What an account name may be: it becomes a webhook path segment and part of conversation keys
 * (`<account>:<phoneId>:<number>`), so no `/`, `:` or spaces; 1 to 64 characters.
 */
const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,63}$/;

/** Whether `name` can name an account (a named registration, a tenant, a webhook account). */
export function isZixflowAccountName(name: unknown): name is string {
  return typeof name === 'string' && ACCOUNT_NAME.test(name);
}

/** Returns `name` when it can name an account, else throws a message that names `where`. */
export function checkZixflowAccountName(name: unknown, where: string): string {
  if (!isZixflowAccountName(name)) {
    throw new ZixflowConfigurationError(
      `${where} must be 1 to 64 letters, digits and - . _ ~, starting with a letter or digit (e.g. brand-b): ` +
        'it becomes a webhook path segment and part of conversation keys.',
    );
  }
  return name;
}
