/*
 * Shared by the server and the inbox page (compiled once as CommonJS for the sandbox and once as an
 * ES module for the browser), so both apply one rule. Browser and Node globals only: no imports.
 */

/**
 * The URL, normalised, when it is a plain `http:`/`https:` URL without credentials; otherwise
 * undefined. Everything else (`javascript:`, `data:`, relative paths, `user:pass@` tricks) stays
 * text, so message content can never produce a link that runs code or hides where it goes. The
 * server uses it to find links in messages; the page checks every link with it again before it
 * sets an `href`, so a server bug alone cannot make a dangerous link.
 */
export function httpHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
