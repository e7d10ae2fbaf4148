import { linkView } from './http-link';
import { isObject, objectAt, objectsAt, textAt, type JsonObject } from './inbox-json';
import type {
  InboxContactView,
  InboxContentView,
  InboxListSection,
  InboxTemplateVariable,
} from './shared/inbox-view.types';
import { formatWhatsappText } from './whatsapp-text.formatter';

/*
 * What a bubble shows for the kinds beyond text, media and buttons: lists (a menu the customer
 * picks from), CTA URL buttons, location and address requests, contact cards and reactions. The
 * shapes are Meta's, which both APIs relay; every field is read defensively.
 */

function bodyText(interactive: JsonObject): ReturnType<typeof formatWhatsappText> {
  return formatWhatsappText(textAt(objectAt(interactive, 'body'), 'text') ?? '');
}

function footerOf(interactive: JsonObject): { footer?: string } {
  const footer = textAt(objectAt(interactive, 'footer'), 'text');
  return footer === undefined ? {} : { footer };
}

/** A list: its menu button and the sections the picker shows. */
export function listView(interactive: JsonObject): InboxContentView {
  const action = objectAt(interactive, 'action');
  const header = textAt(objectAt(interactive, 'header'), 'text');
  const sections: InboxListSection[] = objectsAt(action, 'sections').map((section) => {
    const title = textAt(section, 'title');
    const rows = objectsAt(section, 'rows').flatMap((row) => {
      const id = textAt(row, 'id');
      const rowTitle = textAt(row, 'title');
      const description = textAt(row, 'description');
      return id === undefined || rowTitle === undefined
        ? []
        : [{ id, title: rowTitle, ...(description !== undefined && { description }) }];
    });
    return { ...(title !== undefined && { title }), rows };
  });
  return {
    kind: 'list',
    ...(header !== undefined && { header }),
    body: bodyText(interactive),
    ...footerOf(interactive),
    button: textAt(action, 'button') ?? 'Menu',
    sections,
  };
}

/** A CTA URL message: its one button, as a checked link. */
export function ctaUrlView(interactive: JsonObject, header: InboxContentView | undefined): InboxContentView {
  const parameters = objectAt(objectAt(interactive, 'action'), 'parameters');
  return {
    kind: 'cta-url',
    ...(header !== undefined && { header }),
    body: bodyText(interactive),
    ...footerOf(interactive),
    label: textAt(parameters, 'display_text') ?? 'Open',
    link: linkView(textAt(parameters, 'url') ?? ''),
  };
}

/** A location request: the question, and (on the page) a "Send location" button. */
export function locationRequestView(interactive: JsonObject): InboxContentView {
  return { kind: 'location-request', body: bodyText(interactive) };
}

/** An address request: the question, the country and the prefilled values. */
export function addressRequestView(interactive: JsonObject): InboxContentView {
  const parameters = objectAt(objectAt(interactive, 'action'), 'parameters');
  const values: InboxTemplateVariable[] = Object.entries(objectAt(parameters, 'values') ?? {}).map(([name, value]) => ({
    name,
    value: String(value),
  }));
  return {
    kind: 'address-request',
    body: bodyText(interactive),
    ...footerOf(interactive),
    country: textAt(parameters, 'country') ?? '?',
    values,
  };
}

/** Contact cards: a name each, with its numbers, addresses and company. */
export function contactsView(contacts: unknown): InboxContentView {
  const cards: InboxContactView[] = (Array.isArray(contacts) ? contacts.filter(isObject) : []).map((card) => {
    const name = objectAt(card, 'name');
    const org = textAt(objectAt(card, 'org'), 'company');
    return {
      name: textAt(name, 'formatted_name') ?? textAt(name, 'first_name') ?? 'Contact',
      phones: objectsAt(card, 'phones').flatMap((phone) => textAt(phone, 'phone') ?? textAt(phone, 'wa_id') ?? []),
      emails: objectsAt(card, 'emails').flatMap((email) => textAt(email, 'email') ?? []),
      ...(org !== undefined && { org }),
    };
  });
  return { kind: 'contacts', contacts: cards };
}

/** A reaction that is not drawn on its message (the message is not in this conversation). */
export function reactionView(reaction: JsonObject | undefined): InboxContentView {
  return { kind: 'reaction', emoji: textAt(reaction, 'emoji') ?? '', messageId: textAt(reaction, 'message_id') ?? '' };
}
