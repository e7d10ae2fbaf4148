import type { SandboxMessageKind } from '../zixflow-sandbox.types';
import { linkView } from './http-link';
import {
  addressRequestView,
  contactsView,
  ctaUrlView,
  listView,
  locationRequestView,
  reactionView,
} from './inbox-interactive.view';
import { isObject, objectAt, textAt, type JsonObject } from './inbox-json';
import type {
  InboxButtonView,
  InboxContentView,
  InboxMediaKind,
  InboxTemplateVariable,
} from './shared/inbox-view.types';
import { formatWhatsappText } from './whatsapp-text.formatter';

/*
 * Turns send bodies (what the app sent) and webhook `message` objects (what the customer wrote)
 * into what a bubble shows. Outgoing bodies passed the sandbox's strict checks; incoming objects
 * can be anything a test chose to simulate, so every field is read defensively.
 */

const MEDIA_KINDS: readonly InboxMediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];
/** Long enough to recognise an unknown message, short enough to keep a bubble readable. */
const UNSUPPORTED_DETAIL_MAX = 300;

/**
 * What a bubble shows for a send body the sandbox accepted, on either API: the AI API's bodies
 * carry no `type` (the path named the kind), so the kind the sandbox recorded decides; without
 * it the campaign body's own `type` does.
 */
export function outgoingContentView(body: JsonObject, kind?: SandboxMessageKind): InboxContentView {
  const interactive = objectAt(body, 'interactive');
  switch (kind ?? campaignKindOf(body)) {
    case 'template':
      return templateView(body);
    case 'reply_buttons':
      return interactive === undefined ? unsupportedView('interactive', body) : buttonsView(interactive);
    case 'list':
      return interactive === undefined ? unsupportedView('list', body) : listView(interactive);
    case 'cta_url':
      return interactive === undefined
        ? unsupportedView('cta_url', body)
        : ctaUrlView(interactive, headerOf(interactive));
    case 'location_request':
      return interactive === undefined ? unsupportedView('location_request', body) : locationRequestView(interactive);
    case 'address_request':
      return interactive === undefined ? unsupportedView('address_request', body) : addressRequestView(interactive);
    case 'contacts':
      return contactsView(body.contacts);
    case 'reaction':
      return reactionView(objectAt(body, 'reaction'));
    default:
      return messageView(body, kind ?? (typeof body.type === 'string' ? body.type : 'unknown'));
  }
}

/** The campaign API says the kind in `type`; a template has none, and a list is `interactive` too. */
function campaignKindOf(body: JsonObject): string {
  if (typeof body.templateName === 'string') return 'template';
  if (body.type !== 'interactive') return typeof body.type === 'string' ? body.type : 'unknown';
  return objectAt(body, 'interactive')?.type === 'list' ? 'list' : 'reply_buttons';
}

/** What a bubble shows for the `message` object of a simulated customer message. */
export function incomingContentView(message: JsonObject): InboxContentView {
  const type = typeof message.type === 'string' ? message.type : 'unknown';
  if (type === 'interactive' || type === 'button') return tapView(message, type) ?? unsupportedView(type, message);
  if (type === 'contacts')
    return Array.isArray(message.contacts) ? contactsView(message.contacts) : unsupportedView(type, message);
  if (type === 'reaction') return reactionView(objectAt(message, 'reaction'));
  return messageView(message, type);
}

function messageView(holder: JsonObject, type: string): InboxContentView {
  const value = objectAt(holder, type);
  if (value === undefined) return unsupportedView(type, holder);
  if (type === 'text') return { kind: 'text', text: formatWhatsappText(textAt(value, 'body') ?? '') };
  if (isMediaKind(type)) return mediaView(type, value);
  if (type === 'location') return locationView(value);
  if (type === 'interactive') return buttonsView(value);
  return unsupportedView(type, holder);
}

function mediaView(media: InboxMediaKind, value: JsonObject): InboxContentView {
  const address = textAt(value, 'link') ?? textAt(value, 'url');
  const mediaId = address === undefined ? textAt(value, 'id') : undefined;
  const caption = textAt(value, 'caption');
  const filename = textAt(value, 'filename') ?? textAt(value, 'name');
  return {
    kind: 'media',
    media,
    ...(address !== undefined && { link: linkView(address) }),
    ...(mediaId !== undefined && { mediaId }),
    ...(filename !== undefined && { filename }),
    ...(caption !== undefined && caption !== '' && { caption: formatWhatsappText(caption) }),
  };
}

function locationView(value: JsonObject): InboxContentView {
  const latitude = textAt(value, 'latitude') ?? '?';
  const longitude = textAt(value, 'longitude') ?? '?';
  const name = textAt(value, 'name');
  const address = textAt(value, 'address');
  const map = mapLink(latitude, longitude);
  return {
    kind: 'location',
    latitude,
    longitude,
    ...(name !== undefined && { name }),
    ...(address !== undefined && { address }),
    ...(map !== undefined && { map: linkView(map) }),
  };
}

/** A map link built only from numbers in range, so the coordinates cannot smuggle anything into the URL. */
function mapLink(latitude: string, longitude: string): string | undefined {
  const lat = Number(latitude);
  const lon = Number(longitude);
  if (latitude.trim() === '' || longitude.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lon))
    return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}

function headerOf(interactive: JsonObject): InboxContentView | undefined {
  const header = objectAt(interactive, 'header');
  return header === undefined ? undefined : headerContentView(header);
}

function buttonsView(interactive: JsonObject): InboxContentView {
  const footer = textAt(objectAt(interactive, 'footer'), 'text');
  const headerView = headerOf(interactive);
  return {
    kind: 'buttons',
    ...(headerView !== undefined && { header: headerView }),
    body: formatWhatsappText(textAt(objectAt(interactive, 'body'), 'text') ?? ''),
    ...(footer !== undefined && { footer }),
    buttons: buttonsOf(objectAt(interactive, 'action')),
  };
}

function headerContentView(header: JsonObject): InboxContentView | undefined {
  const type = textAt(header, 'type');
  if (type === 'text') return { kind: 'text', text: [{ text: textAt(header, 'text') ?? '', bold: true }] };
  const media = type === undefined ? undefined : objectAt(header, type);
  return type !== undefined && isMediaKind(type) && media !== undefined ? mediaView(type, media) : undefined;
}

function buttonsOf(action: JsonObject | undefined): InboxButtonView[] {
  const buttons = action?.buttons;
  if (!Array.isArray(buttons)) return [];
  return buttons.flatMap((button: unknown) => {
    const reply = objectAt(isObject(button) ? button : undefined, 'reply');
    const id = textAt(reply, 'id');
    const title = textAt(reply, 'title');
    return id !== undefined && title !== undefined ? [{ id, title }] : [];
  });
}

function templateView(body: JsonObject): InboxContentView {
  const variables = objectAt(body, 'variables') ?? {};
  const list: InboxTemplateVariable[] = Object.entries(variables).map(([name, value]) => ({
    name,
    value: String(value),
  }));
  return {
    kind: 'template',
    name: String(body.templateName ?? body.template_name),
    language: textAt(body, 'language') ?? '',
    variables: list,
  };
}

/** A tapped reply button (Meta's `interactive.button_reply`/`list_reply`) or a template quick reply (`button`). */
function tapView(message: JsonObject, type: 'interactive' | 'button'): InboxContentView | undefined {
  if (type === 'button') {
    const button = objectAt(message, 'button');
    const title = textAt(button, 'text');
    return title === undefined ? undefined : { kind: 'button-tap', id: textAt(button, 'payload') ?? title, title };
  }
  const interactive = objectAt(message, 'interactive');
  const listReply = objectAt(interactive, 'list_reply');
  const reply = objectAt(interactive, 'button_reply') ?? listReply;
  const id = textAt(reply, 'id');
  if (id === undefined) return undefined;
  return {
    kind: 'button-tap',
    id,
    title: textAt(reply, 'title') ?? id,
    ...(reply === listReply && { fromList: true }),
  };
}

function unsupportedView(type: string, value: JsonObject): InboxContentView {
  const json = JSON.stringify(value) ?? '';
  const detail = json.length > UNSUPPORTED_DETAIL_MAX ? `${json.slice(0, UNSUPPORTED_DETAIL_MAX)}…` : json;
  return { kind: 'unsupported', type, detail };
}

function isMediaKind(type: string): type is InboxMediaKind {
  return (MEDIA_KINDS as readonly string[]).includes(type);
}
