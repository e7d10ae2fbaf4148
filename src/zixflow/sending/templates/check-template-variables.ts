import { hasUrlCredentials, isHttpUrl } from '../validation/is-http-url.decorator';
import { ZixflowTemplateVariable } from './zixflow-template-variable.interface';

const URL_TYPES = new Set(['IMAGE_URL', 'VIDEO_URL', 'DOCUMENT_URL']);

/**
 * Compares a template's declared variables with the `variables` a message gives and returns one
 * readable line per mismatch: a missing key, a key the template does not have, or a URL variable
 * whose value is not an http(s) URL. These are the commonest template failures, and Zixflow only
 * reports them after the send (if at all).
 */
export function checkTemplateVariables(
  declared: readonly ZixflowTemplateVariable[],
  given: Readonly<Record<string, string>>,
  template: string,
): string[] {
  const declaredKeys = new Set(declared.map((variable) => variable.keyName));
  const expected = declared.map((variable) => variable.keyName).join(', ') || 'no variables';
  const missing = declared
    .filter((variable) => !(variable.keyName in given))
    .map((variable) => `variables.${variable.keyName} is missing: template ${template} expects ${expected}`);
  const unexpected = Object.keys(given)
    .filter((key) => !declaredKeys.has(key))
    .map((key) => `variables.${key} is not a variable of template ${template} (it expects ${expected})`);
  const wrongType = declared
    .filter(
      (variable) => URL_TYPES.has(variable.type) && variable.keyName in given && !isHttpUrl(given[variable.keyName]),
    )
    .map((variable) => {
      const withoutCredentials = hasUrlCredentials(String(given[variable.keyName])) ? ' without credentials' : '';
      return `variables.${variable.keyName} must be an http or https URL${withoutCredentials}: the template declares it as ${variable.type}`;
    });
  return [...missing, ...unexpected, ...wrongType];
}
