import { httpHref } from '../shared/http-href.js';
import { initialsOf, toneOf } from './inbox-format.js';

/*
 * The only ways the page makes nodes: elements with a class and text (textContent, never markup),
 * icons from constant drawings, and links whose address passed httpHref. ESLint forbids the rest
 * (innerHTML and friends, href or src from anywhere else) in the page's files.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Constant drawings only: icons are built from these paths, never from message data. */
const ICONS = {
  tick: { box: '0 0 18 12', d: 'M4 6.6l2.9 2.9L13.6 2.4' },
  ticks: { box: '0 0 18 12', d: 'M1.2 6.6l2.9 2.9L10.8 2.4M7.4 8.9l0.6 0.6L14.7 2.4' },
  clock: { box: '0 0 12 12', d: 'M6 1.2a4.8 4.8 0 1 0 0.01 0M6 3.4V6l1.8 1.3' },
  play: { box: '0 0 24 24', d: 'M8 5v14l11-7z' },
  image: {
    box: '0 0 24 24',
    d: 'M21 19V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2zM8.5 13.5l2.5 3 3.5-4.5 4.5 6H5z',
  },
  audio: { box: '0 0 24 24', d: 'M12 3v10.55A4 4 0 1 0 14 17V7h4V3z' },
  document: { box: '0 0 24 30', d: 'M15 1H4a3 3 0 0 0-3 3v22a3 3 0 0 0 3 3h16a3 3 0 0 0 3-3V9zm-1 9V3l7 7z' },
  pin: {
    box: '0 0 24 24',
    d: 'M12 2a7 7 0 0 0-7 7c0 5.3 7 13 7 13s7-7.7 7-13a7 7 0 0 0-7-7zm0 9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5z',
  },
  reply: { box: '0 0 24 24', d: 'M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z' },
  send: { box: '0 0 24 24', d: 'M2 21l21-9L2 3v7l15 2-15 2z' },
  person: {
    box: '0 0 24 24',
    d: 'M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-4.4 0-10 2.2-10 5v3h20v-3c0-2.8-5.6-5-10-5z',
  },
} as const satisfies Record<string, { box: string; d: string }>;

/** The icons the page can draw. */
export type IconName = keyof typeof ICONS;

/** The element with this id, checked to be of the expected kind, so a renamed id fails loudly at start. */
export function byId<T extends HTMLElement>(id: string, kind: { new (): T; prototype: T }): T {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`The inbox page has no ${kind.name} #${id}`);
  return node;
}

/** An element with an optional class and text; the text is always text, whatever it contains. */
export function make<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  className?: string | null,
  text?: string | number | null,
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** `child` inside a new `tag` element, e.g. bold text inside `<strong>`. */
export function wrap(tag: keyof HTMLElementTagNameMap, child: Node): HTMLElement {
  const node = document.createElement(tag);
  node.appendChild(child);
  return node;
}

/** An inline SVG icon, hidden from screen readers (the control around it carries the label). */
export function icon(name: IconName, className?: string): SVGSVGElement {
  const drawing = ICONS[name];
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', drawing.box);
  svg.setAttribute('aria-hidden', 'true');
  if (className) svg.setAttribute('class', className);
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', drawing.d);
  svg.appendChild(path);
  return svg;
}

/** The only way an address becomes a link: an absolute http(s) URL without credentials, opened apart. */
export function linkOrText(href: string | undefined, text: string, className?: string): HTMLElement {
  const safe = httpHref(href);
  if (safe === undefined) {
    // Shown, so the developer sees what the message held, but never styled or usable as a link.
    const plain = make('span', (className ? `${className} ` : '') + 'not-a-link', text);
    plain.title = 'Not an http(s) address: shown as text';
    return plain;
  }
  const anchor = make('a', className, text);
  // eslint-disable-next-line no-restricted-syntax -- the page's one href, and httpHref has just checked it
  anchor.href = safe;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  return anchor;
}

/** Initials on the conversation's colour, or the person icon when the name has no letters. */
export function fillAvatar(node: HTMLElement, id: string, name: string): void {
  node.replaceChildren();
  node.dataset.tone = toneOf(id);
  const initials = initialsOf(name);
  if (initials) node.textContent = initials;
  else node.appendChild(icon('person'));
}
