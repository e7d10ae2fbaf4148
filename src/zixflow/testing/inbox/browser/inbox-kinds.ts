import type { InboxContentView } from '../shared/inbox-view.types.js';
import { icon, linkOrText, make } from './inbox-dom.js';

/*
 * The insides of the bubbles of the kinds beyond text, media and buttons: lists, CTA URL buttons,
 * location and address requests, contact cards and reactions. Like every node of the page they are
 * built from the server's view data with textContent only.
 */

type ContentOf<Kind extends InboxContentView['kind']> = Extract<InboxContentView, { kind: Kind }>;

/** Renders rich text; passed in to avoid a cycle with inbox-content. */
export type RichTextNode = (segments: ContentOf<'text'>['text'], className?: string) => HTMLElement;

/** The bubble of a list message; its menu and the picker hang below it (see inbox-bubbles). */
export function listBodyNode(content: ContentOf<'list'>, richText: RichTextNode): HTMLElement {
  const box = make('div', 'interactive list');
  if (content.header) box.appendChild(make('div', 'header-text', content.header));
  box.appendChild(richText(content.body));
  if (content.footer) box.appendChild(make('div', 'footer-text', content.footer));
  return box;
}

/** The bubble of a CTA URL message; its button, a checked link, hangs below it. */
export function ctaBodyNode(content: ContentOf<'cta-url'>, richText: RichTextNode, header?: HTMLElement): HTMLElement {
  const box = make('div', 'interactive cta');
  if (header) box.appendChild(header);
  box.appendChild(richText(content.body));
  if (content.footer) box.appendChild(make('div', 'footer-text', content.footer));
  return box;
}

/** A location request: the question, with WhatsApp's "Send location" button drawn inside. */
export function locationRequestNode(content: ContentOf<'location-request'>, richText: RichTextNode): HTMLElement {
  const box = make('div', 'interactive request');
  box.appendChild(richText(content.body));
  const button = make('div', 'request-button');
  button.appendChild(icon('pin'));
  button.appendChild(make('span', null, 'Send location'));
  box.appendChild(button);
  return box;
}

/** An address request: the question, the country and the values the form is prefilled with. */
export function addressRequestNode(content: ContentOf<'address-request'>, richText: RichTextNode): HTMLElement {
  const box = make('div', 'interactive request');
  box.appendChild(richText(content.body));
  if (content.footer) box.appendChild(make('div', 'footer-text', content.footer));
  const form = make('div', 'request-button', `Address form (${content.country})`);
  box.appendChild(form);
  if (content.values.length > 0) {
    const list = make('dl', 'template-variables');
    content.values.forEach((value) => {
      list.appendChild(make('dt', null, value.name));
      list.appendChild(make('dd', null, value.value));
    });
    box.appendChild(list);
  }
  return box;
}

/** Contact cards: name, numbers, addresses, company. */
export function contactsNode(content: ContentOf<'contacts'>): HTMLElement {
  const box = make('div', 'contacts');
  content.contacts.forEach((contact) => {
    const card = make('div', 'contact-card');
    const avatar = make('span', 'contact-avatar');
    avatar.appendChild(icon('person'));
    card.appendChild(avatar);
    const info = make('div', 'contact-info');
    info.appendChild(make('div', 'contact-name', contact.name));
    if (contact.org) info.appendChild(make('div', 'contact-detail', contact.org));
    [...contact.phones, ...contact.emails].forEach((line) => info.appendChild(make('div', 'contact-detail', line)));
    card.appendChild(info);
    box.appendChild(card);
  });
  return box;
}

/** A reaction to a message this conversation does not hold. */
export function reactionNode(content: ContentOf<'reaction'>): HTMLElement {
  const line = content.emoji === '' ? 'Removed a reaction' : `Reacted ${content.emoji}`;
  const box = make('div', 'reaction-note', line);
  if (content.messageId) box.title = `to ${content.messageId}`;
  return box;
}

/** The CTA button under its bubble: opens the checked address in a new tab. */
export function ctaButtonNode(content: ContentOf<'cta-url'>): HTMLElement {
  const list = make('div', 'reply-buttons');
  list.appendChild(linkOrText(content.link.href, content.label, 'reply-button cta-button'));
  return list;
}
