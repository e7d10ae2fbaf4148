import { ValidateBy, ValidationOptions } from 'class-validator';

/** The authority of an `http(s)://` URL as typed: what comes before the first `/`, `\`, `?` or `#`. */
const AUTHORITY = /^https?:\/\/([^/\\?#]*)/i;

/**
 * Whether the URL, as typed, names a user or password before its host (`https://user:pass@host`,
 * `https://user@host`, even an empty `https://@host`). Read from the text, not the parsed URL,
 * because the parser drops an empty user info while the string is sent as typed.
 */
export function hasUrlCredentials(value: string): boolean {
  return AUTHORITY.exec(value)?.[1].includes('@') ?? false;
}

/**
 * True for an absolute `http:`/`https:` URL with a host and without credentials. WhatsApp fetches
 * media and Zixflow posts reports to these URLs from the internet, so `javascript:`, `file:`, `ftp:`
 * and relative paths can never work and are refused before sending; credentials in a URL would be
 * handed to Zixflow, WhatsApp and their logs, so they are refused too, as for `baseUrl`.
 */
export function isHttpUrl(value: unknown): boolean {
  // The WHATWG parser silently repairs `https:/host`, `https:host` and backslashes, but the string is
  // sent as typed, so the scheme must be followed by exactly `//` and a host.
  if (typeof value !== 'string' || /\s/.test(value) || !/^https?:\/\/[^/\\]/i.test(value)) {
    return false;
  }
  if (!URL.canParse(value) || hasUrlCredentials(value)) {
    return false;
  }
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

/** Property decorator: the value must satisfy {@link isHttpUrl}; the message says when credentials are why. */
export function IsHttpUrl(example: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHttpUrl',
      validator: {
        validate: (value: unknown) => isHttpUrl(value),
        defaultMessage: (args) =>
          typeof args?.value === 'string' && hasUrlCredentials(args.value)
            ? `must be an http or https URL without credentials (no user:password@ before the host), e.g. ${example}`
            : `must be an http or https URL, e.g. ${example}`,
      },
    },
    options,
  );
}
