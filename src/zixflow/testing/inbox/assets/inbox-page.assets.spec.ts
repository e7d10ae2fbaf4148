import { Script } from 'node:vm';
import { INBOX_PAGE_CSS } from './inbox-page.css';
import { INBOX_PAGE_HTML } from './inbox-page.html';
import { INBOX_PAGE_SCRIPT } from './inbox-page.script';

describe('inbox page assets', () => {
  it('the script is valid JavaScript', () => {
    expect(() => new Script(INBOX_PAGE_SCRIPT, { filename: 'inbox.js' })).not.toThrow();
  });

  it.each([
    'innerHTML',
    'outerHTML',
    'insertAdjacentHTML',
    'document.write',
    'eval(',
    'new Function',
    "setAttribute('href'",
    'javascript:',
  ])('the script never uses %s, so message content cannot become markup or code', (construct) => {
    expect(INBOX_PAGE_SCRIPT).not.toContain(construct);
  });

  it('the script sets an href only after checking it is http(s)', () => {
    const assignments = INBOX_PAGE_SCRIPT.match(/\.href = [^;]+;/g);
    expect(assignments).toEqual(['.href = safe;']);
    expect(INBOX_PAGE_SCRIPT).toContain("anchor.rel = 'noopener noreferrer';");
  });

  it('nothing on the page refers to another host', () => {
    for (const asset of [INBOX_PAGE_HTML, INBOX_PAGE_CSS]) {
      expect(asset).not.toMatch(/url\(|@import|https?:\/\//);
    }
    expect(INBOX_PAGE_SCRIPT.match(/https?:\/\/[^'\s]*/g)).toEqual(['http://www.w3.org/2000/svg']);
  });
});
