import type { InboxLinkView } from './inbox-view.types';

/**
 * The URL, normalised, when it is a plain `http:`/`https:` URL without credentials; otherwise
 * undefined. Everything else (`javascript:`, `data:`, relative paths, `user:pass@` tricks) stays
 * text, so message content can never produce a link that runs code or hides where it goes.
 */
export function httpHref(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

/** A URL to show: the address without its scheme as the text, and an `href` only when {@link httpHref} accepts it. */
export function linkView(value: string): InboxLinkView {
  const href = httpHref(value);
  return href === undefined ? { text: value } : { text: href.replace(/^https?:\/\//, ''), href };
}
