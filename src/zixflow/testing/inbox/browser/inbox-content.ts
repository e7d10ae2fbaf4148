import { INBOX_MEDIA_LABELS } from '../shared/inbox.constants.js';
import type { InboxContentView, InboxRichText } from '../shared/inbox-view.types.js';
import { icon, linkOrText, make, wrap } from './inbox-dom.js';
import {
  addressRequestNode,
  contactsNode,
  ctaBodyNode,
  listBodyNode,
  locationRequestNode,
  reactionNode,
} from './inbox-kinds.js';

/*
 * What is inside a bubble, for each kind of message. The server has already turned the message
 * into plain view data (styled text runs, checked links), so this only builds nodes from it.
 */

type ContentOf<Kind extends InboxContentView['kind']> = Extract<InboxContentView, { kind: Kind }>;

/** Text runs with WhatsApp's styles (bold, italic, strike, mono) and checked links. */
export function richText(segments: InboxRichText, className?: string): HTMLElement {
  const container = make('div', 'text' + (className ? ` ${className}` : ''));
  segments.forEach((segment) => {
    let node: Node = segment.href ? linkOrText(segment.href, segment.text) : document.createTextNode(segment.text);
    if (segment.mono) node = wrap('code', node);
    if (segment.strike) node = wrap('s', node);
    if (segment.italic) node = wrap('em', node);
    if (segment.bold) node = wrap('strong', node);
    container.appendChild(node);
  });
  return container;
}

function mediaNode(content: ContentOf<'media'>): HTMLElement {
  const box = make('div', 'media');
  box.dataset.media = content.media;
  const label = INBOX_MEDIA_LABELS[content.media] || content.media;
  if (content.media === 'image' || content.media === 'video' || content.media === 'sticker') {
    const frame = make('div', 'media-frame');
    frame.dataset.media = content.media;
    const badge = make('span', 'play');
    badge.appendChild(icon(content.media === 'video' ? 'play' : 'image'));
    frame.appendChild(badge);
    frame.appendChild(make('span', 'media-note', `${label} (not loaded in the sandbox)`));
    box.appendChild(frame);
  } else {
    const card = make('div', 'file-card');
    card.appendChild(icon(content.media === 'audio' ? 'audio' : 'document'));
    const info = make('div', 'file-info');
    info.appendChild(make('div', 'file-name', content.filename || label));
    info.appendChild(make('div', 'file-kind', label));
    card.appendChild(info);
    box.appendChild(card);
  }
  if (content.link) box.appendChild(linkOrText(content.link.href, content.link.text, 'media-link link'));
  if (content.mediaId) box.appendChild(make('div', 'media-id', `Uploaded media id ${content.mediaId}`));
  if (content.caption) box.appendChild(richText(content.caption, 'caption'));
  return box;
}

function locationNode(content: ContentOf<'location'>): HTMLElement {
  const box = make('div', 'location');
  const map = make('div', 'map');
  map.appendChild(icon('pin'));
  box.appendChild(map);
  if (content.name) box.appendChild(make('div', 'location-name', content.name));
  if (content.address) box.appendChild(make('div', 'location-address', content.address));
  box.appendChild(make('div', 'coordinates', `${content.latitude}, ${content.longitude}`));
  if (content.map) box.appendChild(linkOrText(content.map.href, 'Open in OpenStreetMap', 'link'));
  return box;
}

function templateNode(content: ContentOf<'template'>): HTMLElement {
  const box = make('div', 'template');
  box.appendChild(make('span', 'template-label', 'Template'));
  const title = make('div', 'template-title');
  title.appendChild(make('span', 'template-name', content.name));
  title.appendChild(make('span', 'template-language', content.language));
  box.appendChild(title);
  if (content.variables.length > 0) {
    const list = make('dl', 'template-variables');
    content.variables.forEach((variable) => {
      list.appendChild(make('dt', null, `{{${variable.name}}}`));
      list.appendChild(make('dd', null, variable.value));
    });
    box.appendChild(list);
  }
  return box;
}

/** A header above an interactive body: bold text, or a media card. */
function headerNode(header: InboxContentView): HTMLElement {
  return header.kind === 'text' ? richText(header.text, 'header-text') : contentNode(header);
}

/** The bubble of a reply-buttons message; the buttons themselves hang below it (see inbox-bubbles). */
function buttonsBodyNode(content: ContentOf<'buttons'>): HTMLElement {
  const box = make('div', 'interactive');
  if (content.header) box.appendChild(headerNode(content.header));
  box.appendChild(richText(content.body));
  if (content.footer) box.appendChild(make('div', 'footer-text', content.footer));
  return box;
}

function tapNode(content: ContentOf<'button-tap'>): HTMLElement {
  const box = make('div', 'tap-box');
  box.appendChild(make('span', 'tap-label', content.fromList ? 'Picked from a list' : 'Tapped a button'));
  const line = make('span', 'tap');
  line.appendChild(icon('reply'));
  line.appendChild(make('span', 'tap-title', content.title));
  box.appendChild(line);
  return box;
}

function unsupportedNode(content: ContentOf<'unsupported'>): HTMLElement {
  const box = make('div', 'unsupported', `Unsupported message (${content.type})`);
  box.appendChild(make('code', 'unsupported-detail', content.detail));
  return box;
}

/** The inside of one bubble. */
export function contentNode(content: InboxContentView): HTMLElement {
  switch (content.kind) {
    case 'text':
      return richText(content.text);
    case 'media':
      return mediaNode(content);
    case 'location':
      return locationNode(content);
    case 'buttons':
      return buttonsBodyNode(content);
    case 'list':
      return listBodyNode(content, richText);
    case 'cta-url':
      return ctaBodyNode(content, richText, content.header ? headerNode(content.header) : undefined);
    case 'location-request':
      return locationRequestNode(content, richText);
    case 'address-request':
      return addressRequestNode(content, richText);
    case 'contacts':
      return contactsNode(content);
    case 'reaction':
      return reactionNode(content);
    case 'template':
      return templateNode(content);
    case 'button-tap':
      return tapNode(content);
    case 'unsupported':
      return unsupportedNode(content);
  }
}
