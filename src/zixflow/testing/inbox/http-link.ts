import { httpHref } from './shared/http-href';
import type { InboxLinkView } from './shared/inbox-view.types';

/** A URL to show: the address without its scheme as the text, and an `href` only when {@link httpHref} accepts it. */
export function linkView(value: string): InboxLinkView {
  const href = httpHref(value);
  return href === undefined ? { text: value } : { text: href.replace(/^https?:\/\//, ''), href };
}
