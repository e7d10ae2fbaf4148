import { httpHref } from './shared/http-href';
import type { InboxRichText, InboxTextSegment } from './shared/inbox-view.types';

/*
 * WhatsApp's message formatting, turned into styled runs of plain text. The result is data, not
 * markup: the page sets each run with textContent, so `<img onerror=…>` in a message stays text.
 */

type Style = 'bold' | 'italic' | 'strike';
type Styles = Partial<Record<Style | 'mono', true>>;

const MARKERS: ReadonlyMap<string, Style> = new Map([
  ['*', 'bold'],
  ['_', 'italic'],
  ['~', 'strike'],
]);
const MONOSPACE = /```([\s\S]+?)```/g;
/** Candidate links; what they end with is trimmed below and every match is checked again by httpHref. */
const URL_CANDIDATE = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}*_~'"]+$/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

interface Range {
  start: number;
  end: number;
}

/**
 * Splits `text` into runs styled as WhatsApp shows them: `*bold*`, `_italic_`, `~strike~` (nestable,
 * only at word boundaries and within one line) and ```` ```monospace``` ```` (taken literally), with
 * `http(s)://` addresses as links. Anything that does not form a valid pair stays as typed.
 */
export function formatWhatsappText(text: string): InboxRichText {
  const segments: InboxTextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(MONOSPACE)) {
    const start = match.index ?? 0;
    new StyledTextParser(text.slice(last, start), segments).parse();
    segments.push({ text: match[1], mono: true });
    last = start + match[0].length;
  }
  new StyledTextParser(text.slice(last), segments).parse();
  return mergeNeighbours(segments);
}

/** Reads one stretch of text without monospace blocks; links found first are never split by style markers. */
class StyledTextParser {
  private readonly links: Range[];

  constructor(
    private readonly text: string,
    private readonly out: InboxTextSegment[],
  ) {
    this.links = findLinks(text);
  }

  parse(): void {
    this.parseRange(0, this.text.length, {});
  }

  private parseRange(from: number, to: number, styles: Styles): void {
    let plainStart = from;
    let index = from;
    while (index < to) {
      const link = this.linkAt(index);
      if (link !== undefined) {
        index = link.end;
        continue;
      }
      const style = MARKERS.get(this.text[index]);
      const close = style !== undefined && !styles[style] ? this.closingMarker(index, to) : -1;
      if (style === undefined || close === -1) {
        index += 1;
        continue;
      }
      this.emitPlain(plainStart, index, styles);
      this.parseRange(index + 1, close, { ...styles, [style]: true });
      index = close + 1;
      plainStart = index;
    }
    this.emitPlain(plainStart, to, styles);
  }

  /** Where the pair opened at `open` closes, or -1 when the marker is not an opening one or has no partner on its line. */
  private closingMarker(open: number, to: number): number {
    const { text } = this;
    const marker = text[open];
    if (open > 0 && WORD_CHARACTER.test(text[open - 1])) return -1;
    if (open + 1 >= to || SPACE.test(text[open + 1])) return -1;
    for (let index = open + 2; index < to; index += 1) {
      const link = this.linkAt(index);
      if (link !== undefined) {
        index = link.end - 1;
        continue;
      }
      if (text[index] === '\n') return -1;
      if (text[index] !== marker || SPACE.test(text[index - 1])) continue;
      if (index + 1 >= to || !WORD_CHARACTER.test(text[index + 1])) return index;
    }
    return -1;
  }

  private linkAt(index: number): Range | undefined {
    return this.links.find((link) => link.start === index);
  }

  /** Pushes plain text, cutting out the links it contains. */
  private emitPlain(from: number, to: number, styles: Styles): void {
    let cursor = from;
    for (const link of this.links) {
      if (link.start < from || link.end > to) continue;
      pushText(this.out, this.text.slice(cursor, link.start), styles);
      const address = this.text.slice(link.start, link.end);
      const href = httpHref(address);
      this.out.push(href === undefined ? { text: address, ...styles } : { text: address, ...styles, href });
      cursor = link.end;
    }
    pushText(this.out, this.text.slice(cursor, to), styles);
  }
}

function findLinks(text: string): Range[] {
  const links: Range[] = [];
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const trimmed = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index ?? 0;
    if (httpHref(trimmed) !== undefined) links.push({ start, end: start + trimmed.length });
  }
  return links;
}

function pushText(out: InboxTextSegment[], text: string, styles: Styles): void {
  if (text !== '') out.push({ text, ...styles });
}

/** Joins runs that look the same, so the page creates as few nodes as it needs. */
function mergeNeighbours(segments: InboxTextSegment[]): InboxRichText {
  const merged: InboxTextSegment[] = [];
  for (const segment of segments) {
    const previous = merged[merged.length - 1];
    if (
      previous !== undefined &&
      previous.href === undefined &&
      segment.href === undefined &&
      sameStyles(previous, segment)
    ) {
      previous.text += segment.text;
    } else {
      merged.push({ ...segment });
    }
  }
  return merged;
}

function sameStyles(a: InboxTextSegment, b: InboxTextSegment): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.mono === b.mono;
}
