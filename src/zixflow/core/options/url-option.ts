import { custom, OptionField } from './option-field';
import { optionError } from './option-site';

/** Rule of an http(s) URL option. */
export interface UrlRule {
  /** A correct value, shown in the message, e.g. `https://api.zixflow.com`. */
  readonly example: string;
  /**
   * Accept a `?query` or `#fragment`. Default false: a base URL has paths appended to it, which a
   * query or fragment would swallow.
   */
  readonly allowQueryAndFragment?: boolean;
}

/**
 * An absolute `http:` or `https:` URL without credentials (they would end up in logs and error
 * messages; the API key travels in a header instead), returned without trailing slashes so paths
 * can be appended with one `/`. The message never repeats the value, which might hold a password.
 */
export function httpUrl(rule: UrlRule): OptionField<string, string> {
  const extras = rule.allowQueryAndFragment === true ? 'credentials' : 'credentials, query or fragment';
  const wording = `must be an http or https URL without ${extras}, e.g. ${rule.example}`;
  return custom(
    (value, site) => {
      const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
      const acceptable =
        url !== undefined &&
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.username === '' &&
        url.password === '' &&
        (rule.allowQueryAndFragment === true || (url.search === '' && url.hash === ''));
      if (!acceptable) {
        throw optionError(site, wording);
      }
      return url.toString().replace(/\/+$/, '');
    },
    { text: true },
  );
}
