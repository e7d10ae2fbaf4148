import type { InboxRichText } from './shared/inbox-view.types';
import { formatWhatsappText } from './whatsapp-text.formatter';

describe('formatWhatsappText', () => {
  it.each<[string, string, InboxRichText]>([
    ['plain text', 'hello', [{ text: 'hello' }]],
    ['bold', 'say *hi*', [{ text: 'say ' }, { text: 'hi', bold: true }]],
    ['italic', '_soon_', [{ text: 'soon', italic: true }]],
    ['strike', 'was ~10~ 8', [{ text: 'was ' }, { text: '10', strike: true }, { text: ' 8' }]],
    ['monospace, taken literally', 'run ```*npm* test```', [{ text: 'run ' }, { text: '*npm* test', mono: true }]],
    [
      'nested styles',
      '*bold _both_*',
      [
        { text: 'bold ', bold: true },
        { text: 'both', bold: true, italic: true },
      ],
    ],
    ['a marker inside a word', 'snake_case_name', [{ text: 'snake_case_name' }]],
    ['arithmetic', '2*3*4', [{ text: '2*3*4' }]],
    ['a lone marker', 'a * b', [{ text: 'a * b' }]],
    ['a marker followed by a space', '* not bold*', [{ text: '* not bold*' }]],
    ['a pair split across lines', '*one\ntwo*', [{ text: '*one\ntwo*' }]],
    ['an empty pair', '**', [{ text: '**' }]],
    ['punctuation after the closing marker', '*Hi*!', [{ text: 'Hi', bold: true }, { text: '!' }]],
  ])('reads %s', (_case, text, expected) => {
    expect(formatWhatsappText(text)).toEqual(expected);
  });

  it('turns http(s) addresses into links, without the punctuation that ends the sentence', () => {
    expect(formatWhatsappText('See https://example.com/a_b_c, then http://x.test/path.')).toEqual([
      { text: 'See ' },
      { text: 'https://example.com/a_b_c', href: 'https://example.com/a_b_c' },
      { text: ', then ' },
      { text: 'http://x.test/path', href: 'http://x.test/path' },
      { text: '.' },
    ]);
  });

  it('keeps a link whole inside a styled run', () => {
    expect(formatWhatsappText('*see https://example.com/a_b*')).toEqual([
      { text: 'see ', bold: true },
      { text: 'https://example.com/a_b', bold: true, href: 'https://example.com/a_b' },
    ]);
  });

  it.each([
    'javascript:alert(1)',
    '[tap](javascript:alert(1))',
    'JAVASCRIPT:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@example.com/',
    'vbscript:msgbox(1)',
  ])('never makes a link of %s', (text) => {
    expect(formatWhatsappText(text).some((segment) => segment.href !== undefined)).toBe(false);
  });

  it('stops a link at markup, so nothing of it can become an attribute', () => {
    const segments = formatWhatsappText('https://example.com/<img src=x onerror=alert(1)>');
    expect(segments[0]).toEqual({ text: 'https://example.com/', href: 'https://example.com/' });
    expect(segments.map((segment) => segment.text).join('')).toBe('https://example.com/<img src=x onerror=alert(1)>');
  });

  it('keeps markup as text', () => {
    expect(formatWhatsappText('<img src=x onerror=window.__xss=1>')).toEqual([
      { text: '<img src=x onerror=window.__xss=1>' },
    ]);
  });
});
