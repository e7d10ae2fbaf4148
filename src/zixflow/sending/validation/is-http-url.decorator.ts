import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * True for an absolute `http:`/`https:` URL with a host. WhatsApp fetches media and Zixflow posts
 * reports to these URLs from the internet, so `javascript:`, `file:`, `ftp:` and relative paths
 * can never work and are refused before sending.
 */
export function isHttpUrl(value: unknown): boolean {
  // The WHATWG parser silently repairs `https:/host`, `https:host` and backslashes, but the string is
  // sent as typed, so the scheme must be followed by exactly `//` and a host.
  if (typeof value !== 'string' || /\s/.test(value) || !/^https?:\/\/[^/\\]/i.test(value)) {
    return false;
  }
  if (!URL.canParse(value)) {
    return false;
  }
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

/** Property decorator: the value must satisfy {@link isHttpUrl}. */
export function IsHttpUrl(example: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHttpUrl',
      validator: {
        validate: (value: unknown) => isHttpUrl(value),
        defaultMessage: () => `must be an http or https URL, e.g. ${example}`,
      },
    },
    options,
  );
}
